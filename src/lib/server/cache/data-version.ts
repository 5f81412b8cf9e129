/**
 * What the computed views depend on, as one string that changes whenever it may have: any
 * commit to the database file by another connection or process (the import worker, the
 * command line, a second server connection) — SQLite's `PRAGMA data_version` — and any row
 * this connection itself wrote — `total_changes()`. Both are cheap counters, read once per
 * request. Sessions live in their own database file (db/sessions-db.ts), so signed-in readers
 * do not move it; a write no view reads still does, which costs a recomputation, never a
 * stale page.
 *
 * The day is part of it because views say whether figures are late (domain/freshness.ts),
 * which depends on today's date.
 */
import type { Statement } from 'better-sqlite3';
import { today } from '../clock';
import type { Db } from '../db';

interface Counters {
	dataVersion: Statement<[], number>;
	totalChanges: Statement<[], number>;
}

const counters = new WeakMap<Db, Counters>();

function countersOf(db: Db): Counters {
	let found = counters.get(db);
	if (!found) {
		found = {
			dataVersion: db.$client.prepare<[], number>('PRAGMA data_version').pluck(),
			totalChanges: db.$client.prepare<[], number>('SELECT total_changes()').pluck()
		};
		counters.set(db, found);
	}
	return found;
}

export function dataVersion(db: Db, now = Date.now()): string {
	const c = countersOf(db);
	return `${c.dataVersion.get()}.${c.totalChanges.get()}.${today(new Date(now))}`;
}

/**
 * True while this connection is inside a transaction: what it reads then may still be rolled
 * back, so nothing read then may be kept.
 */
export function writing(db: Db): boolean {
	return db.$client.inTransaction;
}
