import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentCycles } from '../../db/schema';
import { refusal, type CycleOutcome } from './outcome';

export type CycleRow = typeof assessmentCycles.$inferSelect;

export function findCycle(db: Db, code: string): CycleRow | undefined {
	return db.select().from(assessmentCycles).where(eq(assessmentCycles.code, code)).get();
}

export function ratingScaleOf(cycle: CycleRow): string[] {
	return JSON.parse(cycle.ratingScale) as string[];
}

export function unknownCycle(code: string) {
	return refusal('not_found', { form: `There is no assessment cycle "${code}".` });
}

/**
 * The cycle, if it may still change: an issued cycle is read-only, so every write of ratings,
 * narratives and recommendations asks here first (recommendation status excepted: follow-up
 * goes on after issue).
 */
export function draftCycle(db: Db, code: string): CycleOutcome<{ cycle: CycleRow }> {
	const cycle = findCycle(db, code);
	if (!cycle) return unknownCycle(code);
	if (cycle.status === 'issued') {
		return refusal('read_only', {
			form: `Cycle ${cycle.code} was issued on ${cycle.issuedAt?.slice(0, 10)} by ${cycle.issuedBy} and is read-only: its ratings, narratives, recommendations and figures can no longer change. Recommendation status is still followed up in the recommendations tracker.`
		});
	}
	return { ok: true, cycle };
}
