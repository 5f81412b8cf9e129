import type { ResultNode } from '../../domain/framework-tree';
import { CATEGORIES, STATUSES, type Category, type Status } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import { loadAreaTree } from '../areas/tree';
import { cachedView } from '../cache/view-cache';
import type { Db } from '../db';
import { loadReaderFramework } from '../framework/tree';
import { authorize } from '../permissions';
import { indicatorViews, indicatorsOf, type IndicatorView } from './indicator-views';

export interface ObjectiveSummary {
	objective: ResultNode;
	indicators: IndicatorView[];
	/** How many indicators are in each status at their latest point, per category. */
	statusCounts: Record<Category, Record<Status, number>>;
}

/**
 * Each priority objective with its indicators' latest status, for the overview page (kept per
 * data version and visibility: cache/view-cache.ts).
 */
export function loadOverview(db: Db, actor: Actor): ObjectiveSummary[] {
	return cachedView(db, actor, 'overview', [], () => computeOverview(db, actor));
}

function computeOverview(db: Db, actor: Actor): ObjectiveSummary[] {
	authorize(actor, 'read');
	// leadership sees the framework in force; retired nodes stay in the editor and the exports
	const framework = loadReaderFramework(db, actor).withoutRetired();
	const tree = loadAreaTree(db);
	return framework.objectives().map((objective) => {
		const views = indicatorViews(
			db,
			indicatorsOf(db, actor, framework.descendantIds(objective.id)),
			framework,
			tree,
			{ areaId: null, verifiedOnly: false }
		);
		const statusCounts = Object.fromEntries(
			CATEGORIES.map((c) => [c, Object.fromEntries(STATUSES.map((s) => [s, 0]))])
		) as Record<Category, Record<Status, number>>;
		for (const v of views) statusCounts[v.category][v.latest?.status ?? 'no_data']++;
		return { objective, indicators: views, statusCounts };
	});
}
