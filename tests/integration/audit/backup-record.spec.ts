/**
 * Backups in the audit log: taking one (command line or download) and restoring one each leave
 * one entry, in the access log of the sessions database, which a restore does not replace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { backupTo } from '../../../src/lib/server/backup/backup';
import { restoreDatabase } from '../../../src/lib/server/backup/restore';
import { createDb, type Db } from '../../../src/lib/server/db';
import { closeSessionsDbOf } from '../../../src/lib/server/db/sessions-db';
import { entriesAfter, onlyEntryOf } from '../../helpers/audit';

let dir: string;
let db: Db;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-backup-audit-'));
	db = createDb(join(dir, 'cpas.sqlite'));
});

afterEach(() => {
	closeSessionsDbOf(db);
	if (db.$client.open) db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

test('a backup taken, downloaded and restored: one entry each', async () => {
	const file = join(dir, 'b1.sqlite');
	expect(
		await onlyEntryOf(db, () => backupTo(db, LOCAL_ADMINISTRATOR, file, 'backup.create'))
	).toMatchObject({ actor: 'local-admin', action: 'backup.create', subject: 'b1.sqlite' });
	expect(
		await onlyEntryOf(db, () =>
			backupTo(db, LOCAL_ADMINISTRATOR, join(dir, 'b2.sqlite'), 'backup.download')
		)
	).toMatchObject({ action: 'backup.download', subject: 'b2.sqlite' });

	// the restore needs the database closed; the entry is read from a connection opened after
	closeSessionsDbOf(db);
	db.$client.close();
	const result = restoreDatabase(LOCAL_ADMINISTRATOR, file, join(dir, 'cpas.sqlite'));
	expect(result.ok).toBe(true);
	db = createDb(join(dir, 'cpas.sqlite'));
	expect(entriesAfter(db, 0).map((e) => e.action)).toEqual([
		'backup.create',
		'backup.download',
		'backup.restore'
	]);
	expect(entriesAfter(db, 0).at(-1)).toMatchObject({
		actor: 'local-admin',
		subject: 'b1.sqlite',
		detail: { sessionsEnded: 0 }
	});
});
