import { GRANULARITY_LABEL } from '$lib/format';
import { localeOf } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages.js';
import { appDb } from '$lib/server/db/app-db';
import { inLocale } from '$lib/server/i18n/request-locale';
import { loadIptt } from '$lib/server/reports/iptt/iptt';
import { ipttWorkbook } from '$lib/server/reports/iptt/iptt-xlsx';
import { ipttQuery } from '$lib/server/http/iptt-query';
import { pageProblem } from '$lib/server/http/problems';
import type { RequestHandler } from './$types';

/**
 * The IPTT with the page's filters, as an Excel workbook, in the language asked (`?lang=fr`,
 * the page's link says its own), else the reader's.
 */
export const GET: RequestHandler = async ({ url, locals }) => {
	const locale = localeOf(url.searchParams.get('lang')) ?? locals.locale;
	const outcome = loadIptt(appDb(), locals.actor, ipttQuery(url));
	if (!outcome.ok) pageProblem(outcome);
	const { iptt } = outcome;
	const body = await inLocale(locale, () => {
		const by = GRANULARITY_LABEL[iptt.by as keyof typeof GRANULARITY_LABEL] ?? iptt.by;
		const title = m.rep_iptt_book_title({
			by,
			area: iptt.area ?? m.rep_iptt_book_whole_mission()
		});
		return ipttWorkbook(iptt, title);
	});
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': 'attachment; filename="iptt.xlsx"'
		}
	});
};
