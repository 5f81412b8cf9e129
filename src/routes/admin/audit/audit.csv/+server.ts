import { error } from '@sveltejs/kit';
import { parseAuditFilter } from '$lib/domain/audit';
import { auditCsv } from '$lib/server/audit/csv';
import { today } from '$lib/server/clock';
import { appDb } from '$lib/server/db/app-db';
import type { RequestHandler } from './$types';

/** The entries the audit page's filters select, as CSV. */
export const GET: RequestHandler = ({ url, locals }) => {
	const { filter, problems } = parseAuditFilter(url.searchParams);
	// an export is kept and passed on: it must be exactly what was asked for, or nothing
	if (problems.length > 0) error(400, problems.join(' '));
	const day = today();
	return new Response(auditCsv(appDb(), locals.actor, filter), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="audit-log-${day}.csv"`
		}
	});
};
