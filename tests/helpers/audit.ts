/**
 * Reading the audit log in tests: the entries a write added, and the one entry a write must
 * leave (formats of `at` and `detail` checked on the way).
 */
import { expect } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { sessionsDbOf } from '../../src/lib/server/db/sessions-db';

export interface Entry {
	id: number;
	at: string;
	actor: string;
	action: string;
	subject: string;
	detail: Record<string, unknown>;
}

/** How far each of the two logs went (audit/list.ts: the main one and the sign-in one). */
export interface Mark {
	main: number;
	signIn: number;
}

const LOGS = [
	{ table: 'audit_log', client: (db: Db) => db.$client, mark: 'main' },
	{ table: 'access_audit', client: (db: Db) => sessionsDbOf(db).$client, mark: 'signIn' }
] as const;

/** The entries of both logs after a mark (0: all), oldest first. */
export function entriesAfter(db: Db, mark: Mark | 0): Entry[] {
	return LOGS.flatMap(({ table, client, mark: which }) =>
		(
			client(db)
				.prepare(`SELECT * FROM ${table} WHERE id > ? ORDER BY id`)
				.all(mark === 0 ? 0 : mark[which]) as (Omit<Entry, 'detail'> & { detail: string })[]
		).map((e) => ({ ...e, detail: JSON.parse(e.detail) as Record<string, unknown> }))
	).sort((x, y) => (x.at === y.at ? x.id - y.id : x.at < y.at ? -1 : 1));
}

export function lastId(db: Db): Mark {
	const last = (table: string, client: Db['$client']) =>
		(client.prepare(`SELECT coalesce(max(id), 0) AS id FROM ${table}`).get() as { id: number }).id;
	return {
		main: last('audit_log', db.$client),
		signIn: last('access_audit', sessionsDbOf(db).$client)
	};
}

/** Runs a write and answers the one entry it recorded; fails if it recorded none or several. */
export async function onlyEntryOf(db: Db, write: () => unknown): Promise<Entry> {
	const mark = lastId(db);
	await write();
	const added = entriesAfter(db, mark);
	expect(added.map((e) => e.action)).toHaveLength(1);
	expect(added[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	return added[0]!;
}

export async function nothingRecordedBy(db: Db, write: () => unknown): Promise<void> {
	const mark = lastId(db);
	await write();
	expect(entriesAfter(db, mark)).toEqual([]);
}
