import { z } from 'zod';
import type { PageRequest } from '../paging/keyset';

const key = z.coerce.number().int().positive().nullable().catch(null);

/**
 * The page of the list `name` a URL asks for: `?{name}_after=ID` or `?{name}_before=ID`. A
 * malformed key reads as the first page rather than an error: it only ever comes from our links.
 */
export function pageRequestFrom(url: URL, name: string): PageRequest {
	const read = (suffix: string) => {
		const raw = url.searchParams.get(`${name}_${suffix}`);
		return raw === null || raw === '' ? null : key.parse(raw);
	};
	return { after: read('after'), before: read('before') };
}
