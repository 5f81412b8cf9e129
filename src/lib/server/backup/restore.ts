/**
 * Restoring a backup: the file is checked (check.ts) on a copy, the copy migrated to this
 * version's schema, and only then put in the database's place; the database it replaces is
 * kept beside it under a timestamped name. Nothing is changed when any step refuses.
 *
 * The server must be stopped: it keeps its database file open, and would go on using the
 * replaced one. Restore refuses while any program has the database open.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Actor } from '../actor';
import { recordAccessAudit } from '../audit/record';
import { endAllSessions } from '../auth/sessions';
import { createDb } from '../db';
import { isBusy } from '../db/busy';
import { createSessionsDb, sessionsPathFor } from '../db/sessions-db';
import { authorize } from '../permissions';
import { checkBackup, fileProblem } from './check';
import { m } from '../../paraglide/messages.js';

export type RestoreResult =
	{ ok: true; replaced: string | null; sessionsEnded: number } | { ok: false; reason: string };

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function removeWithSideFiles(path: string): void {
	for (const suffix of ['', ...SIDE_FILES]) rmSync(path + suffix, { force: true });
}

/** `2026-12-06T05:40:12.345Z` → `20261206T054012Z`, for a file name. */
function stamp(now: Date): string {
	return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/**
 * Whether another program (the server, an import from the command line) has the database
 * open: it then holds a shared lock that an exclusive one cannot get past. A file that is not
 * a database (damaged) is not in use by anyone: it may be replaced.
 */
function inUse(path: string): boolean {
	let client: Database.Database | undefined;
	try {
		client = new Database(path, { fileMustExist: true });
		client.pragma('busy_timeout = 0');
		client.pragma('locking_mode = EXCLUSIVE');
		client.exec('BEGIN EXCLUSIVE');
		client.exec('COMMIT');
		// folds the write-ahead log into the file, so the file kept beside is whole by itself
		client.pragma('wal_checkpoint(TRUNCATE)');
		return false;
	} catch (e) {
		return isBusy(e);
	} finally {
		client?.close();
	}
}

/**
 * Makes `file` the database at `target` (the installation's `$DATABASE_PATH`), keeping the
 * database it replaces as `TARGET.replaced-TIMESTAMP`. Sessions end: the accounts of the
 * restored database may not be the ones they were opened for. The log of sign-ins stays.
 */
export function restoreDatabase(
	actor: Actor,
	file: string,
	target: string,
	now = new Date()
): RestoreResult {
	authorize(actor, 'administer');
	const source = resolve(file);
	const destination = resolve(target);
	if (source === destination) {
		return { ok: false, reason: m.shell_restore_itself({ file }) };
	}
	if (existsSync(destination) && inUse(destination)) {
		return {
			ok: false,
			reason: m.shell_restore_in_use({ target })
		};
	}
	// checked and migrated on a copy beside the database: the given file is never changed
	const staging = join(dirname(destination), `.${basename(destination)}.${process.pid}.restoring`);
	removeWithSideFiles(staging);
	try {
		const problem = fileProblem(source, file);
		if (problem) return { ok: false, reason: problem };
		copyFileSync(source, staging);
		const check = checkBackup(staging, file);
		if (!check.ok) return check;
		// brings an older backup up to this version's schema; closing folds the log in
		createDb(staging).$client.close();
		let replaced: string | null = null;
		if (existsSync(destination)) {
			replaced = `${destination}.replaced-${stamp(now)}`;
			for (const suffix of ['', ...SIDE_FILES]) {
				if (existsSync(destination + suffix)) renameSync(destination + suffix, replaced + suffix);
			}
		}
		renameSync(staging, destination);
		const sessionsDb = createSessionsDb(sessionsPathFor(target));
		try {
			const sessionsEnded = endAllSessions(sessionsDb);
			recordAccessAudit(sessionsDb, actor, 'backup.restore', basename(source), {
				replaced: replaced && basename(replaced),
				sessionsEnded
			});
			return { ok: true, replaced, sessionsEnded };
		} finally {
			sessionsDb.$client.close();
		}
	} finally {
		removeWithSideFiles(staging);
	}
}
