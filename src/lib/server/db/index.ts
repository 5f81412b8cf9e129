import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = 'data/cpas.sqlite';

/**
 * Where the SQL migrations live: the project's `drizzle/` folder, found by walking up from this
 * module (sources, or the built server under `build/`), else from the working directory.
 */
function migrationsFolder(): string {
	if (process.env.CPAS_MIGRATIONS) return process.env.CPAS_MIGRATIONS;
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 8; i++) {
		const candidate = join(dir, 'drizzle');
		if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
		dir = dirname(dir);
	}
	return resolve(process.cwd(), 'drizzle');
}

/**
 * Opens (creating if needed) and migrates the database. The server's init hook, the CLI and
 * the tests all come through here, so every entry point sees the same schema and pragmas.
 */
export function createDb(path: string = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH): Db {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const client = new Database(path);
	// Larger pages suit tables of millions of figures; it only takes on a new database.
	client.pragma('page_size = 8192');
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	client.pragma('synchronous = NORMAL');
	client.pragma(`cache_size = -${process.env.CPAS_CACHE_KB ?? 65536}`);
	const db = drizzle(client, { schema }) as Db;
	migrate(db, { migrationsFolder: migrationsFolder() });
	return db;
}
