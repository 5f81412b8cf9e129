import { localeOf } from '$lib/i18n/locales';
import { appDb } from '$lib/server/db/app-db';
import { csvFileName, hxlWanted } from '$lib/server/http/hxl-flag';
import { pageProblem } from '$lib/server/http/problems';
import { rbbCsv } from '$lib/server/reports/rbb/csv';
import { loadRbbReport } from '$lib/server/reports/rbb/load-report';
import type { RequestHandler } from './$types';

/** The report as one CSV file: the same report as the page, in the
 * language asked (`?lang=fr`) unless it was issued in another; `hxl=1` adds the HXL hashtag
 * row. */
export const GET: RequestHandler = ({ params, locals, url }) => {
	const loaded = loadRbbReport(
		appDb(),
		locals.actor,
		params.fy,
		localeOf(url.searchParams.get('lang'))
	);
	if (!loaded.ok) pageProblem(loaded);
	const hxl = hxlWanted(url);
	return new Response(rbbCsv(loaded.report, { hxl }), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${csvFileName(`rbb-${loaded.report.year.slug}`, hxl)}"`
		}
	});
};
