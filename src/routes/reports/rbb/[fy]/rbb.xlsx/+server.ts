import { appDb } from '$lib/server/db/app-db';
import { pageProblem } from '$lib/server/http/problems';
import { loadRbbReport } from '$lib/server/reports/rbb/load-report';
import { rbbWorkbook } from '$lib/server/reports/rbb/xlsx';
import type { RequestHandler } from './$types';

/** The report as a workbook: the same report as the page, a sheet per section. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const loaded = loadRbbReport(appDb(), locals.actor, params.fy);
	if (!loaded.ok) pageProblem(loaded);
	const body = await rbbWorkbook(loaded.report);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="rbb-${loaded.report.year.slug}.xlsx"`
		}
	});
};
