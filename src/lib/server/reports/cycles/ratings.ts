import { eq } from 'drizzle-orm';
import type { ResultLevel } from '../../../domain/vocabulary';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { assessmentRatings } from '../../db/schema';
import type { FallbackLang } from '../../../domain/localized-text';
import { loadReaderFramework } from '../../framework/tree';
import type { CycleRow } from './find';
import { nodesToRate } from './scope';

export interface NodeRating {
	code: string;
	/** in the reader's language where given (domain/localized-text.ts) */
	title: string;
	titleLang?: FallbackLang;
	level: ResultLevel;
	/** the objective it belongs to (itself for an objective) */
	objective: string;
	rating: string | null;
	narrative: string | null;
	updatedBy: string | null;
	updatedAt: string | null;
}

/**
 * The objectives and outcomes of a cycle with their ratings, in reading order. A draft lists
 * those in force (and any rated since retired); an issued cycle lists those it was issued with.
 */
export function cycleRatings(db: Db, actor: Actor, cycle: CycleRow): NodeRating[] {
	const framework = loadReaderFramework(db, actor);
	const rows = new Map(
		db
			.select()
			.from(assessmentRatings)
			.where(eq(assessmentRatings.cycleId, cycle.id))
			.all()
			.map((r) => [r.resultId, r])
	);
	const listed = new Set(rows.keys());
	if (cycle.status === 'draft') for (const n of nodesToRate(db, actor)) listed.add(n.id);
	return framework
		.outline()
		.filter(({ node }) => listed.has(node.id))
		.map(({ node }) => {
			const row = rows.get(node.id);
			return {
				code: node.code,
				title: node.title,
				...(node.titleLang ? { titleLang: node.titleLang } : {}),
				level: node.level,
				objective: framework.objectiveOf(node.id)?.code ?? node.code,
				rating: row?.rating ?? null,
				narrative: row?.narrative ?? null,
				updatedBy: row?.updatedBy ?? null,
				updatedAt: row?.updatedAt ?? null
			};
		});
}
