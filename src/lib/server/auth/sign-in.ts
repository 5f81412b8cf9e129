/**
 * Signing in: the growing delay per account and per address (domain/login-delay.ts), the
 * password check, the session, and the audit entry, so the login page's action is one call.
 * It reads the account from the main database and writes only to the sessions database
 * (db/sessions-db.ts): signing in never waits on an import's lock.
 */
import { eq, inArray, lt } from 'drizzle-orm';
import {
	currentFailures,
	waitRemaining,
	waitText,
	type FailureKind
} from '../../domain/login-delay';
import type { SessionPolicy } from '../../domain/session-expiry';
import { NOBODY } from '../actor';
import { recordAccessAudit } from '../audit/record';
import type { Db } from '../db';
import { sessionsDbOf, type SessionsDb } from '../db/sessions-db';
import { loginFailures, sessions } from '../db/sessions-schema';
import { actorOf, findUser, type UserRow } from './accounts';
import { spendVerifyTime, verifyPassword } from './password';
import { insertSession, type NewSession } from './sessions';
import { m } from '../../paraglide/messages.js';

export interface SignInAttempt {
	username: string;
	password: string;
	address: string | null;
	userAgent: string | null;
}

export type SignInResult =
	| { ok: true; session: NewSession; user: UserRow }
	| { ok: false; status: 400 | 429; message: string };

/** Same words for an unknown name and a wrong password: the page must not tell which. */
const WRONG = () => m.shell_login_wrong();

function keysOf(attempt: SignInAttempt): { key: string; kind: FailureKind }[] {
	const keys: { key: string; kind: FailureKind }[] = [
		{ key: `user:${attempt.username.slice(0, 64)}`, kind: 'account' }
	];
	if (attempt.address) keys.push({ key: `address:${attempt.address}`, kind: 'address' });
	return keys;
}

/** Milliseconds before this attempt may be heard. */
export function signInWait(db: Db, attempt: SignInAttempt, now = Date.now()): number {
	const keys = keysOf(attempt);
	const rows = sessionsDbOf(db)
		.select()
		.from(loginFailures)
		.where(
			inArray(
				loginFailures.key,
				keys.map((k) => k.key)
			)
		)
		.all();
	return Math.max(
		0,
		...keys.map(({ key, kind }) =>
			waitRemaining(
				rows.find((r) => r.key === key),
				now,
				kind
			)
		)
	);
}

function recordFailure(
	sessionsDb: SessionsDb,
	attempt: SignInAttempt,
	reason: string,
	now: number
): void {
	sessionsDb.transaction((tx) => {
		for (const { key } of keysOf(attempt)) {
			const row = tx.select().from(loginFailures).where(eq(loginFailures.key, key)).get();
			const failures = currentFailures(row, now) + 1;
			tx.insert(loginFailures)
				.values({ key, failures, lastFailureAt: now })
				.onConflictDoUpdate({ target: loginFailures.key, set: { failures, lastFailureAt: now } })
				.run();
		}
		// whoever fails is nobody yet: the name they typed goes in the entry's subject
		recordAccessAudit(tx, NOBODY, 'session.login.failed', attempt.username.slice(0, 64), {
			reason,
			address: attempt.address
		});
	});
}

export async function signIn(
	db: Db,
	attempt: SignInAttempt,
	policy: SessionPolicy,
	now = Date.now()
): Promise<SignInResult> {
	// Refused before the password is looked at: a guesser learns nothing while waiting.
	const wait = signInWait(db, attempt, now);
	if (wait > 0) {
		return {
			ok: false,
			status: 429,
			message: m.shell_login_too_many({ wait: waitText(wait) })
		};
	}
	const sessionsDb = sessionsDbOf(db);
	const user = attempt.username === '' ? undefined : findUser(db, attempt.username);
	if (!user) {
		await spendVerifyTime(attempt.password);
		recordFailure(sessionsDb, attempt, 'unknown user', now);
		return { ok: false, status: 400, message: WRONG() };
	}
	if (!(await verifyPassword(user.passwordHash, attempt.password))) {
		recordFailure(sessionsDb, attempt, 'wrong password', now);
		return { ok: false, status: 400, message: WRONG() };
	}
	if (user.disabled) {
		recordFailure(sessionsDb, attempt, 'account disabled', now);
		return {
			ok: false,
			status: 400,
			message: m.shell_login_disabled()
		};
	}
	const session = sessionsDb.transaction((tx) => {
		tx.delete(loginFailures)
			.where(
				inArray(
					loginFailures.key,
					keysOf(attempt).map((k) => k.key)
				)
			)
			.run();
		// sessions past their absolute end are dead anyway: clear them out now and then
		tx.delete(sessions).where(lt(sessions.expiresAt, now)).run();
		const created = insertSession(tx, user.id, policy, attempt, now);
		recordAccessAudit(tx, actorOf(user), 'session.login', user.username, {
			address: attempt.address
		});
		return created;
	});
	return { ok: true, session, user };
}
