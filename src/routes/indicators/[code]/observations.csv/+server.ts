import { appDb } from '$lib/server/db/app-db';
import { observationsDownload } from '$lib/server/exports/observations-download';
import type { RequestHandler } from './$types';

/**
 * The indicator's figures in the import format (formats.md §1.4), the same rows as `cpas export
 * observations --indicator CODE`: importing the file back changes nothing. `hxl=1` adds the
 * HXL hashtag row.
 */
export const GET: RequestHandler = ({ params, url, locals }) =>
	observationsDownload(appDb(), locals.actor, params.code, url);
