/**
 * Who sent a request: an API token (`Authorization: Bearer`) or a session cookie, each turned
 * into the account's actor as the account is now (a changed role or a disabled account takes
 * effect on the next request).
 */
import type { SessionPolicy } from '../../domain/session-expiry';
import type { TokenScope } from '../../domain/token-scope';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { accountOf, actorOf, type Account } from './accounts';
import { validateSession } from './sessions';
import { userForToken } from './tokens';

export interface Authenticated {
	actor: Actor;
	account: Account;
	/** the session's id when signed in through the browser; null for a token */
	sessionId: string | null;
	/** what the token may do (domain/token-scope.ts); null when signed in through the browser */
	tokenScope: TokenScope | null;
}

export type Authentication =
	{ kind: 'anonymous' } | { kind: 'bad-token' } | ({ kind: 'account' } & Authenticated);

/** The bearer token of an `Authorization` header, or null when there is none. */
export function bearerToken(header: string | null): string | null | '' {
	if (header === null) return null;
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	return match?.[1] ?? '';
}

function signedIn(
	account: Account,
	sessionId: string | null,
	tokenScope: TokenScope | null = null
): Authentication {
	return { kind: 'account', actor: actorOf(account), account, sessionId, tokenScope };
}

export function authenticate(
	db: Db,
	credentials: { authorization: string | null; sessionToken: string | undefined },
	policy: SessionPolicy,
	now = Date.now()
): Authentication {
	// A request that presents a token is judged by it alone: a bad token is refused even when
	// a cookie would have passed, so a script never acts as whoever last used the browser.
	const token = bearerToken(credentials.authorization);
	if (token !== null) {
		const holder = token === '' ? null : userForToken(db, token, now);
		if (!holder) return { kind: 'bad-token' };
		return signedIn(accountOf(holder.user), null, holder.scope);
	}
	if (credentials.sessionToken) {
		const session = validateSession(db, credentials.sessionToken, policy, now);
		if (session) return signedIn(accountOf(session.user), session.id);
	}
	return { kind: 'anonymous' };
}
