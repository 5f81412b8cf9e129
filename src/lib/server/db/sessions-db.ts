/**
 * The sessions database: sessions, sign-in delays and the access log (signing in and out,
 * backups), in a file of its own beside the main one (`data/cpas.sqlite` → `data/cpas-sessions.sqlite`).
 *
 * Why a second file: SQLite has one writer per file. An import holds the main file's write
 * lock for as long as its transaction lasts (a million figures: tens of seconds), and every
 * request of a signed-in user may write its session (renewal). In the main file, those writes
 * would queue behind the import — signing in, and every page, would wait or fail. In their own
 * file they never meet the import's lock. It also keeps the main file's data version still
 * while people merely browse, so caches keyed on it stay valid.
 *
 * The file is not part of a backup (backup/backup.ts says why).
 */
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type Database from 'better-sqlite3';
import { basename, dirname, extname, join } from 'node:path';
import { migrationsFolder, openSqlite, type Db } from './index';
import * as sessionsSchema from './sessions-schema';

export type SessionsDb = BetterSQLite3Database<typeof sessionsSchema> & {
	$client: Database.Database;
};

/**
 * Writes here are a few rows from sign-ins and session renewals, never long: a second is far
 * more than any of them holds the lock, and short enough not to stall the server.
 */
export const SESSIONS_BUSY_TIMEOUT_MS = 1000;

/** The sessions file that goes with a main database file: `-sessions` before its extension. */
export function sessionsPathFor(mainPath: string): string {
	if (mainPath === ':memory:' || mainPath === '') return ':memory:';
	const ext = extname(mainPath);
	return join(dirname(mainPath), `${basename(mainPath, ext)}-sessions${ext || '.sqlite'}`);
}

/** Opens (creating if needed) and migrates a sessions database. */
export function createSessionsDb(path: string): SessionsDb {
	const client = openSqlite(path);
	const db = drizzle(client, { schema: sessionsSchema }) as SessionsDb;
	migrate(db, { migrationsFolder: migrationsFolder('sessions') });
	client.pragma(`busy_timeout = ${SESSIONS_BUSY_TIMEOUT_MS}`);
	return db;
}

const paired = new WeakMap<Db, SessionsDb>();

/**
 * The sessions database beside a main database connection, opened on first use and kept for
 * the connection's life. An in-memory main database (tests) gets an in-memory one of its own.
 * Capabilities take the main `db` as always and find its sessions here.
 */
export function sessionsDbOf(db: Db): SessionsDb {
	let sessionsDb = paired.get(db);
	if (!sessionsDb || !sessionsDb.$client.open) {
		sessionsDb = createSessionsDb(sessionsPathFor(db.$client.name));
		paired.set(db, sessionsDb);
	}
	return sessionsDb;
}

/** Closes a main connection's sessions database, if it was opened (the CLI, before exiting). */
export function closeSessionsDbOf(db: Db): void {
	const sessionsDb = paired.get(db);
	if (sessionsDb?.$client.open) sessionsDb.$client.close();
	paired.delete(db);
}
