import { and, eq } from 'drizzle-orm';
import { DB_NOW } from '../../clock';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db';
import { assessmentCycles, assessmentRatings } from '../../db/schema';
import { authorize } from '../../permissions';
import { draftCycle } from './find';
import { freezeCycle } from './freeze';
import type { CycleOutcome } from './outcome';
import { nodesToRate } from './scope';

/**
 * Issues a draft cycle: from then on it is read-only and shows the figures frozen for it,
 * whatever is imported later. The figures are those its ratings were made on (frozen at
 * creation, or again by `refreezeCycle`), so issuing does not freeze anew. The objectives and
 * outcomes left unrated are recorded as such, so the issued cycle keeps its list of nodes
 * when the framework changes later.
 */
export function issueCycle(db: Db, actor: Actor, code: string): CycleOutcome {
	authorize(actor, 'report');
	const draft = draftCycle(db, code);
	if (!draft.ok) return draft;
	const { cycle } = draft;
	const rated = new Set(
		db
			.select({ resultId: assessmentRatings.resultId })
			.from(assessmentRatings)
			.where(eq(assessmentRatings.cycleId, cycle.id))
			.all()
			.map((r) => r.resultId)
	);
	const unrated = nodesToRate(db, actor).filter((n) => !rated.has(n.id));
	const issued = db.transaction((tx) => {
		const changed = tx
			.update(assessmentCycles)
			.set({ status: 'issued', issuedBy: actor.username, issuedAt: DB_NOW })
			// a second request issuing meanwhile finds nothing to change
			.where(and(eq(assessmentCycles.id, cycle.id), eq(assessmentCycles.status, 'draft')))
			.run().changes;
		if (changed === 0) return false;
		for (const n of unrated) {
			tx.insert(assessmentRatings)
				.values({ cycleId: cycle.id, resultId: n.id, updatedBy: actor.username })
				.run();
		}
		recordAudit(tx, actor, 'cycle.issue', cycle.code, {
			unrated: unrated.map((n) => n.code),
			before: { status: 'draft' },
			after: { status: 'issued' }
		});
		return true;
	});
	if (!issued) return draftCycle(db, code) as CycleOutcome;
	return { ok: true };
}

/**
 * Freezes a draft cycle's series again with today's data: when late figures arrive while the
 * cycle is being rated. Issued cycles keep theirs.
 */
export function refreezeCycle(
	db: Db,
	actor: Actor,
	code: string
): CycleOutcome<{ frozen: number }> {
	authorize(actor, 'report');
	const draft = draftCycle(db, code);
	if (!draft.ok) return draft;
	return db.transaction((tx) => {
		const frozen = freezeCycle(db, actor, draft.cycle);
		recordAudit(tx, actor, 'cycle.freeze', draft.cycle.code, { frozenSeries: frozen });
		return { ok: true as const, frozen };
	});
}
