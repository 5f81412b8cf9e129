/**
 * Signed-in sessions: created at sign-in, checked on every request against both clocks
 * (domain/session-expiry.ts), listed and revoked by their owner. The browser holds the token;
 * the sessions database (db/sessions-db.ts) holds its hash, which is also the session's id.
 * Every write here goes to that database, never to the main one, so none waits on an import.
 */
import { and, desc, eq, ne } from 'drizzle-orm';
import {
	needsTouch,
	sessionEnd,
	sessionState,
	type SessionPolicy
} from '../../domain/session-expiry';
import type { Actor } from '../actor';
import { recordAccessAudit } from '../audit/record';
import type { Db } from '../db';
import { users } from '../db/schema';
import { sessionsDbOf, type SessionsDb } from '../db/sessions-db';
import { sessions } from '../db/sessions-schema';
import type { UserRow } from './accounts';
import { newSecret, secretHash } from './secret';

export const SESSION_COOKIE = 'cpas_session';

export interface NewSession {
	/** goes in the cookie, never stored */
	token: string;
	id: string;
	expiresAt: number;
}

export interface SessionClient {
	userAgent?: string | null;
	address?: string | null;
}

/** Inserts a session; sign-in calls it inside its own transaction, with its audit entry. */
export function insertSession(
	sessionsDb: Pick<SessionsDb, 'insert'>,
	userId: number,
	policy: SessionPolicy,
	client: SessionClient,
	now = Date.now()
): NewSession {
	const token = newSecret();
	const id = secretHash(token);
	const expiresAt = sessionEnd(now, policy);
	sessionsDb
		.insert(sessions)
		.values({
			id,
			userId,
			createdAt: now,
			lastSeenAt: now,
			expiresAt,
			userAgent: client.userAgent?.slice(0, 300) ?? null,
			address: client.address ?? null
		})
		.run();
	return { token, id, expiresAt };
}

/** A session for an account that just proved its password some other way (first setup). */
export function createSession(
	db: Db,
	userId: number,
	policy: SessionPolicy,
	client: SessionClient,
	now = Date.now()
): NewSession {
	return insertSession(sessionsDbOf(db), userId, policy, client, now);
}

export interface ValidSession {
	id: string;
	user: UserRow;
}

/**
 * The session and account a cookie's token stands for, or null: unknown, expired (idle or
 * absolute: the row is deleted then), or its account disabled or unknown. The account is read
 * from the main database as it is now; only the session is written.
 */
export function validateSession(
	db: Db,
	token: string,
	policy: SessionPolicy,
	now = Date.now()
): ValidSession | null {
	const sessionsDb = sessionsDbOf(db);
	const id = secretHash(token);
	const session = sessionsDb.select().from(sessions).where(eq(sessions.id, id)).get();
	if (!session) return null;
	const user = db.select().from(users).where(eq(users.id, session.userId)).get();
	if (!user || user.disabled || sessionState(session, now, policy) !== 'active') {
		sessionsDb.delete(sessions).where(eq(sessions.id, id)).run();
		return null;
	}
	if (needsTouch(session.lastSeenAt, now, policy)) {
		sessionsDb.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
	}
	return { id, user };
}

export interface SessionView {
	id: string;
	createdAt: number;
	lastSeenAt: number;
	expiresAt: number;
	userAgent: string | null;
	address: string | null;
	current: boolean;
}

/** The signed-in user's sessions, the newest first, expired ones left out. */
export function listSessions(
	db: Db,
	userId: number,
	currentId: string | null,
	policy: SessionPolicy,
	now = Date.now()
): SessionView[] {
	return sessionsDbOf(db)
		.select()
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.orderBy(desc(sessions.lastSeenAt))
		.all()
		.filter((s) => sessionState(s, now, policy) === 'active')
		.map((s) => ({
			id: s.id,
			createdAt: s.createdAt,
			lastSeenAt: s.lastSeenAt,
			expiresAt: s.expiresAt,
			userAgent: s.userAgent,
			address: s.address,
			current: s.id === currentId
		}));
}

/**
 * Ends one of the user's own sessions (signing out is revoking the current one). A session of
 * someone else is not found: an id is not a permission.
 */
export function revokeSession(
	db: Db,
	actor: Actor,
	userId: number,
	sessionId: string,
	action: 'session.logout' | 'session.revoke' = 'session.revoke'
): boolean {
	return sessionsDbOf(db).transaction((tx) => {
		const gone = tx
			.delete(sessions)
			.where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
			.run().changes;
		if (gone > 0)
			recordAccessAudit(tx, actor, action, actor.username, { session: sessionId.slice(0, 8) });
		return gone > 0;
	});
}

/**
 * Ends an account's sessions, all or all but one, and answers how many ended. Account changes
 * (disable, password change and reset) call it inside their own transaction on the main
 * database, after their write: if this fails, that transaction rolls back, and once this has
 * run, that transaction already holds the main file's lock, so its commit cannot be refused.
 */
export function endSessions(db: Db, userId: number, keep?: string): number {
	return sessionsDbOf(db)
		.delete(sessions)
		.where(
			keep === undefined
				? eq(sessions.userId, userId)
				: and(eq(sessions.userId, userId), ne(sessions.id, keep))
		)
		.run().changes;
}

/**
 * Ends every session (a restored database: its accounts may not be the ones the sessions were
 * opened for), and answers how many ended.
 */
export function endAllSessions(sessionsDb: SessionsDb): number {
	return sessionsDb.delete(sessions).run().changes;
}
