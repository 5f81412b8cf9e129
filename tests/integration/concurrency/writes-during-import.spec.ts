/**
 * Writes while another connection holds the main database's write lock, as an import does for
 * its whole transaction: a real second SQLite connection on the same file, holding a write
 * transaction open. Signing in, session renewal and signing out go to the sessions database
 * and do not wait; a write to the main database fails fast (SQLITE_BUSY, which the server
 * answers with 503) and writes nothing, and succeeds once the lock is free.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import {
	actorOf,
	changePassword,
	createAccount,
	findUser
} from '../../../src/lib/server/auth/accounts';
import { authenticate } from '../../../src/lib/server/auth/authenticate';
import { listSessions, revokeSession } from '../../../src/lib/server/auth/sessions';
import { signIn } from '../../../src/lib/server/auth/sign-in';
import { createDb, type Db } from '../../../src/lib/server/db';
import { APP_BUSY_TIMEOUT_MS } from '../../../src/lib/server/db/app-db';
import { isBusy, waitForWriteLock } from '../../../src/lib/server/db/busy';
import {
	setStatusMargin,
	storedStatusMargin
} from '../../../src/lib/server/settings/status-margin';

const POLICY = { idleMs: 60_000, absoluteMs: 600_000 };
const PASSWORD = 'a long pass phrase';

let dir: string;
let db: Db;
let importer: Database.Database;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-busy-'));
	const path = join(dir, 'cpas.sqlite');
	// the server's connection, as app-db.ts opens it
	db = createDb(path, { busyTimeoutMs: APP_BUSY_TIMEOUT_MS });
	const made = await createAccount(db, LOCAL_ADMINISTRATOR, {
		username: 'amina',
		password: PASSWORD,
		role: 'admin'
	});
	expect(made.ok).toBe(true);
	// another connection, as the importer's: it takes the write lock and keeps it
	importer = new Database(path);
	importer.exec('BEGIN IMMEDIATE');
	importer.exec("INSERT INTO settings (key, value) VALUES ('import-in-progress', '1')");
});

afterEach(() => {
	if (importer.inTransaction) importer.exec('ROLLBACK');
	importer.close();
	db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

/** Runs `work` and answers its result and how long it took. */
async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
	const started = performance.now();
	const value = await work();
	return { value, ms: performance.now() - started };
}

const attempt = (password = PASSWORD) => ({
	username: 'amina',
	password,
	address: '10.0.0.1',
	userAgent: 'test'
});

describe('while an import holds the write lock', () => {
	test('signing in, failing to, renewing and ending a session answer at once', async () => {
		const failed = await timed(() => signIn(db, attempt('wrong guess'), POLICY));
		expect(failed.value).toMatchObject({ ok: false, status: 400 });
		const signedIn = await timed(() => signIn(db, attempt(), POLICY));
		expect(signedIn.value.ok).toBe(true);
		if (!signedIn.value.ok) return;
		const { session, user } = signedIn.value;
		// the password check takes its time on purpose; no wait for the lock comes on top
		expect(signedIn.ms).toBeLessThan(1000);

		// renewal: used past the touch interval, the session's last-seen time is written
		const later = Date.now() + 30_000;
		const renewed = await timed(() =>
			authenticate(db, { authorization: null, sessionToken: session.token }, POLICY, later)
		);
		expect(renewed.value.kind).toBe('account');
		expect(renewed.ms).toBeLessThan(50);
		expect(listSessions(db, user.id, session.id, POLICY, later)[0]!.lastSeenAt).toBe(later);

		const out = await timed(() =>
			revokeSession(db, actorOf(user), user.id, session.id, 'session.logout')
		);
		expect(out.value).toBe(true);
		expect(out.ms).toBeLessThan(50);
	});

	test('a change to the main database fails fast with SQLITE_BUSY and writes nothing', async () => {
		const started = performance.now();
		let thrown: unknown;
		try {
			setStatusMargin(db, LOCAL_ADMINISTRATOR, 0.2);
		} catch (e) {
			thrown = e;
		}
		const ms = performance.now() - started;
		expect(isBusy(thrown)).toBe(true);
		// the server's connection waits a tenth of a second at most, not the five the importer may
		expect(ms).toBeLessThan(APP_BUSY_TIMEOUT_MS + 400);

		importer.exec('ROLLBACK');
		expect(storedStatusMargin(db)).toBeNull();
		setStatusMargin(db, LOCAL_ADMINISTRATOR, 0.2);
		expect(storedStatusMargin(db)).toBe(0.2);
	});

	test('a refused password change ends no session: the two files do not disagree', async () => {
		const here = await signIn(db, attempt(), POLICY);
		const there = await signIn(db, attempt(), POLICY);
		if (!here.ok || !there.ok) throw new Error('sign-in');
		const amina = actorOf(findUser(db, 'amina')!);
		await expect(
			changePassword(db, amina, PASSWORD, 'another long phrase', here.session.id)
		).rejects.toSatisfy(isBusy);
		const auth = (token: string) =>
			authenticate(db, { authorization: null, sessionToken: token }, POLICY).kind;
		expect(auth(there.session.token)).toBe('account');

		importer.exec('ROLLBACK');
		const changed = await changePassword(
			db,
			amina,
			PASSWORD,
			'another long phrase',
			here.session.id
		);
		expect(changed.ok).toBe(true);
		expect(auth(there.session.token)).toBe('anonymous');
		expect(auth(here.session.token)).toBe('account');
	});

	test('waiting for the lock does not block, and ends when the import commits', async () => {
		expect(await waitForWriteLock(db.$client, 100)).toBe(false);
		// meanwhile the event loop is free: a timer set now fires while the wait goes on
		let ticks = 0;
		const ticker = setInterval(() => ticks++, 10);
		setTimeout(() => importer.exec('COMMIT'), 150);
		const waited = await timed(() => waitForWriteLock(db.$client, 800));
		clearInterval(ticker);
		expect(waited.value).toBe(true);
		expect(waited.ms).toBeGreaterThanOrEqual(140);
		// the commit itself is a timer: that it fired during the wait shows the loop was free
		expect(ticks).toBeGreaterThan(0);
		setStatusMargin(db, LOCAL_ADMINISTRATOR, 0.1);
		expect(storedStatusMargin(db)).toBe(0.1);
	});
});
