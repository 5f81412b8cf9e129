/**
 * API tokens: a script's credentials, sent as `Authorization: Bearer`. A token acts as its
 * user, with the user's role, clearance and scope as they are at each request (a changed role
 * applies at once). The secret is shown once, at creation; only its hash is kept. A token's own
 * scope (domain/token-scope.ts) may limit it further to reading: the gate enforces that.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { isTokenScope, TOKEN_SCOPES, type TokenScope } from '../../domain/token-scope';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Db } from '../db';
import { isBusy, writeLockFree } from '../db/busy';
import { apiTokens, users } from '../db/schema';
import { authorize, can } from '../permissions';
import type { UserRow } from './accounts';
import { newSecret, secretHash } from './secret';
import { m } from '../../paraglide/messages.js';

/** Recognisable in a leaked log or a config file, so it can be found and revoked. */
export const TOKEN_PREFIX = 'cpas_';

export interface TokenView {
	id: number;
	name: string;
	scope: TokenScope;
	createdAt: number;
	lastUsedAt: number | null;
	revokedAt: number | null;
}

export type TokenResult =
	{ ok: true; token: string; view: TokenView } | { ok: false; errors: Record<string, string> };

/** Whether the actor may manage `username`'s tokens: their own, or anyone's for an administrator. */
function mayManage(actor: Actor, username: string): boolean {
	return actor.username === username || can(actor, 'administer');
}

export function createToken(
	db: Db,
	actor: Actor,
	username: string,
	name: string,
	/** `full` or `read` (domain/token-scope.ts), as a form or the command line wrote it */
	scope: TokenScope | string,
	now = Date.now()
): TokenResult {
	if (!mayManage(actor, username)) authorize(actor, 'administer');
	const label = name.trim();
	if (label === '') return { ok: false, errors: { name: m.shell_token_name_blank() } };
	if (label.length > 100) return { ok: false, errors: { name: m.shell_token_name_long() } };
	if (!isTokenScope(scope)) {
		const scopes = TOKEN_SCOPES.join(', ');
		return { ok: false, errors: { scope: m.api_token_scope_unknown({ value: scope, scopes }) } };
	}
	return db.transaction((tx) => {
		const user = tx.select().from(users).where(eq(users.username, username)).get();
		if (!user) return { ok: false, errors: { form: m.shell_account_none({ username }) } };
		if (user.disabled)
			return { ok: false, errors: { form: m.shell_token_account_disabled({ username }) } };
		const token = newSecret(TOKEN_PREFIX);
		const row = tx
			.insert(apiTokens)
			.values({ userId: user.id, name: label, tokenHash: secretHash(token), scope, createdAt: now })
			.returning()
			.get();
		recordAudit(tx, actor, 'token.create', username, { token: row.id, name: label, scope });
		return { ok: true, token, view: viewOf(row) };
	});
}

function viewOf(row: typeof apiTokens.$inferSelect): TokenView {
	return {
		id: row.id,
		name: row.name,
		scope: row.scope,
		createdAt: row.createdAt,
		lastUsedAt: row.lastUsedAt,
		revokedAt: row.revokedAt
	};
}

export function listTokens(db: Db, actor: Actor, username: string): TokenView[] {
	if (!mayManage(actor, username)) authorize(actor, 'administer');
	return db
		.select({ token: apiTokens })
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.where(eq(users.username, username))
		.orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
		.all()
		.map((r) => viewOf(r.token));
}

/** Revokes a token of `username`; false when there is no such live token. */
export function revokeToken(
	db: Db,
	actor: Actor,
	username: string,
	tokenId: number,
	now = Date.now()
): boolean {
	if (!mayManage(actor, username)) authorize(actor, 'administer');
	return db.transaction((tx) => {
		const user = tx.select().from(users).where(eq(users.username, username)).get();
		if (!user) return false;
		const done = tx
			.update(apiTokens)
			.set({ revokedAt: now })
			.where(
				and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt))
			)
			.run().changes;
		if (done > 0) recordAudit(tx, actor, 'token.revoke', username, { token: tokenId });
		return done > 0;
	});
}

/** The account a bearer token stands for, and its scope. */
export interface TokenHolder {
	user: UserRow;
	scope: TokenScope;
}

/** Who a bearer token stands for, or null: unknown, revoked, or its account disabled. */
export function userForToken(db: Db, token: string, now = Date.now()): TokenHolder | null {
	if (!token.startsWith(TOKEN_PREFIX)) return null;
	const found = db
		.select({ token: apiTokens, user: users })
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.where(eq(apiTokens.tokenHash, secretHash(token)))
		.get();
	if (!found || found.token.revokedAt !== null || found.user.disabled) return null;
	// a minute's precision is enough to tell a token still in use from a forgotten one; the
	// note is skipped while an import holds the lock (it would wait), and written next time
	const stale = found.token.lastUsedAt === null || now - found.token.lastUsedAt >= 60_000;
	if (stale && writeLockFree(db.$client)) {
		try {
			db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, found.token.id)).run();
		} catch (e) {
			if (!isBusy(e)) throw e;
		}
	}
	return { user: found.user, scope: found.token.scope };
}
