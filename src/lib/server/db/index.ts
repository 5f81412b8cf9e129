import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = 'data/cpas.sqlite';

/**
 * Where the SQL migrations live. The CLI and tests run from the sources, the built server
 * from `build/`; both are started from the project root, which holds `drizzle/`.
 */
function migrationsFolder(): string {
	const fromEnv = process.env.CPAS_MIGRATIONS;
	if (fromEnv) return fromEnv;
	try {
		// in the sources: src/lib/server/db → project root
		const here = dirname(fileURLToPath(import.meta.url));
		const candidate = resolve(here, '../../../../drizzle');
		if (candidate.includes('/src/') === false) return candidate;
	} catch {
		// bundled: import.meta.url points into build/
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
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	client.pragma('synchronous = NORMAL');
	const db = drizzle(client, { schema }) as Db;
	migrate(db, { migrationsFolder: migrationsFolder() });
	return db;
}
