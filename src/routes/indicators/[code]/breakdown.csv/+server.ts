import { appDb } from '$lib/server/db/app-db';
import { breakdownCsv } from '$lib/server/exports/breakdown-csv';
import { csvFileName, hxlWanted } from '$lib/server/http/hxl-flag';
import { jsonProblem } from '$lib/server/http/problems';
import { seriesQueryFrom, urlFlag } from '$lib/server/http/series-query';
import { loadBreakdown } from '$lib/server/series/breakdown';
import type { RequestHandler } from './$types';

/**
 * The breakdown the page shows, as CSV: `?breakdown=DIMENSION` and the page's filters. Small
 * cells of a restricted indicator are written `<5`; `raw=1` leaves them in for a cleared actor
 * only (anyone else gets the suppressed file: docs/security.md "Small cells"). `hxl=1` adds
 * the HXL hashtag row.
 */
export const GET: RequestHandler = ({ params, url, locals }) => {
	const dimension = url.searchParams.get('breakdown')?.trim() ?? '';
	if (!dimension) {
		return jsonProblem({ problem: 'bad_request', message: 'Name a dimension: ?breakdown=sex.' });
	}
	const raw = urlFlag.parse(url.searchParams.get('raw'));
	const result = loadBreakdown(appDb(), locals.actor, params.code, seriesQueryFrom(url), dimension, {
		raw
	});
	if (!result.ok) return jsonProblem(result);
	const b = result.breakdown;
	const name = [b.indicator, b.area ?? 'mission', b.by, 'by', b.dimension, ...(b.raw ? ['raw'] : [])];
	const hxl = hxlWanted(url);
	return new Response(breakdownCsv(b, { hxl }), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			// raw small cells must not linger in a shared cache or the browser's
			...(b.raw ? { 'cache-control': 'private, no-store' } : {}),
			'content-disposition': `attachment; filename="${csvFileName(name.join('-'), hxl)}"`
		}
	});
};
