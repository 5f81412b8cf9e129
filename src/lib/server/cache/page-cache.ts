/**
 * Rendered answers of the reading pages and the series API, kept per data version and reader.
 * Rendering a page (its components, its data serialized for the browser) cost more than
 * computing its views once those were kept (view-cache.ts), and readers ask for the same few
 * pages again and again. An answer is kept for one reader — the pages say who is signed in —
 * and only for the routes listed here, whose answers depend on nothing but the data, the
 * reader and the URL. It is kept compressed too: compressing a page cost more than serving it.
 *
 * A kept page goes out with the CSP nonce it was rendered with, so to one reader only and
 * for as long as the data it shows is unchanged. That gives an attacker nothing: markup that
 * could use the nonce would have to be in the page already, and any write that could put it
 * there changes the data version, which renders the page anew with a new nonce.
 *
 * Every answer to a GET, kept or not, gets an entity tag (http/etag.ts).
 */
import type { RequestEvent } from '@sveltejs/kit';
import type { Account } from '../auth/accounts';
import type { Db } from '../db';
import { encodingFor, pack, varyOnEncoding, worthPacking, type Encoding } from '../http/compress';
import {
	entityTag,
	matches,
	nonceOf,
	notModified,
	SIGNED_IN_CACHE_CONTROL,
	taggable
} from '../http/etag';
import { publicCacheHeaders } from '../http/public-reader';
import { dataVersion } from './data-version';
import { VersionedCache } from './versioned-cache';
import { visibilityOf } from './view-cache';

/** Routes whose answers are pure functions of the data, the reader and the URL. */
export const KEPT_ROUTES: ReadonlySet<string> = new Set([
	'/',
	'/objectives/[code]',
	'/indicators/[code]',
	'/api/v1/indicators/[code]/series'
]);

export const DEFAULT_PAGE_CACHE_MB = 64;

export function pageCacheBytes(env: Record<string, string | undefined> = process.env): number {
	const text = env.CPAS_PAGE_CACHE_MB?.trim();
	const mb = text ? Number(text) : DEFAULT_PAGE_CACHE_MB;
	if (!Number.isFinite(mb) || mb < 0) {
		throw new Error(`CPAS_PAGE_CACHE_MB=${text} is not a number of megabytes (0 turns it off).`);
	}
	return Math.round(mb * 1024 * 1024);
}

interface KeptAnswer {
	headers: [string, string][];
	body: Buffer<ArrayBuffer>;
	etag: string;
	/** the body compressed, per encoding, as readers asked for it */
	packed: Partial<Record<Encoding, Buffer<ArrayBuffer>>>;
}

const caches = new WeakMap<Db, VersionedCache<KeptAnswer>>();

export function pageCacheOf(db: Db): VersionedCache<KeptAnswer> {
	let cache = caches.get(db);
	if (!cache) {
		cache = new VersionedCache(pageCacheBytes());
		caches.set(db, cache);
	}
	return cache;
}

/** Headers a kept answer does not repeat: the moment's, or set again when it is served. */
const NOT_KEPT = new Set(['content-length', 'date', 'etag', 'set-cookie']);

function bytesOf(kept: KeptAnswer): number {
	const packed = Object.values(kept.packed).reduce((n, p) => n + p.byteLength, 0);
	return kept.body.byteLength + packed + 200 * kept.headers.length;
}

/** A kept answer as the reader's browser takes it, compressed once per encoding. */
async function served(
	cache: VersionedCache<KeptAnswer>,
	key: string,
	kept: KeptAnswer,
	request: Request
): Promise<Response> {
	const headers = new Headers(kept.headers);
	headers.set('etag', kept.etag);
	const encoding = encodingFor(request);
	if (!encoding || !worthPacking(kept.body)) return new Response(kept.body, { headers });
	let packed = kept.packed[encoding];
	if (!packed) {
		packed = await pack(kept.body, encoding);
		kept.packed[encoding] = packed;
		cache.set(key, kept, bytesOf(kept));
	}
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(packed.byteLength));
	return new Response(packed, { headers });
}

/** A public reader's answer that is not tagged (a download, an error) with its cache headers. */
function shareable(request: Request, response: Response): Response {
	const headers = new Headers(response.headers);
	publicCacheHeaders(request, response.status, headers);
	return new Response(response.body, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

/**
 * The answer to a reader's request (an account, or the public view's reader): kept, 304 when the reader holds it already, or
 * rendered by `render` (and kept, for the routes above). Only GETs are looked at.
 */
export async function readerAnswer(
	db: Db,
	event: RequestEvent,
	account: Account | null,
	render: () => Response | Promise<Response>
): Promise<Response> {
	const request = event.request;
	if (request.method !== 'GET' || event.locals.actor.nobody) return render();
	const version = dataVersion(db);
	const visibility = visibilityOf(event.locals.actor);
	const cache = pageCacheOf(db);
	const routeKept =
		cache.maxBytes > 0 && event.route.id !== null && KEPT_ROUTES.has(event.route.id);
	// the URL as asked: SvelteKit gives the hook a page's URL for its __data.json request too
	const asked = new URL(request.url);
	// the public view's reader has a key of its own (visibility `public`, no account): it
	// never gets an account's answer, nor leaves one an account would get
	const publicReader = event.locals.actor.publicReader === true;
	const key = JSON.stringify([
		asked.pathname + asked.search,
		request.headers.get('accept')?.includes('text/html') ?? false,
		publicReader ? null : (account?.username ?? event.locals.actor.username),
		visibility,
		event.locals.locale
	]);
	if (routeKept) {
		cache.useVersion(version);
		const kept = cache.get(key);
		if (kept) {
			cache.hits++;
			if (matches(request.headers.get('if-none-match'), kept.etag)) {
				return notModified(kept.etag, new Headers(kept.headers));
			}
			return served(cache, key, kept, request);
		}
		cache.misses++;
	}
	const response = await render();
	if (!taggable(request, response)) return publicReader ? shareable(request, response) : response;
	const body = Buffer.from(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	if (publicReader) publicCacheHeaders(request, response.status, headers);
	if (!headers.has('cache-control')) headers.set('cache-control', SIGNED_IN_CACHE_CONTROL);
	// said on the 304 too: the answer it stands for went out compressed (http/compress.ts)
	varyOnEncoding(headers);
	const etag = entityTag(version, visibility, body, nonceOf(headers));
	headers.set('etag', etag);
	if (matches(request.headers.get('if-none-match'), etag)) return notModified(etag, headers);
	// written while it was rendered: the page may mix versions, so it is not kept
	if (routeKept && dataVersion(db) === version) {
		const kept: KeptAnswer = {
			headers: [...headers].filter(([name]) => !NOT_KEPT.has(name)),
			body,
			etag,
			packed: {}
		};
		cache.set(key, kept, bytesOf(kept));
		return served(cache, key, kept, request);
	}
	return new Response(body, { status: 200, statusText: response.statusText, headers });
}
