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
import { m } from '../../paraglide/messages.js';

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
		if (!stat.isFile()) return m.shell_backup_not_file({ name });
		if (stat.size === 0) return m.shell_backup_empty({ name });
	} catch {
		return m.shell_backup_unreadable({ name });
	}
	return header(path) === HEADER ? null : m.shell_backup_not_sqlite({ name });
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
				reason: m.shell_backup_damaged_check({
					name,
					problems: problems
						.slice(0, 3)
						.map((p) => p.integrity_check)
						.join('; ')
				})
			};
		}
		return productCheck(client, name);
	} catch (e) {
		return {
			ok: false,
			reason: m.shell_backup_damaged({ name, why: (e as Error).message })
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
			reason:
				missing.length > 0
					? m.shell_backup_not_product_tables({ name, tables: missing.join(', ') })
					: m.shell_backup_not_product_history({ name })
		};
	}
	const known = new Set(
		readMigrationFiles({ migrationsFolder: migrationsFolder() }).map((file) => file.folderMillis)
	);
	const newest = Math.max(...known);
	const applied = (
		client.prepare('SELECT created_at FROM __drizzle_migrations ORDER BY created_at').all() as {
			created_at: number;
		}[]
	).map((row) => Number(row.created_at));
	const newer = applied.filter((at) => at > newest);
	if (newer.length > 0) {
		return {
			ok: false,
			reason: m.shell_backup_newer({ name, count: newer.length, n: String(newer.length) })
		};
	}
	const unknown = applied.filter((at) => !known.has(at));
	if (unknown.length > 0) {
		return {
			ok: false,
			reason: m.shell_backup_unknown_history({ name })
		};
	}
	return { ok: true, migrations: applied.length };
}
