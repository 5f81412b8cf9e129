import type { AuditFilter } from '../../domain/audit';
import { addDays } from '../../domain/period';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { keysetPage, type Page, type PageRequest } from '../paging/keyset';
import { authorize } from '../permissions';

/** An entry as the audit page and its export show it. */
export interface AuditLogEntry {
	id: number;
	at: string;
	actor: string;
	action: string;
	subject: string;
	detail: Record<string, unknown>;
}

interface Row {
	key: number;
	id: number;
	at: string;
	actor: string;
	action: string;
	subject: string;
	detail: string;
}

const SELECT =
	'SELECT a.id AS key, a.id, a.at, a.actor, a.action, a.subject, a.detail FROM audit_log a';

/** `%` and `_` in a family name are letters, not LIKE's wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The SQL condition for a filter; the action is a family (see `inFamily`), dates UTC days. */
export function auditWhere(filter: AuditFilter): { where: string; params: unknown[] } {
	const parts: string[] = [];
	const params: unknown[] = [];
	if (filter.actor !== null) {
		parts.push('a.actor = ?');
		params.push(filter.actor);
	}
	if (filter.action !== null) {
		parts.push("(a.action = ? OR a.action LIKE ? ESCAPE '\\')");
		params.push(filter.action, `${escapeLike(filter.action)}.%`);
	}
	if (filter.subject !== null) {
		parts.push('a.subject = ?');
		params.push(filter.subject);
	}
	// ISO times sort as text: a day's entries are from its date up to the next day's
	if (filter.from !== null) {
		parts.push('a.at >= ?');
		params.push(filter.from);
	}
	if (filter.to !== null) {
		parts.push('a.at < ?');
		params.push(addDays(filter.to, 1));
	}
	return { where: parts.length === 0 ? '1' : parts.join(' AND '), params };
}

function entryOf({ key: _, detail, ...row }: Row): AuditLogEntry {
	return { ...row, detail: JSON.parse(detail) as Record<string, unknown> };
}

export const AUDIT_ENTRIES_PER_PAGE = 50;

/** The entries a filter selects, newest first, a page at a time. Administrators only. */
export function listAuditPage(
	db: Db,
	actor: Actor,
	filter: AuditFilter,
	request: PageRequest,
	limit = AUDIT_ENTRIES_PER_PAGE
): Page<AuditLogEntry> {
	authorize(actor, 'audit');
	const { where, params } = auditWhere(filter);
	const page = keysetPage<Row>(
		db.$client,
		{ select: SELECT, where, params, key: 'a.id', order: 'desc' },
		request,
		limit
	);
	return { ...page, items: page.items.map(entryOf) };
}

/** Every entry a filter selects, newest first, one at a time: for the export. */
export function* auditEntries(db: Db, actor: Actor, filter: AuditFilter): Generator<AuditLogEntry> {
	authorize(actor, 'audit');
	const { where, params } = auditWhere(filter);
	const rows = db.$client.prepare(`${SELECT} WHERE ${where} ORDER BY a.id DESC`).iterate(...params);
	for (const row of rows) yield entryOf(row as Row);
}
