/**
 * Signed-in sessions: created at sign-in, checked on every request against both clocks
 * (domain/session-expiry.ts), listed and revoked by their owner. The browser holds the token;
 * the database holds its hash, which is also the session's id.
 */
import { and, desc, eq } from 'drizzle-orm';
import {
	needsTouch,
	sessionEnd,
	sessionState,
	type SessionPolicy
} from '../../domain/session-expiry';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Db } from '../db';
import { sessions, users } from '../db/schema';
import type { UserRow } from './accounts';
import { newSecret, secretHash } from './secret';

export const SESSION_COOKIE = 'cpas_session';

export interface NewSession {
	/** goes in the cookie, never stored */
	token: string;
	id: string;
	expiresAt: number;
}

/** Called inside the sign-in's transaction, so the session and its audit entry go together. */
export function createSession(
	db: Pick<Db, 'insert'>,
	userId: number,
	policy: SessionPolicy,
	client: { userAgent?: string | null; address?: string | null },
	now = Date.now()
): NewSession {
	const token = newSecret();
	const id = secretHash(token);
	const expiresAt = sessionEnd(now, policy);
	db.insert(sessions)
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

export interface ValidSession {
	id: string;
	user: UserRow;
}

/**
 * The session and account a cookie's token stands for, or null: unknown, expired (idle or
 * absolute: the row is deleted then), or its account disabled.
 */
export function validateSession(
	db: Db,
	token: string,
	policy: SessionPolicy,
	now = Date.now()
): ValidSession | null {
	const id = secretHash(token);
	const found = db
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id))
		.get();
	if (!found) return null;
	if (found.user.disabled || sessionState(found.session, now, policy) !== 'active') {
		db.delete(sessions).where(eq(sessions.id, id)).run();
		return null;
	}
	if (needsTouch(found.session.lastSeenAt, now, policy)) {
		db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
	}
	return { id, user: found.user };
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
	return db
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
	return db.transaction((tx) => {
		const gone = tx
			.delete(sessions)
			.where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
			.run().changes;
		if (gone > 0)
			recordAudit(tx, actor, action, actor.username, { session: sessionId.slice(0, 8) });
		return gone > 0;
	});
}
