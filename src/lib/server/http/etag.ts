/**
 * Entity tags for pages and API answers, so a browser or a script that already holds an answer
 * gets a bodiless 304 instead of it again. The tag is derived from the data version, what the
 * reader may see (cache/view-cache.ts) and the answer itself, minus the page's CSP nonce (a new
 * one every time, or no page would ever match). It is weak: the same answer goes out
 * compressed in different ways (compress.ts).
 *
 * A 304 carries no Content-Security-Policy: the browser keeps the stored page with the policy
 * that came with it, whose nonce is the one in that page.
 */
import { createHash } from 'node:crypto';

/** Answers worth tagging: pages and JSON (downloads stream and are not buffered). */
const TAGGED = /^(text\/html|application\/json)/;

/** The nonce SvelteKit put in a page's policy (kit.csp), or null. */
export function nonceOf(headers: Headers): string | null {
	const policy = headers.get('content-security-policy');
	return policy ? (/'nonce-([^']+)'/.exec(policy)?.[1] ?? null) : null;
}

export function entityTag(
	version: string,
	visibility: string,
	body: Uint8Array,
	nonce: string | null
): string {
	const hash = createHash('sha1').update(version).update('\0').update(visibility).update('\0');
	if (nonce) {
		for (const part of splitAt(body, nonce)) hash.update(part);
	} else {
		hash.update(body);
	}
	return `W/"${hash.digest('base64url')}"`;
}

/** The body cut at each occurrence of `marker` (the marker left out). */
export function splitAt(body: Uint8Array, marker: string): Buffer[] {
	const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	const needle = Buffer.from(marker);
	const parts: Buffer[] = [];
	let from = 0;
	for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, from)) {
		parts.push(bytes.subarray(from, at));
		from = at + needle.length;
	}
	parts.push(bytes.subarray(from));
	return parts;
}

/** Whether an `If-None-Match` header names this tag (weak comparison, RFC 9110 §13.1.2). */
export function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
	const wanted = opaque(etag);
	return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/** The bodiless answer to a request that already holds the current one. */
export function notModified(etag: string, headers: Headers): Response {
	const kept = new Headers({ etag });
	for (const name of ['cache-control', 'vary', 'expires', 'content-location']) {
		const value = headers.get(name);
		if (value) kept.set(name, value);
	}
	return new Response(null, { status: 304, headers: kept });
}

/** Whether an answer gets a tag: a whole 200 page or JSON answer to a GET, no cookie set. */
export function taggable(request: Request, response: Response): boolean {
	return (
		request.method === 'GET' &&
		response.status === 200 &&
		response.body !== null &&
		TAGGED.test(response.headers.get('content-type') ?? '') &&
		!response.headers.has('content-encoding') &&
		!response.headers.has('set-cookie')
	);
}

/**
 * Signed-in answers are for one person: a shared cache must not keep them, and the browser
 * asks again each time (with the tag, so an unchanged page costs a 304).
 */
export const SIGNED_IN_CACHE_CONTROL = 'private, no-cache';
