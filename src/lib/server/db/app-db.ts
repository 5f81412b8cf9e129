import { createDb, type Db } from './index';

/**
 * The server's connection waits at most this long for another connection's write lock (an
 * import's): better-sqlite3 waits synchronously, and while it waits no other request of any
 * user is answered. Past it, the write fails with SQLITE_BUSY, which the server answers with
 * a clear 503 (http/busy.ts) — after waiting, without blocking, for the lock to come free.
 */
export const APP_BUSY_TIMEOUT_MS = 100;

let instance: Db | undefined;
let importer: Db | undefined;

/** The server's connection for pages and the API, opened (and migrated) by the init hook. */
export function openAppDb(): Db {
	instance ??= createDb(undefined, { busyTimeoutMs: APP_BUSY_TIMEOUT_MS });
	return instance;
}

export function appDb(): Db {
	return instance ?? openAppDb();
}

/**
 * A second connection for imports: an import's transaction spans awaits while a large file
 * streams in, and pages must keep reading the committed data meanwhile (WAL lets them).
 */
export function importDb(): Db {
	const path = process.env.DATABASE_PATH || undefined;
	if (path === ':memory:') return appDb();
	importer ??= createDb(path);
	return importer;
}

/**
 * Forgets both connections (closing them), so the next request opens the database
 * `DATABASE_PATH` names now: for test files that share one process.
 */
export function closeAppDb(): void {
	for (const db of new Set([instance, importer])) db?.$client.close();
	instance = undefined;
	importer = undefined;
}
