import { localeOf } from '$lib/i18n/locales';
import { appDb } from '$lib/server/db/app-db';
import { pageProblem } from '$lib/server/http/problems';
import { rbbCsv } from '$lib/server/reports/rbb/csv';
import { loadRbbReport } from '$lib/server/reports/rbb/load-report';
import type { RequestHandler } from './$types';

/** The report as one CSV file: the same report as the page, in the
 * language asked (`?lang=fr`) unless it was issued in another. */
export const GET: RequestHandler = ({ params, locals, url }) => {
	const loaded = loadRbbReport(
		appDb(),
		locals.actor,
		params.fy,
		localeOf(url.searchParams.get('lang'))
	);
	if (!loaded.ok) pageProblem(loaded);
	return new Response(rbbCsv(loaded.report), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="rbb-${loaded.report.year.slug}.csv"`
		}
	});
};
