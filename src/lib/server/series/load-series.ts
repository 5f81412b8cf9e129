import { eq } from 'drizzle-orm';
import { isGranularity, parsePeriod, type Granularity } from '../../domain/period';
import { computeSeries, type Figure, type SeriesPoint } from '../../domain/series';
import { GRANULARITIES } from '../../domain/period';
import type { Actor } from '../actor';
import { loadAreaTree } from '../areas/tree';
import type { Db } from '../db';
import { indicators, observations } from '../db/schema';
import { authorize } from '../permissions';
import { statusMargin } from '../settings/status-margin';

/** The `series` payload of formats.md §3, shared by the CLI and the HTTP API. */
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

export type SeriesOutcome =
	| { ok: true; series: SeriesPayload }
	| { ok: false; problem: 'bad_request' | 'not_found'; message: string };

/** The indicator's figures in the shape the domain rules take. */
export function loadFigures(db: Db, indicatorId: number): Figure[] {
	return db
		.select({
			areaId: observations.areaId,
			start: observations.periodStart,
			end: observations.periodEnd,
			dimensions: observations.dimensions,
			valueType: observations.valueType,
			verification: observations.verification,
			value: observations.value,
			numerator: observations.numerator,
			denominator: observations.denominator,
			sampleSize: observations.sampleSize
		})
		.from(observations)
		.where(eq(observations.indicatorId, indicatorId))
		.all()
		.map((row) => ({ ...row, dimensions: JSON.parse(row.dimensions) as Record<string, string> }));
}

/** Computes the series of one indicator by the roll-up rules of formats.md §1.5. */
export function loadSeries(
	db: Db,
	actor: Actor,
	code: string,
	query: SeriesQuery = {}
): SeriesOutcome {
	authorize(actor, 'read');
	const by = query.by?.trim() || null;
	if (by !== null && !isGranularity(by)) {
		return {
			ok: false,
			problem: 'bad_request',
			message: `"${by}" is not a granularity; use one of: ${GRANULARITIES.join(', ')}.`
		};
	}
	const range: { from?: string; to?: string } = {};
	for (const edge of ['from', 'to'] as const) {
		const text = query[edge]?.trim();
		if (!text) continue;
		const parsed = parsePeriod(text);
		if (!parsed.ok)
			return { ok: false, problem: 'bad_request', message: `${edge}: ${parsed.message}` };
		range[edge] = edge === 'from' ? parsed.period.start : parsed.period.end;
	}
	if (range.from && range.to && range.from > range.to) {
		return { ok: false, problem: 'bad_request', message: 'from must not be after to.' };
	}

	const indicator = db.select().from(indicators).where(eq(indicators.code, code)).get();
	if (!indicator)
		return { ok: false, problem: 'not_found', message: `Unknown indicator "${code}".` };
	const tree = loadAreaTree(db);
	const areaCode = query.area?.trim() || null;
	const area = areaCode ? tree.byCodeOf(areaCode) : null;
	if (areaCode && !area)
		return { ok: false, problem: 'not_found', message: `Unknown area "${areaCode}".` };

	const granularity: Granularity = by ?? indicator.frequency ?? 'month';
	const points = computeSeries(
		{
			code: indicator.code,
			measure: indicator.measure,
			direction: indicator.direction,
			aggregation: indicator.aggregation,
			dimensions: indicator.dimensions ? indicator.dimensions.split(';') : []
		},
		loadFigures(db, indicator.id),
		tree,
		{
			areaId: area?.id ?? null,
			by: granularity,
			from: range.from,
			to: range.to,
			verifiedOnly: query.verifiedOnly ?? false,
			margin: statusMargin(db)
		}
	);
	return {
		ok: true,
		series: { indicator: indicator.code, area: area?.code ?? null, by: granularity, points }
	};
}
