import type { AreaTree } from '../../domain/area-tree';
import { GRANULARITIES, isGranularity, parsePeriod, type Granularity } from '../../domain/period';
import {
	seriesOfGroups,
	type SeriesIndicator,
	type SeriesPoint,
	type SeriesRequest
} from '../../domain/series';
import type { Actor } from '../actor';
import { loadAreaTree } from '../areas/tree';
import { cachedView } from '../cache/view-cache';
import type { Db } from '../db';
import type { indicators } from '../db/schema';
import { findVisibleIndicator } from '../indicators/visible';
import { authorize } from '../permissions';
import { statusMargin } from '../settings/status-margin';
import { IndicatorFigures } from './figure-groups';
import { splitStages } from '../../domain/milestones';
import { m } from '../../paraglide/messages.js';

/** The `series` payload of formats.md §3, shared by the CLI, the HTTP API and the pages. */
export interface SeriesPayload {
	indicator: string;
	area: string | null;
	by: Granularity;
	points: SeriesPoint[];
}

/** What the caller asked for, as written (URL parameters or command-line options). */
export interface SeriesQuery {
	area?: string | null;
	from?: string | null;
	to?: string | null;
	by?: string | null;
	verifiedOnly?: boolean;
}

/** A query checked and resolved against the area tree. */
export interface ResolvedQuery {
	areaId: number | null;
	by?: Granularity;
	from?: string;
	to?: string;
	verifiedOnly: boolean;
	breakdown?: { dimension: string; category: string };
}

export type Resolution<T> =
	({ ok: true } & T) | { ok: false; problem: 'bad_request' | 'not_found'; message: string };

export type SeriesOutcome = Resolution<{ series: SeriesPayload }>;

/** Checks granularity, range and area of a query; the same rules for every caller. */
export function resolveQuery(
	tree: AreaTree,
	query: SeriesQuery
): Resolution<{ query: ResolvedQuery }> {
	const by = query.by?.trim() || undefined;
	if (by !== undefined && !isGranularity(by)) {
		return {
			ok: false,
			problem: 'bad_request',
			message: m.dash_not_a_granularity({ by, granularities: GRANULARITIES.join(', ') })
		};
	}
	const range: { from?: string; to?: string } = {};
	for (const edge of ['from', 'to'] as const) {
		const text = query[edge]?.trim();
		if (!text) continue;
		const parsed = parsePeriod(text);
		if (!parsed.ok) {
			return { ok: false, problem: 'bad_request', message: `${edge}: ${parsed.message}` };
		}
		range[edge] = edge === 'from' ? parsed.period.start : parsed.period.end;
	}
	if (range.from && range.to && range.from > range.to) {
		return { ok: false, problem: 'bad_request', message: m.dash_from_after_to() };
	}
	const areaCode = query.area?.trim() || null;
	const area = areaCode ? tree.byCodeOf(areaCode) : null;
	if (areaCode && !area) {
		return { ok: false, problem: 'not_found', message: m.dash_unknown_area({ code: areaCode }) };
	}
	return {
		ok: true,
		query: { areaId: area?.id ?? null, by, ...range, verifiedOnly: query.verifiedOnly ?? false }
	};
}

/** A query as a cache key: every field, in one order, absent ones as null. */
export function queryKey(query: SeriesQuery): unknown[] {
	return [
		query.area ?? null,
		query.from ?? null,
		query.to ?? null,
		query.by ?? null,
		query.verifiedOnly ?? false
	];
}

/**
 * Computes the series of one indicator by the roll-up rules of formats.md §1.5 (kept per data
 * version and visibility: cache/view-cache.ts).
 */
export function loadSeries(
	db: Db,
	actor: Actor,
	code: string,
	query: SeriesQuery = {}
): SeriesOutcome {
	return cachedView(db, actor, 'series', [code, ...queryKey(query)], () =>
		computeSeries(db, actor, code, query)
	);
}

function computeSeries(db: Db, actor: Actor, code: string, query: SeriesQuery): SeriesOutcome {
	const opened = openIndicatorRequest(db, actor, code, query);
	if (!opened.ok) return opened;
	return { ok: true, series: indicatorSeries(db, opened.indicator, opened.tree, opened.query) };
}

/**
 * What every request about one indicator's figures starts with: the reader may read, the
 * query's area and periods are understood, and the indicator exists for this reader (a
 * restricted one is unknown to the uncleared). Shared by the series and its breakdowns.
 */
export function openIndicatorRequest(
	db: Db,
	actor: Actor,
	code: string,
	query: SeriesQuery
): Resolution<{ tree: AreaTree; query: ResolvedQuery; indicator: typeof indicators.$inferSelect }> {
	authorize(actor, 'read');
	const tree = loadAreaTree(db);
	const resolved = resolveQuery(tree, query);
	if (!resolved.ok) return resolved;
	const indicator = findVisibleIndicator(db, actor, code);
	if (!indicator) {
		return { ok: false, problem: 'not_found', message: m.dash_unknown_indicator({ code }) };
	}
	return { ok: true, tree, query: resolved.query, indicator };
}

/**
 * The series of an indicator already found, over an area tree already loaded: pages that
 * chart many indicators load both once.
 */
export function indicatorSeries(
	db: Db,
	indicator: typeof indicators.$inferSelect,
	tree: AreaTree,
	query: ResolvedQuery,
	margin: number = statusMargin(db),
	figures: IndicatorFigures = new IndicatorFigures(db, indicator, tree, query.areaId)
): SeriesPayload {
	const request = seriesRequest(indicator, query, margin);
	const points = seriesOfGroups(seriesIndicator(indicator), figures.groups(query), tree, request);
	const area = query.areaId === null ? null : (tree.get(query.areaId)?.code ?? null);
	return { indicator: indicator.code, area, by: request.by, points };
}

/** What the domain rules need to know of an indicator. */
export function seriesIndicator(indicator: typeof indicators.$inferSelect): SeriesIndicator {
	return {
		code: indicator.code,
		measure: indicator.measure,
		direction: indicator.direction,
		aggregation: indicator.aggregation,
		dimensions: indicator.dimensions ? indicator.dimensions.split(';') : [],
		...(indicator.measure === 'milestone' ? { stages: splitStages(indicator.stages) } : {})
	};
}

/** A resolved query as the domain rules take it: the indicator's frequency by default. */
export function seriesRequest(
	indicator: typeof indicators.$inferSelect,
	query: ResolvedQuery,
	margin: number
): SeriesRequest {
	return {
		...query,
		by: query.by ?? indicator.frequency ?? 'month',
		margin,
		// a milestone behind its target stage is off track once the target's period has ended
		...(indicator.measure === 'milestone' ? { today: new Date().toISOString().slice(0, 10) } : {})
	};
}
