import { and, eq } from 'drizzle-orm';
import { seriesDifferences, type PointDifference } from '../../domain/series-diff';
import type { SeriesPoint } from '../../domain/series';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { frozenSeries, indicators } from '../db/schema';
import { visibleIndicators } from '../indicators/visible';
import { authorize } from '../permissions';
import { loadSeries, type SeriesPayload, type SeriesQuery } from '../series/load-series';

/** What froze a set of series: an RBB report or an assessment cycle, by id. */
export interface FrozenOwner {
	kind: 'rbb' | 'cycle';
	id: number;
}

/**
 * Freezes the series of these indicators for the owner, computed now by the same rules as
 * the API (loadSeries), replacing what the owner froze before. Call inside the caller's
 * transaction when the freeze goes with other writes (issuing).
 */
export function freezeSeries(
	db: Db,
	actor: Actor,
	owner: FrozenOwner,
	indicatorCodes: readonly string[],
	query: SeriesQuery
): number {
	authorize(actor, 'report');
	const ids = new Map(
		db
			.select({ id: indicators.id, code: indicators.code })
			.from(indicators)
			.all()
			.map((i) => [i.code, i.id])
	);
	return db.transaction((tx) => {
		tx.delete(frozenSeries)
			.where(and(eq(frozenSeries.ownerKind, owner.kind), eq(frozenSeries.ownerId, owner.id)))
			.run();
		let frozen = 0;
		for (const code of indicatorCodes) {
			const outcome = loadSeries(db, actor, code, query);
			const indicatorId = ids.get(code);
			if (!outcome.ok || indicatorId === undefined) continue;
			tx.insert(frozenSeries)
				.values({
					ownerKind: owner.kind,
					ownerId: owner.id,
					indicatorId,
					// with the granularity it was computed by, so today's series is computed alike
					query: JSON.stringify({ ...query, by: outcome.series.by }),
					points: JSON.stringify(outcome.series.points)
				})
				.run();
			frozen++;
		}
		return frozen;
	});
}

/** A frozen series beside the same series today, and where they differ. */
export interface FrozenComparison {
	indicator: string;
	query: SeriesQuery;
	frozenAt: string;
	/** The series as frozen: what the report shows. */
	frozen: SeriesPayload;
	/** The same query today; null when the indicator cannot be computed any more. */
	current: SeriesPayload | null;
	differences: PointDifference[];
}

/** The owner's frozen series, each compared with today's data. */
export function frozenSeriesOf(db: Db, actor: Actor, owner: FrozenOwner): FrozenComparison[] {
	authorize(actor, 'read');
	const rows = db
		.select({
			code: indicators.code,
			sensitivity: indicators.sensitivity,
			query: frozenSeries.query,
			points: frozenSeries.points,
			frozenAt: frozenSeries.frozenAt
		})
		.from(frozenSeries)
		.innerJoin(indicators, eq(indicators.id, frozenSeries.indicatorId))
		.where(and(eq(frozenSeries.ownerKind, owner.kind), eq(frozenSeries.ownerId, owner.id)))
		.all();
	return visibleIndicators(actor, rows).map((row) => {
		const query = JSON.parse(row.query) as SeriesQuery;
		const points = JSON.parse(row.points) as SeriesPoint[];
		const now = loadSeries(db, actor, row.code, query);
		const current = now.ok ? now.series : null;
		const frozen: SeriesPayload = {
			indicator: row.code,
			area: query.area ?? null,
			by: query.by as SeriesPayload['by'],
			points
		};
		return {
			indicator: row.code,
			query,
			frozenAt: row.frozenAt,
			frozen,
			current,
			differences: current ? seriesDifferences(points, current.points) : []
		};
	});
}
