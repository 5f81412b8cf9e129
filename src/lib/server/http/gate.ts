/**
 * The gate every request passes before route code runs: who is asking (auth/authenticate.ts),
 * whether the route lets them (route-access.ts, permissions.ts), and what a refusal looks like
 * for a page (the sign-in page, or an error page), an API call (JSON 401/403) or a form.
 */
import { error, json, redirect, type RequestEvent } from '@sveltejs/kit';
import { sessionPolicyFrom } from '../../domain/session-expiry';
import { scopeAllows } from '../../domain/token-scope';
import { hasAccounts, type Account } from '../auth/accounts';
import { authenticate, type Authenticated } from '../auth/authenticate';
import { SESSION_COOKIE } from '../auth/sessions';
import type { Db } from '../db';
import { can, type Action } from '../permissions';
import { chooseLocale } from '../i18n/choose-locale';
import { inLocale } from '../i18n/request-locale';
import { errorPage } from './error-page';
import { admitPublicReader } from './public-reader';
import { accessFor, formActionOf, ROUTE_ACCESS } from './route-access';
import { m } from '../../paraglide/messages.js';

export const sessionPolicy = () => sessionPolicyFrom(process.env);

/**
 * Databases known to have an account. Accounts are never deleted, so once one exists the
 * question need not be asked again on every request.
 */
const withAccounts = new WeakSet<Db>();
function accountsExist(db: Db): boolean {
	if (withAccounts.has(db)) return true;
	if (!hasAccounts(db)) return false;
	withAccounts.add(db);
	return true;
}

/** Where signing in sends the user back to: only a path of this site, never another one. */
export function safeNext(next: string | null): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	return next;
}

function isApi(event: RequestEvent): boolean {
	return event.url.pathname.startsWith('/api/');
}

function isEndpoint(event: RequestEvent): boolean {
	const rule = event.route.id ? ROUTE_ACCESS[event.route.id] : undefined;
	return isApi(event) || rule?.methods !== undefined;
}

function unauthenticated(event: RequestEvent, message: string): Response {
	if (isEndpoint(event) || !['GET', 'HEAD'].includes(event.request.method)) {
		return json(
			{ error: message },
			{ status: 401, headers: { 'www-authenticate': 'Bearer realm="cpas"' } }
		);
	}
	const back = event.url.pathname + event.url.search;
	redirect(303, back === '/' ? '/login' : `/login?next=${encodeURIComponent(back)}`);
}

function forbidden(event: RequestEvent, message: string): Response {
	if (isEndpoint(event) || event.request.method !== 'GET') {
		return json({ error: message }, { status: 403 });
	}
	// a client-side navigation's data request: SvelteKit shows its error page (+error.svelte)
	if (event.isDataRequest) error(403, message);
	// a page: SvelteKit's fallback for an error thrown here is one static template in one
	// language, so the gate writes the page itself in the reader's
	return errorPage(403, message);
}

export type GateResult =
	| { pass: true; account: Account | null; sessionId: string | null }
	| { pass: false; response: Response };

/**
 * Decides whether the request may go on, and as whom. Throws SvelteKit's redirect or error for
 * pages (SvelteKit turns them into a redirect or an error page, also for client-side data
 * requests); returns a response for endpoints and forms.
 */
