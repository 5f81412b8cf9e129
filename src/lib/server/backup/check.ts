/**
 * Whether a file is a sound database of this product that this version can use: a SQLite
 * file, whole (SQLite's integrity check), with the product's tables and a migration history
 * this version knows — older is fine (restoring migrates it), newer is not (this version
 * would not know what the newer one changed).
 */
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { migrationsFolder } from '../db';

export type BackupCheck = { ok: true; migrations: number } | { ok: false; reason: string };

const HEADER = 'SQLite format 3\0';

/** Tables every database of the product has, whatever its version (since the first). */
const PRODUCT_TABLES = ['areas', 'results', 'indicators', 'observations', 'import_batches'];

/** The first bytes of a file, or null when it cannot be read. */
function header(path: string): string | null {
	let fd: number | undefined;
	try {
		fd = openSync(path, 'r');
		const bytes = Buffer.alloc(HEADER.length);
		const read = readSync(fd, bytes, 0, bytes.length, 0);
		return bytes.subarray(0, read).toString('latin1');
	} catch {
		return null;
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/** What makes a file no SQLite database at first sight (read without opening it), or null. */
export function fileProblem(path: string, name = path): string | null {
	try {
		const stat = statSync(path);
		if (!stat.isFile()) return `${name} is not a file.`;
		if (stat.size === 0) return `${name} is empty: it is not a SQLite database.`;
	} catch {
		return `${name} does not exist or cannot be read.`;
	}
	return header(path) === HEADER ? null : `${name} is not a SQLite database.`;
}

/**
 * Checks a database file. It is opened like any database (SQLite may add its `-wal` and
 * `-shm` files beside it): restore checks its own copy, never the file it was given.
 */
export function checkBackup(path: string, name = path): BackupCheck {
	const problem = fileProblem(path, name);
	if (problem) return { ok: false, reason: problem };
	let client: Database.Database | undefined;
	try {
		client = new Database(path, { fileMustExist: true });
		const problems = client.pragma('integrity_check', { simple: false }) as {
			integrity_check: string;
		}[];
		const first = problems[0]?.integrity_check;
		if (first !== 'ok') {
			return {
				ok: false,
				reason: `${name} is damaged (SQLite's integrity check: ${problems
					.slice(0, 3)
					.map((p) => p.integrity_check)
					.join('; ')}).`
			};
		}
		return productCheck(client, name);
	} catch (e) {
		return {
			ok: false,
			reason: `${name} is damaged or not a whole database: ${(e as Error).message}.`
		};
	} finally {
		client?.close();
	}
}

function productCheck(client: Database.Database, name: string): BackupCheck {
	const tables = new Set(
		(
			client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
				name: string;
			}[]
		).map((t) => t.name)
	);
	const missing = PRODUCT_TABLES.filter((t) => !tables.has(t));
	if (missing.length > 0 || !tables.has('__drizzle_migrations')) {
		return {
			ok: false,
			reason: `${name} is not a database of this product (it has no ${
				missing.length > 0 ? `table ${missing.join(', ')}` : 'migration history'
			}).`
		};
	}
	const known = new Set(
		readMigrationFiles({ migrationsFolder: migrationsFolder() }).map((m) => m.folderMillis)
	);
	const newest = Math.max(...known);
	const applied = (
		client.prepare('SELECT created_at FROM __drizzle_migrations ORDER BY created_at').all() as {
			created_at: number;
		}[]
	).map((m) => Number(m.created_at));
	const newer = applied.filter((at) => at > newest);
	if (newer.length > 0) {
		return {
			ok: false,
			reason: `${name} was written by a newer version of the product (${newer.length} change${
				newer.length === 1 ? '' : 's'
			} to the database this version does not know): restore it with that version or a later one.`
		};
	}
	const unknown = applied.filter((at) => !known.has(at));
	if (unknown.length > 0) {
		return {
			ok: false,
			reason: `${name} has a migration history this version does not know (another branch of the product?).`
		};
	}
	return { ok: true, migrations: applied.length };
}
