import { appDb } from '$lib/server/db/app-db';
import { csvFileName, hxlWanted } from '$lib/server/http/hxl-flag';
import { ipttQuery } from '$lib/server/http/iptt-query';
import { pageProblem } from '$lib/server/http/problems';
import { loadIptt } from '$lib/server/reports/iptt/iptt';
import { ipttCsv } from '$lib/server/reports/iptt/iptt-csv';
import type { RequestHandler } from './$types';

/**
 * The IPTT with the page's filters as CSV: the workbook's table, headers as keys; `hxl=1` adds
 * the HXL hashtag row.
 */
export const GET: RequestHandler = ({ url, locals }) => {
	const outcome = loadIptt(appDb(), locals.actor, ipttQuery(url));
	if (!outcome.ok) pageProblem(outcome);
	const hxl = hxlWanted(url);
	return new Response(ipttCsv(outcome.iptt, { hxl }), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${csvFileName('iptt', hxl)}"`
		}
	});
};
