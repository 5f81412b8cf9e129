/**
 * Computed views kept per data version: the overview, objective and indicator views and the
 * series are pure functions of the committed data, the reader's visibility and the request's
 * parameters, and computing them was most of a page's time under load. A view is kept until
 * the data version changes (data-version.ts: any committed write, by this process or another),
 * and at most `CPAS_VIEW_CACHE_MB` of them (their JSON size), the least recently used going
 * first, so the memory to plan for is bounded (docs/operations.md).
 *
 * A kept view is shared by every reader with the same visibility: it is deep-frozen, so a
 * caller that tried to change it would fail loudly instead of changing other readers' pages.
 */
import type { Actor } from '../actor';
import type { Db } from '../db';
import { authorize } from '../permissions';
import { dataVersion, writing } from './data-version';
import { VersionedCache } from './versioned-cache';
import { currentLocale } from '../i18n/request-locale';

export const DEFAULT_VIEW_CACHE_MB = 32;

/**
 * What of the reader decides what a view shows: clearance (restricted indicators exist only
 * for the cleared, and raw small cells are theirs only) and, to stay on the safe side should a
 * reading rule ever depend on it, the role. A planner's scope limits writes only.
 */
export function visibilityOf(actor: Actor): string {
	// the public view's reader is a viewer who sees less: never one of theirs
	if (actor.publicReader) return 'public';
	return `${actor.role}:${actor.cleared ? 'cleared' : 'uncleared'}`;
}

export function viewCacheBytes(env: Record<string, string | undefined> = process.env): number {
	const text = env.CPAS_VIEW_CACHE_MB?.trim();
	const mb = text ? Number(text) : DEFAULT_VIEW_CACHE_MB;
	if (!Number.isFinite(mb) || mb < 0) {
		throw new Error(`CPAS_VIEW_CACHE_MB=${text} is not a number of megabytes (0 turns it off).`);
	}
	return Math.round(mb * 1024 * 1024);
}

const caches = new WeakMap<Db, VersionedCache<unknown>>();

/** The cache of one database connection (each test's database has its own). */
export function viewCacheOf(db: Db): VersionedCache<unknown> {
	let cache = caches.get(db);
	if (!cache) {
		cache = new VersionedCache<unknown>(viewCacheBytes());
		caches.set(db, cache);
	}
	return cache;
}

function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}

/**
 * The view `name` with `params` for this reader: kept, or computed by `compute` and kept.
 * Reading is authorized here, before anything kept is handed out; `compute` must depend on
 * nothing but the database, the reader's visibility (visibilityOf) and `params`.
 */
export function cachedView<T>(
	db: Db,
	actor: Actor,
	name: string,
	params: readonly unknown[],
	compute: () => T
): T {
	authorize(actor, 'read');
	const cache = viewCacheOf(db);
	if (cache.maxBytes === 0 || writing(db)) return compute();
	const version = dataVersion(db);
	cache.useVersion(version);
	// views carry words (statuses explained, period labels): one kept per language
	const key = JSON.stringify([name, visibilityOf(actor), currentLocale(), ...params]);
	const kept = cache.get(key);
	if (kept !== undefined) {
		cache.hits++;
		return kept as T;
	}
	cache.misses++;
	const value = compute();
	// written meanwhile (another process committed): the value may mix versions, so not kept
	if (dataVersion(db) !== version) return value;
	cache.set(key, deepFreeze(value), JSON.stringify(value)?.length ?? 0);
	return value;
}
