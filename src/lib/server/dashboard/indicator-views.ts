import { eq } from 'drizzle-orm';
import type { AreaTree } from '../../domain/area-tree';
import type { FrameworkTree } from '../../domain/framework-tree';
import type { SeriesPoint } from '../../domain/series';
import type { Db } from '../db';
import { indicators } from '../db/schema';
import { indicatorSeries, type ResolvedQuery, type SeriesPayload } from '../series/load-series';
import { statusMargin } from '../settings/status-margin';

export type IndicatorRow = typeof indicators.$inferSelect;

/** An indicator with its series, as a dashboard panel shows it. */
export interface IndicatorView {
	code: string;
	title: string;
	category: IndicatorRow['category'];
	direction: IndicatorRow['direction'];
	measure: IndicatorRow['measure'];
	unit: string | null;
	resultCode: string;
	baselineValue: number | null;
	baselinePeriod: string | null;
	series: SeriesPayload;
	/** The last point with an actual value: what "now" means for this indicator. */
	latest: SeriesPoint | null;
}

/** The latest point that has an actual. */
export function latestActual(points: readonly SeriesPoint[]): SeriesPoint | null {
	for (let i = points.length - 1; i >= 0; i--) if (points[i]!.actual !== null) return points[i]!;
	return null;
}

/** Indicators measuring any of the given result nodes, not retired. */
export function indicatorsOf(db: Db, resultIds: number[]): IndicatorRow[] {
	const wanted = new Set(resultIds);
	return db
		.select()
		.from(indicators)
		.where(eq(indicators.retired, false))
		.all()
		.filter((i) => wanted.has(i.resultId))
		.sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }));
}

export function indicatorViews(
	db: Db,
	rows: IndicatorRow[],
	framework: FrameworkTree,
	tree: AreaTree,
	query: ResolvedQuery
): IndicatorView[] {
	const margin = statusMargin(db);
	return rows.map((row) => {
		const series = indicatorSeries(db, row, tree, query, margin);
		return {
			code: row.code,
			title: row.title,
			category: row.category,
			direction: row.direction,
			measure: row.measure,
			unit: row.unit,
			resultCode: framework.get(row.resultId)?.code ?? '',
			baselineValue: row.baselineValue,
			baselinePeriod: row.baselinePeriod,
			series,
			latest: latestActual(series.points)
		};
	});
}
