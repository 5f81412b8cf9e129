import { actionPrefixes, parseAuditFilter } from '$lib/domain/audit';
import { listAuditPage } from '$lib/server/audit/list';
import { appDb } from '$lib/server/db/app-db';
import { pageRequestFrom } from '$lib/server/http/page-query';
import type { PageServerLoad } from './$types';

/** The list's name in the URL: `?entries_after=ID` pages it. */
const LIST = 'entries';

export const load: PageServerLoad = ({ url, locals }) => {
	const { filter, problems } = parseAuditFilter(url.searchParams);
	// the export takes the filters, not the page being looked at
	const query = new URLSearchParams(url.searchParams);
	query.delete(`${LIST}_after`);
	query.delete(`${LIST}_before`);
	return {
		filter,
		problems,
		families: actionPrefixes(),
		entries: listAuditPage(appDb(), locals.actor, filter, pageRequestFrom(url, LIST)),
		csvHref: `/admin/audit/audit.csv${query.size > 0 ? `?${query}` : ''}`
	};
};
