import type { BreakdownCategory, BreakdownPoint } from '../../domain/small-cells';
import { surveyIntervals, type SeriesPoint, type SurveyInterval } from '../../domain/series';
import type { Actor } from '../actor';
import { cachedView } from '../cache/view-cache';
import type { Db } from '../db';
import { categorySeries, undeclaredDimension } from '../series/breakdown';
import { IndicatorFigures } from '../series/figure-groups';
import {
	indicatorSeries,
	openIndicatorRequest,
	queryKey,
	seriesIndicator,
	seriesRequest,
	type Resolution,
	type SeriesQuery
} from '../series/load-series';
import { smallCellThreshold } from '../settings/small-cells';
import { statusMargin } from '../settings/status-margin';

export interface IndicatorDetail {
	/**
	 * The chosen dimension's categories, each with its series; null when none is chosen. Small
	 * cells of a restricted indicator are hidden, for every reader: pages never show raw ones.
	 */
	breakdown: {
		dimension: string;
		categories: BreakdownCategory<BreakdownPoint>[];
	} | null;
	/** Below how many people a hidden cell is: what the page's `< 5` says. */
	threshold: number;
	/** The areas one level below the one shown, each with its series (small multiples). */
	multiples: { code: string; name: string; points: SeriesPoint[] }[];
	/** For percentages: each point's 95 % interval and sample size, where known. */
	intervals: (SurveyInterval | null)[];
}

/**
 * What the indicator page shows beside the main chart, by the same rules as the series: the
 * disaggregation by one dimension and the areas below the one shown. The figures are loaded
 * once for all of them. Kept per data version and visibility (cache/view-cache.ts).
 */
export function loadIndicatorDetail(
	db: Db,
	actor: Actor,
	code: string,
	query: SeriesQuery,
	dimension: string | null
): Resolution<{ detail: IndicatorDetail }> {
	return cachedView(db, actor, 'indicator-detail', [code, ...queryKey(query), dimension], () =>
		computeIndicatorDetail(db, actor, code, query, dimension)
	);
}

function computeIndicatorDetail(
	db: Db,
	actor: Actor,
	code: string,
	query: SeriesQuery,
	dimension: string | null
): Resolution<{ detail: IndicatorDetail }> {
	const opened = openIndicatorRequest(db, actor, code, query);
	if (!opened.ok) return opened;
	const { tree, indicator, query: request } = opened;
	const undeclared = dimension === null ? null : undeclaredDimension(indicator, dimension);
	if (undeclared) return { ok: false, problem: 'bad_request', message: undeclared };
	const margin = statusMargin(db);
	const figures = new IndicatorFigures(db, indicator, tree, request.areaId);
	const threshold = smallCellThreshold(db);
	const breakdown =
		dimension === null
			? null
			: categorySeries(indicator, tree, request, margin, figures, dimension, {
					threshold,
					raw: false
				});
	const multiples = tree.childrenOf(request.areaId).map((area) => ({
		code: area.code,
		name: area.name,
		points: indicatorSeries(db, indicator, tree, { ...request, areaId: area.id }, margin, figures)
			.points
	}));
	const intervals =
		indicator.measure === 'percent'
			? surveyIntervals(
					seriesIndicator(indicator),
					figures.groups(request),
					tree,
					seriesRequest(indicator, request, margin)
				)
			: [];
	return { ok: true, detail: { breakdown, threshold, multiples, intervals } };
}
