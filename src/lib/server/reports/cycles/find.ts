import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentCycles } from '../../db/schema';
import { dayText } from '../../../format/report-dates';
import { m } from '../../../paraglide/messages.js';
import { refusal, type CycleOutcome } from './outcome';

export type CycleRow = typeof assessmentCycles.$inferSelect;

export function findCycle(db: Db, code: string): CycleRow | undefined {
	return db.select().from(assessmentCycles).where(eq(assessmentCycles.code, code)).get();
}

export function ratingScaleOf(cycle: CycleRow): string[] {
	return JSON.parse(cycle.ratingScale) as string[];
}

export function unknownCycle(code: string) {
	return refusal('not_found', { form: m.rep_cycle_unknown({ code }) });
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
			form: m.rep_cycle_read_only({
				code: cycle.code,
				date: cycle.issuedAt ? dayText(cycle.issuedAt) : '',
				user: cycle.issuedBy ?? ''
			})
		});
	}
	return { ok: true, cycle };
}
