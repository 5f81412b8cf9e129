import type { AuditFilter } from '../../domain/audit';
import { addDays } from '../../domain/period';
import type { Actor } from '../actor';
import type Database from 'better-sqlite3';
import type { Db } from '../db';
import { sessionsDbOf } from '../db/sessions-db';
import type { Page, PageRequest } from '../paging/keyset';
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
	id: number;
	at: string;
	actor: string;
	action: string;
	subject: string;
	detail: string;
}

/**
 * The log is kept in two tables: the main database's `audit_log`, and the sessions database's
 * `access_audit` (signing in and out, backups: db/sessions-db.ts says why). They are read as one, in
 * time order. Their ids never overlap (the second starts at 1 000 000 001), so an entry's id
 * names it, and the entry before or after an id is found by its time, then its id.
 */
const SOURCES = [
	(db: Db) => ({ client: db.$client, table: 'audit_log' }),
	(db: Db) => ({ client: sessionsDbOf(db).$client, table: 'access_audit' })
];

const COLUMNS = 'a.id, a.at, a.actor, a.action, a.subject, a.detail';

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

function entryOf({ detail, ...row }: Row): AuditLogEntry {
	return { ...row, detail: JSON.parse(detail) as Record<string, unknown> };
}

export const AUDIT_ENTRIES_PER_PAGE = 50;

/** Newest first: later time first, then the higher id (entries of the same millisecond). */
const newerFirst = (x: Row, y: Row) => (x.at === y.at ? y.id - x.id : x.at < y.at ? 1 : -1);

/** Where an entry stands in the merged order, or undefined when there is no such entry. */
function positionOf(db: Db, id: number): { at: string; id: number } | undefined {
	for (const source of SOURCES) {
		const { client, table } = source(db);
		const row = client.prepare(`SELECT at, id FROM ${table} WHERE id = ?`).get(id) as
			{ at: string; id: number } | undefined;
		if (row) return row;
	}
	return undefined;
}

/** Up to `limit` rows of one table, from a position on, in the given direction. */
function rowsOf(
	client: Database.Database,
	table: string,
	filter: AuditFilter,
	from: { at: string; id: number } | null,
	older: boolean,
	limit: number
): Row[] {
	const { where, params } = auditWhere(filter);
	const beyond = from === null ? '' : ` AND (a.at, a.id) ${older ? '<' : '>'} (?, ?)`;
	const order = older ? 'DESC' : 'ASC';
	return client
		.prepare(
			`SELECT ${COLUMNS} FROM ${table} a WHERE (${where})${beyond} ORDER BY a.at ${order}, a.id ${order} LIMIT ?`
		)
		.all(...params, ...(from === null ? [] : [from.at, from.id]), limit) as Row[];
}

/** The entries a filter selects, newest first, a page at a time. Administrators only. */
export function listAuditPage(
	db: Db,
	actor: Actor,
	filter: AuditFilter,
	request: PageRequest,
	limit = AUDIT_ENTRIES_PER_PAGE
): Page<AuditLogEntry> {
	authorize(actor, 'audit');
	const backward = request.after === null && request.before !== null;
	const cursor = backward ? request.before : request.after;
	const from = cursor === null ? null : (positionOf(db, cursor) ?? null);
	// each table's next rows in the direction read, merged: at most limit + 1 are needed
	const merged = SOURCES.flatMap((source) => {
		const { client, table } = source(db);
		return rowsOf(client, table, filter, from, !backward, limit + 1);
	}).sort(newerFirst);
	if (backward) merged.reverse();
	const more = merged.length > limit;
	const rows = merged.slice(0, limit);
	if (backward) rows.reverse();
	const items = rows.map(entryOf);
	const first = items[0]?.id ?? null;
	const last = items.at(-1)?.id ?? null;
	// a cursor naming no entry reads as the first page, as a malformed one does
	const started = from !== null;
	return backward
		? { items, prev: more ? first : null, next: last }
		: { items, prev: started ? first : null, next: more ? last : null };
}

/** Every entry a filter selects, newest first, one at a time: for the export. */
export function* auditEntries(db: Db, actor: Actor, filter: AuditFilter): Generator<AuditLogEntry> {
	authorize(actor, 'audit');
	const { where, params } = auditWhere(filter);
	// both tables read newest first, side by side, each entry taken from whichever is newer
	const cursors = SOURCES.map((source) => {
		const { client, table } = source(db);
		const rows = client
			.prepare(`SELECT ${COLUMNS} FROM ${table} a WHERE ${where} ORDER BY a.at DESC, a.id DESC`)
			.iterate(...params) as IterableIterator<Row>;
		return { rows, head: rows.next() };
	});
	for (;;) {
		let newest: (typeof cursors)[number] | undefined;
		for (const c of cursors) {
			if (c.head.done) continue;
			if (!newest || newerFirst(c.head.value, newest.head.value as Row) < 0) newest = c;
		}
		if (!newest) return;
		yield entryOf(newest.head.value as Row);
		newest.head = newest.rows.next();
	}
}
