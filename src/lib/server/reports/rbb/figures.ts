/**
 * Each indicator's figures for the budget year, only ever from the series capability by `fy`
 * (formats.md §1.5): today's for a draft, the frozen ones for an issued report.
 */
import type { BudgetYear } from '../../../domain/budget-year';
import { budgetYearPoint, type RbbFigures } from '../../../domain/rbb-report';
import type { Actor } from '../../actor';
import { loadAreaTree } from '../../areas/tree';
import type { Db } from '../../db';
import type { indicators } from '../../db/schema';
import { authorize } from '../../permissions';
import { indicatorSeries, resolveQuery, type SeriesQuery } from '../../series/load-series';
import { statusMargin } from '../../settings/status-margin';
import { frozenSeriesOf } from '../frozen-series';

/** The series query of a report: the whole mission, by budget year, over that year only. */
export function rbbSeriesQuery(year: BudgetYear): SeriesQuery {
	return { by: 'fy', from: year.label, to: year.label };
}

/** The owner of a report's frozen series (frozen-series.ts). */
export function rbbOwner(reportId: number) {
	return { kind: 'rbb' as const, id: reportId };
}

/** Today's budget-year point of each indicator, computed as the series API computes it. */
export function currentFigures(
	db: Db,
	actor: Actor,
	rows: readonly (typeof indicators.$inferSelect)[],
	year: BudgetYear
): Map<string, RbbFigures> {
	authorize(actor, 'read');
	const tree = loadAreaTree(db);
	const resolved = resolveQuery(tree, rbbSeriesQuery(year));
	// the query is built from a budget year already parsed: it cannot be refused
	if (!resolved.ok) throw new Error(resolved.message);
	const margin = statusMargin(db);
	const out = new Map<string, RbbFigures>();
	for (const row of rows) {
		const series = indicatorSeries(db, row, tree, resolved.query, margin);
		out.set(row.code, { point: budgetYearPoint(series.points, year), differences: [] });
	}
	return out;
}

/** The figures an issued report was issued with, and where today's differ from them. */
export function issuedFigures(
	db: Db,
	actor: Actor,
	reportId: number,
	year: BudgetYear
): Map<string, RbbFigures> {
	const out = new Map<string, RbbFigures>();
	for (const c of frozenSeriesOf(db, actor, rbbOwner(reportId))) {
		out.set(c.indicator, {
			point: budgetYearPoint(c.frozen.points, year),
			differences: c.differences
		});
	}
	return out;
}