export function gate(db: Db, event: RequestEvent): GateResult {
	const access = accessFor({
		routeId: event.route.id,
		method: event.request.method,
		action: event.request.method === 'POST' ? formActionOf(event.url.search) : null
	});
	// an open endpoint (the health check) needs no account, not even one to exist: a service
	// manager asks it before anyone has set the installation up, and while the database is down
	if (access === 'public' && isEndpoint(event))
		return { pass: true, account: null, sessionId: null };
	if (!accountsExist(db)) {
		// a new installation shows the first-administrator page and nothing else
		if (access === 'setup') return { pass: true, account: null, sessionId: null };
		if (isEndpoint(event) || event.request.method !== 'GET') {
			return {
				pass: false,
				response: json({ error: m.shell_gate_no_account_yet() }, { status: 401 })
			};
		}
		redirect(303, '/setup');
	}
	if (access === 'setup') redirect(303, '/login');

	const who = authenticate(
		db,
		{
			authorization: event.request.headers.get('authorization'),
			sessionToken: event.cookies.get(SESSION_COOKIE)
		},
		sessionPolicy()
	);
	// the sign-in page is for anyone; it still knows who is signed in, to send them on
	if (access === 'public') {
		if (who.kind !== 'account') return { pass: true, account: null, sessionId: null };
		event.locals.actor = who.actor;
		return { pass: true, account: who.account, sessionId: who.sessionId };
	}
	if (who.kind === 'bad-token') {
		return {
			pass: false,
			response: unauthenticated(event, m.shell_gate_bad_token())
		};
	}
	if (who.kind === 'anonymous') {
		if (event.cookies.get(SESSION_COOKIE)) event.cookies.delete(SESSION_COOKIE, { path: '/' });
		const reader = access === 'read-or-public' ? publicReaderGate(db, event) : null;
		if (reader) return reader;
		return { pass: false, response: unauthenticated(event, m.shell_gate_sign_in()) };
	}
	event.locals.actor = who.actor;
	// from here a refusal is written in the account's own language, like the page it replaces
	const theirs = <T>(work: () => T): T => inLocale(chooseLocale(event, who.account.locale), work);
	const beyondScope = theirs(() => beyondTokenScope(event, who));
	if (beyondScope) return { pass: false, response: beyondScope };

	// An unknown path: SvelteKit's own 404, now that we know the asker may see the site.
	if (event.route.id === null)
		return { pass: true, account: who.account, sessionId: who.sessionId };
	if (access === null) {
		return { pass: false, response: theirs(() => forbidden(event, m.shell_gate_no_rule())) };
	}
	// a password an administrator set must be replaced before anything else
	if (who.account.mustChangePassword && !['/account', '/logout'].includes(event.route.id)) {
		if (isEndpoint(event)) {
			return {
				pass: false,
				response: theirs(() => forbidden(event, m.shell_gate_change_password_first()))
			};
		}
		redirect(303, '/account?password=reset');
	}
	// an account reads what the public view shows as it reads everything else
	const action = access === 'read-or-public' ? 'read' : access;
	if (action !== 'signed-in' && !can(who.actor, action)) {
		return {
			pass: false,
			response: theirs(() => forbidden(event, mayNot(action, who.actor.role)))
		};
	}
	return { pass: true, account: who.account, sessionId: who.sessionId };
}

/**
 * Someone without an account, at a route the public view opens: the public reader while the
 * view is on and the client within its rate (public-reader.ts); null asks them to sign in.
 */
function publicReaderGate(db: Db, event: RequestEvent): GateResult | null {
	const admission = admitPublicReader(db, event, isEndpoint(event));
	if (admission.kind === 'not-public') return null;
	if (admission.kind === 'limited') return { pass: false, response: admission.response };
	return { pass: true, account: null, sessionId: null };
}

/**
 * A read-only token asking for anything but reading (docs/api.md): refused before any route
 * code runs, whatever its account's role would allow, so nothing is written. Always JSON: a
 * token is a script's credential, never a browser's.
 */
function beyondTokenScope(
	event: RequestEvent,
	who: Pick<Authenticated, 'tokenScope'>
): Response | null {
	if (who.tokenScope === null || scopeAllows(who.tokenScope, event.request.method)) return null;
	return json(
		{ error: m.api_gate_read_only_token({ method: event.request.method }) },
		{ status: 403 }
	);
}

/** What a role may not do, as one sentence per permission: French word order differs. */
const MAY_NOT: Record<Action, (inputs: { role: string }) => string> = {
	read: m.shell_gate_may_not_read,
	import: m.shell_gate_may_not_import,
	caveat: m.shell_gate_may_not_caveat,
	framework: m.shell_gate_may_not_framework,
	report: m.shell_gate_may_not_report,
	assess: m.shell_gate_may_not_assess,
	track: m.act_gate_may_not_track,
	close: m.act_gate_may_not_close,
	verify: m.shell_gate_may_not_verify,
	audit: m.shell_gate_may_not_audit,
	administer: m.shell_gate_may_not_administer
};

function mayNot(access: Action, role: string): string {
	return MAY_NOT[access]({ role });
}
