import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { createAccount } from '../../../src/lib/server/auth/accounts';
import { signIn, type SignInAttempt } from '../../../src/lib/server/auth/sign-in';
import type { Db } from '../../../src/lib/server/db';
import { sessionsDbOf } from '../../../src/lib/server/db/sessions-db';
import { sessions, accessAudit } from '../../../src/lib/server/db/sessions-schema';
import { freshDb } from '../../helpers/db';

const POLICY = { idleMs: 60_000, absoluteMs: 600_000 };
const PASSWORD = 'a long pass phrase';

let db: Db;
beforeEach(async () => {
	db = freshDb();
	const made = await createAccount(db, LOCAL_ADMINISTRATOR, {
		username: 'amina',
		password: PASSWORD,
		role: 'planner'
	});
	expect(made.ok).toBe(true);
});

const attempt = (password: string, over: Partial<SignInAttempt> = {}): SignInAttempt => ({
	username: 'amina',
	password,
	address: '10.0.0.7',
	userAgent: 'test',
	...over
});

describe('signing in', () => {
	test('the right password opens a session and is logged', async () => {
		const result = await signIn(db, attempt(PASSWORD), POLICY, 1000);
		expect(result.ok).toBe(true);
		const sessionsDb = sessionsDbOf(db);
		expect(sessionsDb.select().from(sessions).all()).toHaveLength(1);
		const entries = sessionsDb
			.select()
			.from(accessAudit)
			.where(eq(accessAudit.action, 'session.login'))
			.all();
		expect(entries).toMatchObject([{ actor: 'amina', subject: 'amina' }]);
	});

	test('an unknown name and a wrong password get the same words, and both are logged', async () => {
		const unknown = await signIn(db, attempt(PASSWORD, { username: 'nobody' }), POLICY, 1000);
		const wrong = await signIn(db, attempt('not the password'), POLICY, 2000);
		expect(unknown).toEqual(wrong);
		expect(unknown).toMatchObject({ ok: false, status: 400 });
		const failed = sessionsDbOf(db)
			.select()
			.from(accessAudit)
			.where(eq(accessAudit.action, 'session.login.failed'))
			.all();
		expect(failed.map((e) => [e.actor, e.subject])).toEqual([
			['anonymous', 'nobody'],
			['anonymous', 'amina']
		]);
	});

	test('after three failures an account waits, longer each time, even with the right password', async () => {
		let now = 0;
		for (let i = 0; i < 3; i++) {
			expect((await signIn(db, attempt('wrong guess'), POLICY, (now += 10))).ok).toBe(false);
		}
		// the third failure imposes 1 s: the right password is not even checked before then
		const early = await signIn(db, attempt(PASSWORD), POLICY, now + 500);
		expect(early).toMatchObject({ ok: false, status: 429 });
		expect(early.ok || early.message).toMatch(/Try again in 1 second/);
		// a fourth failure after the wait doubles it
		now += 1000;
		expect(await signIn(db, attempt('wrong guess'), POLICY, now)).toMatchObject({ status: 400 });
		expect(await signIn(db, attempt(PASSWORD), POLICY, now + 1500)).toMatchObject({
			status: 429
		});
		expect((await signIn(db, attempt(PASSWORD), POLICY, now + 2000)).ok).toBe(true);
	});

	test('a success clears the count: the next mistake does not wait', async () => {
		let now = 0;
		for (let i = 0; i < 3; i++) await signIn(db, attempt('wrong guess'), POLICY, (now += 10));
		expect((await signIn(db, attempt(PASSWORD), POLICY, (now += 1000))).ok).toBe(true);
		expect(await signIn(db, attempt('wrong guess'), POLICY, (now += 1))).toMatchObject({
			status: 400
		});
		expect((await signIn(db, attempt(PASSWORD), POLICY, (now += 1))).ok).toBe(true);
	});

	test('one address trying many accounts is slowed down too', async () => {
		let now = 0;
		for (let i = 0; i < 10; i++) {
			await signIn(db, attempt('guess', { username: `user${i}` }), POLICY, (now += 10));
		}
		// amina never failed, but the address did, ten times
		expect(await signIn(db, attempt(PASSWORD), POLICY, now + 10)).toMatchObject({ status: 429 });
		// from another address she is not held up
		const elsewhere = await signIn(
			db,
			attempt(PASSWORD, { address: '10.0.0.8' }),
			POLICY,
			now + 10
		);
		expect(elsewhere.ok).toBe(true);
	});

	test('a disabled account cannot sign in', async () => {
		const { setDisabled } = await import('../../../src/lib/server/auth/accounts');
		expect(setDisabled(db, LOCAL_ADMINISTRATOR, 'amina', true).ok).toBe(true);
		expect(await signIn(db, attempt(PASSWORD), POLICY, 1000)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/disabled/)
		});
	});
});
