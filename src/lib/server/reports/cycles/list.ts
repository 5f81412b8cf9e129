import { desc, sql } from 'drizzle-orm';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { assessmentCycles } from '../../db/schema';
import { authorize } from '../../permissions';

export interface CycleSummary {
	code: string;
	periodStart: string;
	periodEnd: string;
	status: 'draft' | 'issued';
	createdBy: string;
	createdAt: string;
	issuedAt: string | null;
	rated: number;
	recommendations: number;
}

/** Every cycle, latest period first, with how far its assessment went. */
// the counts name the tables: drizzle leaves columns unqualified inside a subquery
export function listCycles(db: Db, actor: Actor): CycleSummary[] {
	authorize(actor, 'read');
	return db
		.select({
			code: assessmentCycles.code,
			periodStart: assessmentCycles.periodStart,
			periodEnd: assessmentCycles.periodEnd,
			status: assessmentCycles.status,
			createdBy: assessmentCycles.createdBy,
			createdAt: assessmentCycles.createdAt,
			issuedAt: assessmentCycles.issuedAt,
			rated: sql<number>`(SELECT count(*) FROM assessment_ratings r WHERE r.cycle_id = assessment_cycles.id AND r.rating IS NOT NULL)`,
			recommendations: sql<number>`(SELECT count(*) FROM action_points a WHERE a.cycle_id = assessment_cycles.id)`
		})
		.from(assessmentCycles)
		.orderBy(desc(assessmentCycles.periodEnd), desc(assessmentCycles.periodStart))
		.all();
}
