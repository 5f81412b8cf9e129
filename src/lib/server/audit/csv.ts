import type { AuditFilter } from '../../domain/audit';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { csvChunks } from '../exports/csv';
import { auditEntries } from './list';

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'action', 'subject', 'detail'] as const;

/**
 * The entries a filter selects as CSV, newest first, the detail as JSON: what the page shows,
 * for a spreadsheet or an auditor's own tools. Read whole before it is returned, so the
 * database is not held by a slow download.
 */
export function auditCsv(db: Db, actor: Actor, filter: AuditFilter): string {
	const rows = (function* () {
		for (const e of auditEntries(db, actor, filter)) {
			yield [e.id, e.at, e.actor, e.action, e.subject, JSON.stringify(e.detail)];
		}
	})();
	return [...csvChunks(AUDIT_CSV_COLUMNS, rows)].join('');
}
