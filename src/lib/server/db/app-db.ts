import { createDb, type Db } from './index';

let instance: Db | undefined;
let importer: Db | undefined;

/** The server's connection for pages and the API, opened (and migrated) by the init hook. */
export function openAppDb(): Db {
	instance ??= createDb();
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
