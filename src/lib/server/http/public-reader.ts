/**
 * The public view at the gate (docs/security.md "The public view"): who passes as its reader,
 * how often, and how its answers may be kept by browsers and shared caches. The gate
 * (gate.ts) asks here only for a request with no session and no token, to a route whose
 * access is `read-or-public`; the switch is the administrator's (settings/public-view.ts).
 */
import { error, json, type RequestEvent } from '@sveltejs/kit';
import { DEFAULT_PUBLIC_RATE, parseRateLimit, TokenBuckets } from '../../domain/rate-limit';
import { PUBLIC_READER } from '../actor';
import type { Db } from '../db';
import { publicViewOn } from '../settings/public-view';
import { errorPage } from './error-page';
import { m } from '../../paraglide/messages.js';

/**
 * The public reader's answers are the same for everyone who asks in the same language, so a
 * browser or a shared cache may keep them a minute. Accounts' answers stay `private`
 * (etag.ts): the Vary below keeps a cache from handing one to the other.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';
export const PUBLIC_VARY = ['Cookie', 'Authorization', 'Accept-Language'];

/** The limit `CPAS_PUBLIC_RATE` sets (domain/rate-limit.ts), else the default. */
export function publicRateFrom(env: Record<string, string | undefined> = process.env) {
	const text = env.CPAS_PUBLIC_RATE?.trim();
	if (!text) return DEFAULT_PUBLIC_RATE;
	const limit = parseRateLimit(text);
	if (!limit) {
		throw new Error(
			`CPAS_PUBLIC_RATE=${text} is not a rate: write requests a minute, e.g. 120, or 120:60 with a burst of 60.`
		);
	}
	return limit;
}

let buckets: TokenBuckets | null = null;

/** The buckets of this server process, made on the first anonymous request. */
export function publicBuckets(): TokenBuckets {
	buckets ??= new TokenBuckets(publicRateFrom());
	return buckets;
}

/** Forgets every client and reads `CPAS_PUBLIC_RATE` again (tests). */
export function resetPublicBuckets(): void {
	buckets = null;
}

function isEndpointOrApi(event: RequestEvent, endpoint: boolean): boolean {
	return endpoint || event.url.pathname.startsWith('/api/');
}

/** The answer to a client past its limit: JSON for the API and downloads, else a small page. */
export function tooManyRequests(
	event: RequestEvent,
	endpoint: boolean,
	retryAfterSeconds: number
): Response {
	const headers = { 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' };
	const message = m.pub_too_many_text({ seconds: retryAfterSeconds });
	if (isEndpointOrApi(event, endpoint)) return json({ error: message }, { status: 429, headers });
	// a client-side navigation's data request: SvelteKit shows its error page
	if (event.isDataRequest) error(429, message);
	return errorPage(429, message, {
		title: m.pub_too_many_title(),
		ways: [{ href: '/', label: m.pub_too_many_back() }],
		headers
	});
}

export type PublicAdmission =
	{ kind: 'not-public' } | { kind: 'admitted' } | { kind: 'limited'; response: Response };

/**
 * Whether an anonymous request to a `read-or-public` route reads as the public reader: only
 * while the public view is on, and within the client's rate. Admitted, the request acts as
 * PUBLIC_READER from here on.
 */
export function admitPublicReader(
	db: Db,
	event: RequestEvent,
	endpoint: boolean,
	now = Date.now()
): PublicAdmission {
	if (!publicViewOn(db)) return { kind: 'not-public' };
	const admission = publicBuckets().take(event.getClientAddress(), now);
	if (!admission.admitted) {
		return {
			kind: 'limited',
			response: tooManyRequests(event, endpoint, admission.retryAfterSeconds)
		};
	}
	event.locals.actor = PUBLIC_READER;
	return { kind: 'admitted' };
}

/**
 * Marks a public reader's answer as shareable: a whole answer to a GET that sets no cookie and
 * names no cache rule of its own. Every answer says what it varies on.
 */
export function publicCacheHeaders(request: Request, status: number, headers: Headers): void {
	const vary = headers.get('vary');
	const names = vary ? vary.split(',').map((v) => v.trim()) : [];
	for (const name of PUBLIC_VARY) {
		if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
	}
	headers.set('vary', names.join(', '));
	if (
		request.method === 'GET' &&
		status === 200 &&
		!headers.has('set-cookie') &&
		!headers.has('cache-control')
	) {
		headers.set('cache-control', PUBLIC_CACHE_CONTROL);
	}
}
