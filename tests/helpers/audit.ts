/**
 * Reading the audit log in tests: the entries a write added, and the one entry a write must
 * leave (formats of `at` and `detail` checked on the way).
 */
import { expect } from 'vitest';
import type { Db } from '../../src/lib/server/db';

export interface Entry {
	id: number;
	at: string;
	actor: string;
	action: string;
	subject: string;
	detail: Record<string, unknown>;
}

export function entriesAfter(db: Db, id: number): Entry[] {
	return (
		db.$client.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id').all(id) as (Omit<
			Entry,
			'detail'
		> & { detail: string })[]
	).map((e) => ({ ...e, detail: JSON.parse(e.detail) as Record<string, unknown> }));
}

export function lastId(db: Db): number {
	return (
		db.$client.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_log').get() as {
			id: number;
		}
	).id;
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
