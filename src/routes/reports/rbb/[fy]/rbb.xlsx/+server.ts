import { localeOf } from '$lib/i18n/locales';
import { appDb } from '$lib/server/db/app-db';
import { pageProblem } from '$lib/server/http/problems';
import { loadRbbReport } from '$lib/server/reports/rbb/load-report';
import { rbbWorkbook } from '$lib/server/reports/rbb/xlsx';
import type { RequestHandler } from './$types';

/** The report as a workbook: the same report as the page, in the
 * language asked (`?lang=fr`) unless it was issued in another, a sheet per section. */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const loaded = loadRbbReport(
		appDb(),
		locals.actor,
		params.fy,
		localeOf(url.searchParams.get('lang'))
	);
	if (!loaded.ok) pageProblem(loaded);
	const body = await rbbWorkbook(loaded.report);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="rbb-${loaded.report.year.slug}.xlsx"`
		}
	});
};
