/**
 * The resources of a budget year (resource_lines) and the variance threshold the SPU sets (a
 * product setting, right `report`). The variance rule itself is domain/resources.ts.
 */
import { eq } from 'drizzle-orm';
import {
	DEFAULT_VARIANCE_THRESHOLD,
	thresholdProblem,
	type ResourceLine
} from '../../../domain/resources';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db';
import { resourceLines, results, settings } from '../../db/schema';
import { authorize } from '../../permissions';

/** The key of the threshold in `settings`; its value is a JSON number, in percent. */
export const VARIANCE_THRESHOLD_KEY = 'rbb_variance_threshold';

/** A stored line, with its id (the explanation form names it). */
export interface StoredResourceLine extends ResourceLine {
	id: number;
}

export function storedResourceLines(db: Db, budgetYear: string): StoredResourceLine[] {
	return db
		.select({ line: resourceLines, code: results.code })
		.from(resourceLines)
		.leftJoin(results, eq(results.id, resourceLines.resultId))
		.where(eq(resourceLines.budgetYear, budgetYear))
		.all()
		.map(({ line, code }) => ({
			id: line.id,
			budgetYear: line.budgetYear,
			component: line.component,
			objective: code,
			category: line.category,
			apportionment: line.apportionment,
			expenditure: line.expenditure,
			explanation: line.explanation
		}));
}

/** The threshold above which a variance needs an explanation, in percent (default 5). */
export function varianceThreshold(db: Pick<Db, 'select'>): number {
	const stored = db.select().from(settings).where(eq(settings.key, VARIANCE_THRESHOLD_KEY)).get();
	if (!stored) return DEFAULT_VARIANCE_THRESHOLD;
	const value = Number(JSON.parse(stored.value));
	// a hand-edited value that is no threshold: the default serves rather than failing the report
	return thresholdProblem(value) === null ? value : DEFAULT_VARIANCE_THRESHOLD;
}

export type ThresholdChange =
	{ ok: true; before: number; after: number } | { ok: false; message: string };

/** Sets the threshold (the SPU's: right `report`), audited with what it was. */
export function setVarianceThreshold(db: Db, actor: Actor, percent: number): ThresholdChange {
	authorize(actor, 'report');
	const problem = thresholdProblem(percent);
	if (problem) return { ok: false, message: problem };
	return db.transaction((tx) => {
		const before = varianceThreshold(tx);
		const value = JSON.stringify(percent);
		tx.insert(settings)
			.values({ key: VARIANCE_THRESHOLD_KEY, value })
			.onConflictDoUpdate({ target: settings.key, set: { value } })
			.run();
		recordAudit(tx, actor, 'settings.change', VARIANCE_THRESHOLD_KEY, {
			before,
			after: percent
		});
		return { ok: true as const, before, after: percent };
	});
}
