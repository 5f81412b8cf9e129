import { appDb } from '$lib/server/db/app-db';
import { observationsDownload } from '$lib/server/exports/observations-download';
import type { RequestHandler } from './$types';

/**
 * `GET /api/v1/observations?indicator=CODE[&hxl=1][&raw=1]`: figures as CSV (text/csv) in the
 * import format, as `cpas export observations` writes them; without `indicator`, every
 * indicator the reader may see. An unknown indicator is a 404 with a JSON error.
 */
export const GET: RequestHandler = ({ url, locals }) => {
	const indicator = url.searchParams.get('indicator')?.trim() || undefined;
	return observationsDownload(appDb(), locals.actor, indicator, url);
};
