import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = 'data/cpas.sqlite';

/** The database file the installation uses: `$DATABASE_PATH`, else the default. */
export function databasePath(): string {
	return process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
}

/**
 * How long a statement may wait for another connection's write lock before SQLITE_BUSY. The
 * command line and the importer can afford to wait; the server's connection cannot (see
 * app-db.ts): better-sqlite3 waits synchronously, holding up every request meanwhile.
 */
export const PATIENT_BUSY_TIMEOUT_MS = 5000;

/**
 * Where the SQL migrations live: the project's `drizzle/` folder (its `sessions/` subfolder for
 * the sessions database), found by walking up from this module (sources, or the built server
 * under `build/`), else from the working directory.
 */
export function migrationsFolder(sub = ''): string {
	if (process.env.CPAS_MIGRATIONS) return join(process.env.CPAS_MIGRATIONS, sub);
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 8; i++) {
		const candidate = join(dir, 'drizzle', sub);
		if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
		dir = dirname(dir);
	}
	return resolve(process.cwd(), 'drizzle', sub);
}

export interface OpenOptions {
	/** the busy timeout once migrated (migrations always wait patiently) */
	busyTimeoutMs?: number;
}

/**
 * Opens a SQLite file with the pragmas every connection of the product uses. Shared by the
 * main database and the sessions database (sessions-db.ts).
 */
export function openSqlite(path: string): Database.Database {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const client = new Database(path);
	// Larger pages suit tables of millions of figures; it only takes on a new database.
	client.pragma('page_size = 8192');
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	client.pragma(`busy_timeout = ${PATIENT_BUSY_TIMEOUT_MS}`);
	client.pragma('synchronous = NORMAL');
	client.pragma(`cache_size = -${process.env.CPAS_CACHE_KB ?? 65536}`);
	return client;
}

/**
 * Opens (creating if needed) and migrates the database. The server's init hook, the CLI and
 * the tests all come through here, so every entry point sees the same schema and pragmas.
 */
export function createDb(path: string = databasePath(), options: OpenOptions = {}): Db {
	const client = openSqlite(path);
	const db = drizzle(client, { schema }) as Db;
	migrateWithForeignKeysOff(db);
	if (options.busyTimeoutMs !== undefined) client.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
	return db;
}

function appliedMigrations(client: Database.Database): number {
	const table = client
		.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
		.get();
	if (!table) return 0;
	return (client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number })
		.n;
}

/**
 * Migrates with foreign keys off, as SQLite's way of changing a table requires: a migration
 * that changes a CHECK (a new kind of file, a new measure) copies the table, drops it and
 * renames the copy, and dropping a table that figures refer to fails while foreign keys are
 * on. drizzle runs the migrations in one transaction, inside which the pragma cannot change,
 * so it is set around them; when a migration ran, the references are checked before foreign
 * keys are on again, and a broken one stops the start rather than going unnoticed.
 */
function migrateWithForeignKeysOff(db: Db): void {
	const client = db.$client;
	const before = appliedMigrations(client);
	client.pragma('foreign_keys = OFF');
	try {
		migrate(db, { migrationsFolder: migrationsFolder() });
		if (appliedMigrations(client) !== before) {
			const broken = client.pragma('foreign_key_check') as { table: string; parent: string }[];
			if (broken.length > 0) {
				const first = broken[0]!;
				throw new Error(
					`Migrating the database left ${broken.length} broken reference(s), the first from ${first.table} to ${first.parent}.`
				);
			}
		}
	} finally {
		client.pragma('foreign_keys = ON');
	}
}
