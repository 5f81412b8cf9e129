/**
 * Another connection holds the write lock: what that looks like, and waiting for it to go
 * without blocking the server. SQLite has one writer per file; an import holds the lock for
 * its whole transaction (all or nothing), which for a large file is many seconds.
 */
import type Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether an error is SQLite's "the database is locked by another connection". */
export function isBusy(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Whether a write could start now, asked without waiting (busy timeout 0 for the question):
 * takes the write lock and gives it back at once. A connection inside a transaction of its
 * own already has what it needs.
 */
export function writeLockFree(client: Database.Database): boolean {
	if (client.inTransaction) return true;
	const timeout = client.pragma('busy_timeout', { simple: true }) as number;
	client.pragma('busy_timeout = 0');
	try {
		client.exec('BEGIN IMMEDIATE');
		client.exec('ROLLBACK');
		return true;
	} catch (e) {
		if (isBusy(e)) return false;
		throw e;
	} finally {
		client.pragma(`busy_timeout = ${timeout}`);
	}
}

/**
 * Waits, asynchronously (other requests go on meanwhile), until no other connection holds the
 * write lock or `budgetMs` has passed; answers whether it came free. An import that commits
 * within the budget then costs a write a short delay instead of a refusal.
 */
export async function waitForWriteLock(
	client: Database.Database,
	budgetMs: number,
	stepMs = 25
): Promise<boolean> {
	const until = Date.now() + budgetMs;
	for (;;) {
		if (writeLockFree(client)) return true;
		if (Date.now() >= until) return false;
		await sleep(stepMs);
	}
}
