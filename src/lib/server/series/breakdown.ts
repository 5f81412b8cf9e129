import type { AreaTree } from '../../domain/area-tree';
import { categoriesOf } from '../../domain/figure-groups';
import type { Granularity } from '../../domain/period';
import { seriesCellsOfGroups } from '../../domain/series';
import {
	amountNumbers,
	rawBreakdown,
	rawFiguresFor,
	suppressBreakdown,
	suppressesSmallCells,
	type BreakdownCategory,
	type BreakdownCellInput,
	type BreakdownPoint
} from '../../domain/small-cells';
import type { Actor } from '../actor';
import type { Db } from '../db';
import type { indicators } from '../db/schema';
import { smallCellThreshold } from '../settings/small-cells';
import { statusMargin } from '../settings/status-margin';
import { IndicatorFigures } from './figure-groups';
import {
	openIndicatorRequest,
	seriesIndicator,
	seriesRequest,
	type ResolvedQuery,
	type Resolution,
	type SeriesQuery
} from './load-series';
import { m } from '../../paraglide/messages.js';

/** An indicator's figures by the categories of one dimension, small cells hidden or not. */
export interface Breakdown {
	indicator: string;
	area: string | null;
	by: Granularity;
	dimension: string;
	/** the threshold the cells were judged by */
	threshold: number;
	/** true when small cells were left in: a cleared actor asked for raw figures */
	raw: boolean;
	categories: BreakdownCategory<BreakdownPoint>[];
}

/** How a breakdown treats small cells: the threshold, and whether raw figures were granted. */
export interface SmallCellPolicy {
	threshold: number;
	raw: boolean;
}

/**
 * One series per category of a dimension, by the same rules as the indicator's series. The
 * small cells of a restricted indicator are hidden here, on the server, unless the policy is
 * raw: what a page receives never holds the number it must not show.
 */
export function categorySeries(
	indicator: typeof indicators.$inferSelect,
	tree: AreaTree,
	query: ResolvedQuery,
	margin: number,
	figures: IndicatorFigures,
	dimension: string,
	policy: SmallCellPolicy
): { dimension: string; categories: BreakdownCategory<BreakdownPoint>[] } {
	const cells = categoriesOf(figures.dimensionSets().values(), dimension).map((category) => {
		const q = { ...query, breakdown: { dimension, category } };
		const points = seriesCellsOfGroups(
			seriesIndicator(indicator),
			figures.groups(q),
			tree,
			seriesRequest(indicator, q, margin)
		).map(({ point, actual }): BreakdownCellInput => ({
			period: point.period,
			start: point.start,
			end: point.end,
			actual: point.actual,
			numbers: amountNumbers(actual, point.actual)
		}));
		return { category, points };
	});
	const hide = suppressesSmallCells(indicator.sensitivity) && !policy.raw;
	return {
		dimension,
		categories: hide
			? suppressBreakdown(indicator.measure, cells, policy.threshold)
			: rawBreakdown(cells)
	};
}

/** Why an indicator cannot be broken down by `dimension`, or null when it declares it. */
export function undeclaredDimension(
	indicator: { code: string; dimensions: string },
	dimension: string
): string | null {
	const declared = indicator.dimensions ? indicator.dimensions.split(';') : [];
	if (declared.includes(dimension)) return null;
	return declared.length
		? m.dash_no_dimension_listed({
				code: indicator.code,
				dimension,
				dimensions: declared.join(', ')
			})
		: m.dash_no_dimension({ code: indicator.code, dimension });
}

/**
 * The breakdown of one indicator by one of its dimensions, for the page's CSV download. `raw`
 * is granted to a cleared actor only; anyone else asking gets the suppressed figures (they
 * cannot see a restricted indicator anyway, and a shared link should still download).
 */
export function loadBreakdown(
	db: Db,
	actor: Actor,
	code: string,
	query: SeriesQuery,
	dimension: string,
	options: { raw?: boolean } = {}
): Resolution<{ breakdown: Breakdown }> {
	const opened = openIndicatorRequest(db, actor, code, query);
	if (!opened.ok) return opened;
	const { tree, indicator, query: request } = opened;
	const undeclared = undeclaredDimension(indicator, dimension);
	if (undeclared) return { ok: false, problem: 'bad_request', message: undeclared };
	const margin = statusMargin(db);
	const policy = {
		threshold: smallCellThreshold(db),
		raw: rawFiguresFor(actor, options.raw ?? false)
	};
	const figures = new IndicatorFigures(db, indicator, tree, request.areaId);
	const { categories } = categorySeries(
		indicator,
		tree,
		request,
		margin,
		figures,
		dimension,
		policy
	);
	const area = request.areaId === null ? null : (tree.get(request.areaId)?.code ?? null);
	return {
		ok: true,
		breakdown: {
			indicator: indicator.code,
			area,
			by: seriesRequest(indicator, request, margin).by,
			dimension,
			threshold: policy.threshold,
			raw: policy.raw && suppressesSmallCells(indicator.sensitivity),
			categories
		}
	};
}
