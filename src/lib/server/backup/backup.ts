/**
 * A backup: a consistent copy of the whole main database, taken while the server serves and
 * imports. SQLite's online backup reads the database as committed; when another connection
 * commits meanwhile (an import ending), it starts over, so the copy holds each import wholly
 * or not at all. It runs in steps, yielding between them, so the server goes on answering.
 *
 * The sessions database (db/sessions-db.ts) is not copied: sessions must not come back from
 * a backup (one signed out or ended by an administrator would work again), and sign-in delays
 * are worth nothing later. The log of sign-ins stays where it is when a backup is restored.
 */
import { existsSync, linkSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Actor } from '../actor';
import { recordAccessAudit } from '../audit/record';
import type { Db } from '../db';
import { sessionsDbOf } from '../db/sessions-db';
import { authorize } from '../permissions';
import { m } from '../../paraglide/messages.js';

export type BackupResult =
	{ ok: true; file: string; bytes: number } | { ok: false; reason: string };

/** Pages copied per step: small enough that a step never holds up the server for long. */
const PAGES_PER_STEP = 256;

/**
 * Copies the database to `file`, which must not exist. The copy is written beside it under a
 * temporary name and only then given its name, so `file` is either a whole backup or absent.
 */
export async function writeBackup(db: Db, file: string): Promise<BackupResult> {
	const target = resolve(file);
	if (existsSync(target)) {
		return { ok: false, reason: m.shell_backup_exists({ file }) };
	}
	if (!existsSync(dirname(target))) {
		return { ok: false, reason: m.shell_backup_no_folder({ folder: dirname(file) }) };
	}
	const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
	try {
		await db.$client.backup(partial, { progress: () => PAGES_PER_STEP });
		// a hard link gives the name only if it is still free: never overwrites, never half-done
		linkSync(partial, target);
		return { ok: true, file: target, bytes: statSync(target).size };
	} catch (e) {
		const code = (e as { code?: string }).code;
		if (code === 'EEXIST') {
			return { ok: false, reason: m.shell_backup_exists({ file }) };
		}
		return { ok: false, reason: m.shell_backup_not_written({ why: (e as Error).message }) };
	} finally {
		for (const suffix of ['', '-wal', '-shm', '-journal'])
			rmSync(partial + suffix, { force: true });
	}
}

/**
 * A backup to a file, for an administrator (the command line, or the web page's download),
 * recorded in the access log beside the sign-ins: a backup is a copy of everything, and who
 * took one is worth knowing. The entry goes to the sessions database, so that taking a backup
 * never waits on an import's lock.
 */
export async function backupTo(
	db: Db,
	actor: Actor,
	file: string,
	how: 'backup.create' | 'backup.download' = 'backup.create'
): Promise<BackupResult> {
	authorize(actor, 'administer');
	const result = await writeBackup(db, file);
	if (result.ok) {
		recordAccessAudit(sessionsDbOf(db), actor, how, basename(result.file), {
			bytes: result.bytes
		});
	}
	return result;
}
