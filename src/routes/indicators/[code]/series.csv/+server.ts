import { appDb } from '$lib/server/db/app-db';
import { seriesCsv } from '$lib/server/exports/series-csv';
import { csvFileName, hxlWanted } from '$lib/server/http/hxl-flag';
import { jsonProblem } from '$lib/server/http/problems';
import { seriesQueryFrom } from '$lib/server/http/series-query';
import { loadSeries } from '$lib/server/series/load-series';
import type { RequestHandler } from './$types';

/**
 * The chart's numbers as CSV: exactly the series the page shows for the same filters; `hxl=1`
 * adds the HXL hashtag row.
 */
export const GET: RequestHandler = ({ params, url, locals }) => {
	const result = loadSeries(appDb(), locals.actor, params.code, seriesQueryFrom(url));
	if (!result.ok) return jsonProblem(result);
	const { series } = result;
	const name = [series.indicator, series.area ?? 'mission', series.by].join('-');
	const hxl = hxlWanted(url);
	return new Response(seriesCsv(series, { hxl }), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${csvFileName(name, hxl)}"`
		}
	});
};
