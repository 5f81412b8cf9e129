/**
 * Backup and restore (formats.md §3) on real database files: backups taken while an import
 * writes through another connection hold it wholly or not at all and pass SQLite's integrity
 * check; restore refuses what it cannot use, naming why, changes nothing then, and otherwise
 * makes the backup the database, keeping the replaced one beside it.
 */
import Database from 'better-sqlite3';
import {
	copyFileSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	truncateSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { createAccount } from '../../../src/lib/server/auth/accounts';
import { signIn } from '../../../src/lib/server/auth/sign-in';
import { backupTo } from '../../../src/lib/server/backup/backup';
import { checkBackup } from '../../../src/lib/server/backup/check';
import { restoreDatabase } from '../../../src/lib/server/backup/restore';
import { createDb, type Db } from '../../../src/lib/server/db';
import { closeSessionsDbOf, sessionsDbOf } from '../../../src/lib/server/db/sessions-db';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { csv, importBasic } from '../../helpers/db';

let dir: string;
let path: string;
let db: Db;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-backup-'));
	path = join(dir, 'cpas.sqlite');
	db = createDb(path);
	expect((await importBasic(db)).ok).toBe(true);
});

afterEach(() => {
	closeSessionsDbOf(db);
	if (db.$client.open) db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

const count = (client: Database.Database, table: string) =>
	(client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Monthly figures of K1 over two centuries: an import long enough to back up during. */
function manyFigures(): ReturnType<typeof csv> {
	const lines = [
		'indicator_code,period,area_code,value,value_type,numerator,denominator,sex,age,verification'
	];
	for (let year = 1900; year < 2100; year++) {
		if (year === 2024) continue;
		for (let month = 1; month <= 12; month++) {
			const period = `${year}-${String(month).padStart(2, '0')}`;
			lines.push(`K1,${period},N1,${month},,,,,,`);
			lines.push(`K1,${period},N2,${month},,,,female,,`);
			lines.push(`K1,${period},N2,${month + 1},,,,male,,`);
		}
	}
	return csv('observations.csv', lines.join('\n') + '\n');
}

describe('backup', () => {
	test('taken during an import in another connection: the import wholly or not at all', async () => {
		const before = count(db.$client, 'observations');
		const batchesBefore = count(db.$client, 'import_batches');
		const importer = createDb(path);
		const importing = importFiles(importer, LOCAL_ADMINISTRATOR, [manyFigures()]);
		const backups: string[] = [];
		let finished = false;
		void importing.finally(() => (finished = true));
		// backups one after another until the import has committed, and one after
		while (!finished || backups.length < 2) {
			const file = join(dir, `backup-${backups.length}.sqlite`);
			const result = await backupTo(db, LOCAL_ADMINISTRATOR, file);
			expect(result).toMatchObject({ ok: true });
			backups.push(file);
			if (finished) break;
			await sleep(5);
		}
		const report = await importing;
		expect(report.ok).toBe(true);
		importer.$client.close();
		const after = count(db.$client, 'observations');
		expect(after).toBe(before + 199 * 36);

		const seen = new Set<number>();
		for (const file of backups) {
			expect(checkBackup(file)).toMatchObject({ ok: true });
			const copy = new Database(file, { readonly: true });
			const figures = count(copy, 'observations');
			const batches = count(copy, 'import_batches');
			copy.close();
			// the figures and the import's record go together: both or neither
			expect([before, after]).toContain(figures);
			expect(batches).toBe(figures === before ? batchesBefore : batchesBefore + 1);
			seen.add(figures);
		}
		// the last backup, taken after the commit, holds the import
		expect(seen.has(after)).toBe(true);
	});

	test('refuses an existing file and leaves it as it was', async () => {
		const file = join(dir, 'taken.sqlite');
		writeFileSync(file, 'keep me');
		expect(await backupTo(db, LOCAL_ADMINISTRATOR, file)).toMatchObject({
			ok: false,
			reason: expect.stringContaining('already exists')
		});
		expect(readFileSync(file, 'utf8')).toBe('keep me');
		// and no stray partial copy is left beside it
		expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
	});

	test('is recorded in the access log, for administrators only', async () => {
		const file = join(dir, 'logged.sqlite');
		expect((await backupTo(db, LOCAL_ADMINISTRATOR, file)).ok).toBe(true);
		const entry = sessionsDbOf(db)
			.$client.prepare(
				"SELECT actor, action, subject FROM access_audit WHERE action LIKE 'backup.%'"
			)
			.get();
		expect(entry).toEqual({
			actor: 'local-admin',
			action: 'backup.create',
			subject: 'logged.sqlite'
		});
		await expect(
			backupTo(db, { username: 'pat', role: 'planner', cleared: false }, join(dir, 'no.sqlite'))
		).rejects.toThrow(/may not administer/);
	});
});

describe('restore', () => {
	let backup: string;
	let target: string;

	beforeEach(async () => {
		backup = join(dir, 'backup.sqlite');
		expect((await backupTo(db, LOCAL_ADMINISTRATOR, backup)).ok).toBe(true);
		closeSessionsDbOf(db);
		db.$client.close();
		target = path;
	});

	const restore = (file: string) =>
		restoreDatabase(LOCAL_ADMINISTRATOR, file, target, new Date('2026-12-06T05:40:12Z'));

	/** Refused, naming why, with the database and the file left exactly as they were. */
	function refused(file: string, why: RegExp) {
		const database = readFileSync(target);
		const given = existsSync(file) ? readFileSync(file) : null;
		const result = restore(file);
		expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(why) });
		expect(readFileSync(target).equals(database)).toBe(true);
		if (given) expect(readFileSync(file).equals(given)).toBe(true);
		expect(
			readdirSync(dir).filter((f) => f.includes('replaced') || f.includes('restoring'))
		).toEqual([]);
	}

	test('a missing file, a text file, an empty file', () => {
		refused(join(dir, 'nowhere.sqlite'), /does not exist/);
		const text = join(dir, 'notes.sqlite');
		writeFileSync(text, 'indicator_code,period\nK1,2024-01\n');
		refused(text, /not a SQLite database/);
		const empty = join(dir, 'empty.sqlite');
		writeFileSync(empty, '');
		refused(empty, /empty/);
	});

	test('a truncated backup', () => {
		const cut = join(dir, 'cut.sqlite');
		copyFileSync(backup, cut);
		truncateSync(cut, Math.floor(readFileSync(cut).length / 2));
		refused(cut, /damaged/);
	});

	test("another product's database", () => {
		const other = join(dir, 'other.sqlite');
		const client = new Database(other);
		client.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
		client.close();
		refused(other, /not a database of this product/);
	});

	test('a database from a newer version', () => {
		const newer = join(dir, 'newer.sqlite');
		copyFileSync(backup, newer);
		const client = new Database(newer);
		client
			.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
			.run('from-the-future', Date.now() + 365 * 24 * 3600 * 1000);
		client.close();
		refused(newer, /newer version/);
	});

	test('while the database is open elsewhere (the server running)', () => {
		const server = new Database(target);
		server.prepare('SELECT count(*) FROM observations').get();
		try {
			refused(backup, /in use/);
		} finally {
			server.close();
		}
	});

	test('a sound backup becomes the database; the replaced one is kept; sessions end', async () => {
		// after the backup: a change the restore takes back, and a signed-in account
		const live = createDb(target);
		expect(
			(
				await createAccount(live, LOCAL_ADMINISTRATOR, {
					username: 'amina',
					password: 'a long pass phrase',
					role: 'admin'
				})
			).ok
		).toBe(true);
		const signedIn = await signIn(
			live,
			{ username: 'amina', password: 'a long pass phrase', address: null, userAgent: null },
			{ idleMs: 60_000, absoluteMs: 600_000 }
		);
		expect(signedIn.ok).toBe(true);
		closeSessionsDbOf(live);
		live.$client.close();

		const result = restore(backup);
		expect(result).toEqual({
			ok: true,
			replaced: `${target}.replaced-20261206T054012Z`,
			sessionsEnded: 1
		});
		const restored = createDb(target);
		try {
			expect(restored.$client.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
			expect(count(restored.$client, 'observations')).toBe(9);
			const kept = new Database(`${target}.replaced-20261206T054012Z`, { readonly: true });
			expect(kept.prepare('SELECT username FROM users').all()).toEqual([{ username: 'amina' }]);
			kept.close();
			const sessionsDb = sessionsDbOf(restored);
			expect(count(sessionsDb.$client, 'sessions')).toBe(0);
			// the log of sign-ins stays, and says the restore happened
			expect(
				sessionsDb.$client.prepare('SELECT action FROM access_audit ORDER BY id').all()
			).toEqual([
				{ action: 'backup.create' },
				{ action: 'session.login' },
				{ action: 'backup.restore' }
			]);
		} finally {
			closeSessionsDbOf(restored);
			restored.$client.close();
		}
	});

	test('an older backup is migrated to this version', () => {
		const older = join(dir, 'older.sqlite');
		copyFileSync(backup, older);
		const client = new Database(older);
		// as a backup from before the sessions moved to their own file (migration 0007)
		const journal = JSON.parse(
			readFileSync(join(import.meta.dirname, '../../../drizzle/meta/_journal.json'), 'utf8')
		) as { entries: { tag: string; when: number }[] };
		const moved = journal.entries.find((e) => e.tag === '0007_sessions_in_their_own_file')!;
		// the migrations from 0007 on had not run: their records and the tables they made go
		client.prepare('DELETE FROM __drizzle_migrations WHERE created_at >= ?').run(moved.when);
		const dropped = new Set<string>();
		for (const later of journal.entries.filter((e) => e.when > moved.when)) {
			const sql = readFileSync(
				join(import.meta.dirname, `../../../drizzle/${later.tag}.sql`),
				'utf8'
			);
			// a table the migration drops and creates again is rebuilt, not new: it stays
			const rebuilt = new Set([...sql.matchAll(/DROP TABLE `(\w+)`/g)].map((m) => m[1]!));
			for (const [, table] of sql.matchAll(/CREATE TABLE `(\w+)`/g)) {
				if (table!.startsWith('__new_') || rebuilt.has(table!)) continue;
				client.exec(`DROP TABLE IF EXISTS ${table}`);
				dropped.add(table!);
			}
			// a table the migration drops for good existed in the older backup: made again as it was
			const made = new Set([...sql.matchAll(/CREATE TABLE `(\w+)`/g)].map((m) => m[1]!));
			for (const table of [...rebuilt].filter(
				(t) => !made.has(t) && !sql.includes(`RENAME TO \`${t}\``)
			)) {
				const created = journal.entries
					.map((e) =>
						readFileSync(join(import.meta.dirname, `../../../drizzle/${e.tag}.sql`), 'utf8')
					)
					.flatMap((text) => text.split('--> statement-breakpoint'))
					.find((statement) => statement.includes(`CREATE TABLE \`${table}\``));
				if (created) client.exec(created);
			}
			for (const [, table, column] of sql.matchAll(/ALTER TABLE `(\w+)` ADD `(\w+)`/g)) {
				// a column added to a table a later migration made: it went with its table
				if (dropped.has(table!)) continue;
				client.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
			}
		}
		client.exec('CREATE TABLE sessions (id TEXT PRIMARY KEY)');
		client.exec('CREATE TABLE login_failures (key TEXT PRIMARY KEY)');
		client.close();
		expect(restore(older).ok).toBe(true);
		const restored = new Database(target, { readonly: true });
		const tables = restored
			.prepare("SELECT name FROM sqlite_master WHERE name IN ('sessions', 'login_failures')")
			.all();
		restored.close();
		expect(tables).toEqual([]);
	});
});
