import type { Actor } from '../actor';
import type { Db } from '../db';
import { csvFileName, hxlWanted } from '../http/hxl-flag';
import { jsonProblem } from '../http/problems';
import { urlFlag } from '../http/series-query';
import { exportKind } from './export-files';

/**
 * Observations as a download, in the import format — the rows `cpas export observations
 * [--indicator CODE]` writes — for the indicator page and `GET /api/v1/observations`.
 * `raw=1` keeps small cells of restricted indicators for a cleared reader (anyone else gets
 * them `<5`, docs/security.md "Small cells"); `hxl=1` adds the HXL hashtag row.
 */
export function observationsDownload(
	db: Db,
	actor: Actor,
	indicator: string | undefined,
	url: URL
): Response {
	const hxl = hxlWanted(url);
	const raw = urlFlag.parse(url.searchParams.get('raw'));
	const result = exportKind(db, actor, 'observations', { indicator, raw, hxl });
	if (!result.ok) return jsonProblem(result);
	const name = ['observations', ...(indicator ? [indicator] : []), ...(raw ? ['raw'] : [])];
	return new Response([...result.chunks].join(''), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			// raw small cells must not linger in a shared cache or the browser's
			...(raw ? { 'cache-control': 'private, no-store' } : {}),
			'content-disposition': `attachment; filename="${csvFileName(name.join('-'), hxl)}"`
		}
	});
}
