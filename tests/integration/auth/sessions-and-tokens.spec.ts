import { beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import {
	actorOf,
	changePassword,
	createAccount,
	findUser,
	resetPassword,
	setDisabled,
	updateAccount
} from '../../../src/lib/server/auth/accounts';
import { authenticate } from '../../../src/lib/server/auth/authenticate';
import { listSessions, revokeSession } from '../../../src/lib/server/auth/sessions';
import { signIn } from '../../../src/lib/server/auth/sign-in';
import { createToken, listTokens, revokeToken } from '../../../src/lib/server/auth/tokens';
import type { Db } from '../../../src/lib/server/db';
import { sessionsDbOf } from '../../../src/lib/server/db/sessions-db';
import { freshDb } from '../../helpers/db';

const POLICY = { idleMs: 60_000, absoluteMs: 600_000 };
const PASSWORD = 'a long pass phrase';

let db: Db;
let amina: Actor;
beforeEach(async () => {
	db = freshDb();
	const made = await createAccount(db, LOCAL_ADMINISTRATOR, {
		username: 'amina',
		password: PASSWORD,
		role: 'leadership'
	});
	if (!made.ok) throw new Error('setup');
	amina = actorOf(made.account);
});

async function session(now: number, address = '10.0.0.1') {
	const r = await signIn(
		db,
		{ username: 'amina', password: PASSWORD, address, userAgent: 'test' },
		POLICY,
		now
	);
	if (!r.ok) throw new Error(r.message);
	return r.session;
}

const bySession = (token: string, now: number) =>
	authenticate(db, { authorization: null, sessionToken: token }, POLICY, now);
const byToken = (token: string, now = Date.now()) =>
	authenticate(db, { authorization: `Bearer ${token}`, sessionToken: undefined }, POLICY, now);

describe('sessions', () => {
	test('a session acts as its account; an unknown cookie is nobody', async () => {
		const s = await session(0);
		expect(bySession(s.token, 1000)).toMatchObject({
			kind: 'account',
			actor: { username: 'amina', role: 'leadership', cleared: false }
		});
		expect(bySession('forged', 1000)).toEqual({ kind: 'anonymous' });
	});

	test('a session ends after the idle limit, and being used keeps it alive', async () => {
		const s = await session(0);
		// used every 50 s: never idle for a minute
		for (let t = 50_000; t <= 300_000; t += 50_000) {
			expect(bySession(s.token, t).kind, `at ${t}`).toBe('account');
		}
		expect(bySession(s.token, 300_000 + 60_000).kind).toBe('anonymous');
		// and it is gone for good, not only refused once
		expect(bySession(s.token, 300_000 + 60_001).kind).toBe('anonymous');
	});

	test('a session ends at its absolute limit however busy', async () => {
		const s = await session(0);
		for (let t = 50_000; t < 600_000; t += 50_000) bySession(s.token, t);
		expect(bySession(s.token, 599_999).kind).toBe('account');
		expect(bySession(s.token, 600_000).kind).toBe('anonymous');
	});

	test('sessions past their absolute end are cleared out at the next sign-in', async () => {
		await session(0);
		await session(10);
		await session(700_000);
		expect(sessionsDbOf(db).$client.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({
			n: 1
		});
	});

	test('a user sees their sessions and revokes one; the revoked cookie stops working', async () => {
		const first = await session(0, '10.0.0.1');
		const second = await session(10, '10.0.0.2');
		const user = findUser(db, 'amina')!;
		const listed = listSessions(db, user.id, second.id, POLICY, 20);
		expect(listed.map((s) => [s.address, s.current])).toEqual([
			['10.0.0.2', true],
			['10.0.0.1', false]
		]);
		expect(revokeSession(db, amina, user.id, first.id)).toBe(true);
		expect(bySession(first.token, 30).kind).toBe('anonymous');
		expect(bySession(second.token, 30).kind).toBe('account');
	});

	test("one user cannot revoke another's session by its id", async () => {
		const s = await session(0);
		await createAccount(db, LOCAL_ADMINISTRATOR, {
			username: 'intruder',
			password: PASSWORD,
			role: 'viewer'
		});
		const intruder = findUser(db, 'intruder')!;
		expect(revokeSession(db, actorOf(intruder), intruder.id, s.id)).toBe(false);
		expect(bySession(s.token, 10).kind).toBe('account');
	});

	test('changing the password ends the other sessions, keeps this one', async () => {
		const here = await session(0);
		const there = await session(10);
		const changed = await changePassword(db, amina, PASSWORD, 'another long phrase', here.id);
		expect(changed.ok).toBe(true);
		expect(bySession(here.token, 20).kind).toBe('account');
		expect(bySession(there.token, 20).kind).toBe('anonymous');
		expect(await changePassword(db, amina, 'wrong current', 'yet another phrase')).toMatchObject({
			ok: false,
			errors: { current: expect.any(String) }
		});
	});

	test("an administrator's reset ends every session and asks for a new password", async () => {
		const s = await session(0);
		expect((await resetPassword(db, LOCAL_ADMINISTRATOR, 'amina', 'temporary phrase 1')).ok).toBe(
			true
		);
		expect(bySession(s.token, 10).kind).toBe('anonymous');
		expect(findUser(db, 'amina')!.mustChangePassword).toBe(true);
	});

	test('an account an administrator made with a temporary password must replace it', async () => {
		const made = await createAccount(db, LOCAL_ADMINISTRATOR, {
			username: 'newcomer',
			password: 'told over the phone',
			role: 'viewer',
			temporary: true
		});
		expect(made.ok && made.account.mustChangePassword).toBe(true);
		expect(findUser(db, 'amina')!.mustChangePassword).toBe(false);
	});

	test('disabling an account ends its sessions at once', async () => {
		const s = await session(0);
		expect(setDisabled(db, LOCAL_ADMINISTRATOR, 'amina', true).ok).toBe(true);
		expect(bySession(s.token, 10).kind).toBe('anonymous');
	});

	test('a changed role applies from the next request', async () => {
		const s = await session(0);
		updateAccount(db, LOCAL_ADMINISTRATOR, 'amina', { role: 'viewer', cleared: true });
		expect(bySession(s.token, 10)).toMatchObject({ actor: { role: 'viewer', cleared: true } });
	});
});

describe('API tokens', () => {
	test('a token acts as its user, and is shown only at creation', () => {
		const made = createToken(db, amina, 'amina', 'etl script', 'full');
		if (!made.ok) throw new Error('token');
		expect(made.token).toMatch(/^cpas_/);
		expect(byToken(made.token)).toMatchObject({ kind: 'account', actor: { username: 'amina' } });
		const listed = listTokens(db, amina, 'amina');
		expect(JSON.stringify(listed)).not.toContain(made.token);
		expect(listed).toMatchObject([{ name: 'etl script', revokedAt: null }]);
	});

	test('a revoked token is refused, and a bad token is refused even with a good cookie', async () => {
		const made = createToken(db, amina, 'amina', 'etl', 'full');
		if (!made.ok) throw new Error('token');
		expect(revokeToken(db, amina, 'amina', made.view.id)).toBe(true);
		expect(byToken(made.token).kind).toBe('bad-token');
		const s = await session(Date.now());
		expect(
			authenticate(
				db,
				{ authorization: `Bearer ${made.token}`, sessionToken: s.token },
				POLICY,
				Date.now()
			).kind
		).toBe('bad-token');
	});

	test('disabling keeps the time a token was revoked earlier', () => {
		const old = createToken(db, amina, 'amina', 'old', 'full');
		const live = createToken(db, amina, 'amina', 'live', 'full');
		if (!old.ok || !live.ok) throw new Error('token');
		revokeToken(db, amina, 'amina', old.view.id, 1000);
		setDisabled(db, LOCAL_ADMINISTRATOR, 'amina', true, 5000);
		const byName = Object.fromEntries(
			listTokens(db, LOCAL_ADMINISTRATOR, 'amina').map((t) => [t.name, t.revokedAt])
		);
		expect(byName).toEqual({ old: 1000, live: 5000 });
	});

	test("a disabled account's tokens stop working", () => {
		const made = createToken(db, amina, 'amina', 'etl', 'full');
		if (!made.ok) throw new Error('token');
		setDisabled(db, LOCAL_ADMINISTRATOR, 'amina', true);
		expect(byToken(made.token).kind).toBe('bad-token');
	});

	test('a user cannot make or revoke tokens for someone else; an administrator can', async () => {
		await createAccount(db, LOCAL_ADMINISTRATOR, {
			username: 'bob',
			password: PASSWORD,
			role: 'viewer'
		});
		expect(() => createToken(db, amina, 'bob', 'mine now', 'full')).toThrow(/may not/);
		const made = createToken(db, LOCAL_ADMINISTRATOR, 'bob', 'for bob', 'full');
		expect(made.ok).toBe(true);
		if (made.ok) expect(() => revokeToken(db, amina, 'bob', made.view.id)).toThrow(/may not/);
	});
});
