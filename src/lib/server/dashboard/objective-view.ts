import type { ResultBranch, ResultNode } from '../../domain/framework-tree';
import { CATEGORIES, type Category } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import { loadAreaTree } from '../areas/tree';
import { listCaveats, type Caveat } from '../caveats/caveats';
import { cachedView } from '../cache/view-cache';
import type { Db } from '../db';
import { loadReaderFramework } from '../framework/tree';
import { authorize } from '../permissions';
import { queryKey, resolveQuery, type Resolution, type SeriesQuery } from '../series/load-series';
import { statusMargin } from '../settings/status-margin';
import { indicatorViews, indicatorsOf, type IndicatorView } from './indicator-views';
import { m } from '../../paraglide/messages.js';

export interface ObjectiveView {
	objective: ResultNode;
	/** The results chain under the objective: impacts → outcomes → outputs. */
	chain: ResultBranch;
	/** Situation, perception and capacity indicators, each charted over time. */
	panels: Record<Category, IndicatorView[]>;
	/** The tolerance around targets the statuses were computed with. */
	margin: number;
	/** The dimensions of the objective's indicators, for the breakdown filter. */
	dimensions: string[];
	/** Each indicator's caveats for the area shown, drawn on its chart and listed under it. */
	caveats: Record<string, Caveat[]>;
}

/**
 * Everything the objective page shows, computed by the same rules as the API (kept per data
 * version and visibility: cache/view-cache.ts).
 */
export function loadObjectiveView(
	db: Db,
	actor: Actor,
	code: string,
	query: SeriesQuery = {},
	dimension: string | null = null
): Resolution<{ view: ObjectiveView }> {
	return cachedView(db, actor, 'objective', [code, ...queryKey(query), dimension], () =>
		computeObjectiveView(db, actor, code, query, dimension)
	);
}

function computeObjectiveView(
	db: Db,
	actor: Actor,
	code: string,
	query: SeriesQuery,
	dimension: string | null
): Resolution<{ view: ObjectiveView }> {
	authorize(actor, 'read');
	// leadership sees the framework in force; retired nodes stay in the editor and the exports
	const framework = loadReaderFramework(db, actor).withoutRetired();
	const objective = framework.objectives().find((o) => o.code === code);
	if (!objective)
		return { ok: false, problem: 'not_found', message: m.dash_unknown_objective({ code }) };
	const tree = loadAreaTree(db);
	const resolved = resolveQuery(tree, query);
	if (!resolved.ok) return resolved;
	const rows = indicatorsOf(db, actor, framework.descendantIds(objective.id));
	const dimensions = [
		...new Set(rows.flatMap((r) => (r.dimensions ? r.dimensions.split(';') : [])))
	];
	if (dimension !== null && !dimensions.includes(dimension)) {
		return {
			ok: false,
			problem: 'bad_request',
			message: dimensions.length
				? m.dash_objective_no_dimension({ code, dimension, dimensions: dimensions.join(', ') })
				: m.dash_objective_no_dimensions({ code, dimension })
		};
	}
	const views = indicatorViews(db, rows, framework, tree, resolved.query, dimension);
	const panels = Object.fromEntries(
		CATEGORIES.map((c) => [c, views.filter((v) => v.category === c)])
	) as Record<Category, IndicatorView[]>;
	return {
		ok: true,
		view: {
			objective,
			chain: framework.branch(objective.id)!,
			panels,
			margin: statusMargin(db),
			dimensions,
			caveats: Object.fromEntries(
				views.map((v) => [v.code, listCaveats(db, actor, v.code, query.area?.trim() || null)])
			)
		}
	};
}
