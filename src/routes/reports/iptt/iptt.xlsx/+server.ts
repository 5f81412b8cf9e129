import { appDb } from '$lib/server/db/app-db';
import { loadIptt } from '$lib/server/reports/iptt/iptt';
import { ipttWorkbook } from '$lib/server/reports/iptt/iptt-xlsx';
import { ipttQuery } from '$lib/server/http/iptt-query';
import { pageProblem } from '$lib/server/http/problems';
import type { RequestHandler } from './$types';

/** The IPTT with the page's filters, as an Excel workbook. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const outcome = loadIptt(appDb(), locals.actor, ipttQuery(url));
	if (!outcome.ok) pageProblem(outcome);
	const { iptt } = outcome;
	const title = `Indicator performance tracking table — by ${iptt.by}${iptt.area ? `, ${iptt.area}` : ', whole mission'}`;
	const body = await ipttWorkbook(iptt, title);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': 'attachment; filename="iptt.xlsx"'
		}
	});
};
