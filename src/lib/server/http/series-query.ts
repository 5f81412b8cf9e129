import { z } from 'zod';
import type { SeriesQuery } from '../series/load-series';

/** A yes/no URL flag: present and not one of the ways of saying no. */
export const urlFlag = z
	.string()
	.nullable()
	.transform((v) => v !== null && !['', '0', 'false', 'no'].includes(v.trim().toLowerCase()));

const text = z
	.string()
	.nullable()
	.transform((v) => v?.trim() || null);

/**
 * The series filters of a URL: `?area=&from=&to=&by=&verified_only=` (formats.md §4). Shapes
 * only: whether a period or an area exists is decided by the series capability, one rule for
 * the API, the pages and the command line.
 */
const seriesParams = z.object({
	area: text,
	from: text,
	to: text,
	by: text,
	verified_only: urlFlag
});

export function seriesQueryFrom(url: URL): SeriesQuery {
	const p = seriesParams.parse({
		area: url.searchParams.get('area'),
		from: url.searchParams.get('from'),
		to: url.searchParams.get('to'),
		by: url.searchParams.get('by'),
		verified_only: url.searchParams.get('verified_only')
	});
	return { area: p.area, from: p.from, to: p.to, by: p.by, verifiedOnly: p.verified_only };
}
