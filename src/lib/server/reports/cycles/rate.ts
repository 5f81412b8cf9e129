import { and, eq } from 'drizzle-orm';
import { DB_NOW } from '../../clock';
import { numberText } from '../../../format/numbers';
import { m } from '../../../paraglide/messages.js';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db';
import { assessmentRatings } from '../../db/schema';
import { authorize } from '../../permissions';
import { draftCycle, ratingScaleOf } from './find';
import { refusal, type CycleOutcome } from './outcome';
import { nodesToRate } from './scope';

/** A narrative is a few paragraphs, not a report. */
export const LONGEST_NARRATIVE = 5000;

/** The rating form as sent: the node rated, the rating (blank: not rated) and the narrative. */
export interface RatingInput {
	result: string;
	rating: string;
	narrative: string;
}

/** Sets the rating and narrative of an objective or outcome in a draft cycle. */
export function rateResult(
	db: Db,
	actor: Actor,
	cycleCode: string,
	input: RatingInput
): CycleOutcome {
	authorize(actor, 'assess');
	const draft = draftCycle(db, cycleCode);
	if (!draft.ok) return draft;
	const { cycle } = draft;
	const node = nodesToRate(db, actor).find((n) => n.code === input.result);
	if (!node) {
		return refusal('invalid', {
			form: m.rep_rate_not_rated_node({ code: input.result })
		});
	}
	const errors: Record<string, string> = {};
	const scale = ratingScaleOf(cycle);
	const rating = input.rating.trim();
	if (rating !== '' && !scale.includes(rating)) {
		errors.rating = m.rep_rate_not_on_scale({ rating, scale: scale.join(', ') });
	}
	const narrative = input.narrative.trim();
	if (narrative.length > LONGEST_NARRATIVE) {
		errors.narrative = m.rep_rate_narrative_too_long({
			length: numberText(narrative.length),
			max: numberText(LONGEST_NARRATIVE)
		});
	}
	if (Object.keys(errors).length > 0) return refusal('invalid', errors);

	const values = {
		rating: rating || null,
		narrative: narrative || null,
		updatedBy: actor.username,
		updatedAt: DB_NOW
	};
	db.transaction((tx) => {
		const existing = tx
			.select({
				id: assessmentRatings.id,
				rating: assessmentRatings.rating,
				narrative: assessmentRatings.narrative
			})
			.from(assessmentRatings)
			.where(and(eq(assessmentRatings.cycleId, cycle.id), eq(assessmentRatings.resultId, node.id)))
			.get();
		if (existing) {
			tx.update(assessmentRatings).set(values).where(eq(assessmentRatings.id, existing.id)).run();
		} else {
			tx.insert(assessmentRatings)
				.values({ cycleId: cycle.id, resultId: node.id, ...values })
				.run();
		}
		recordAudit(tx, actor, 'cycle.rate', cycle.code, {
			result: node.code,
			before: existing ? { rating: existing.rating, narrative: existing.narrative } : null,
			after: { rating: values.rating, narrative: values.narrative }
		});
	});
	return { ok: true };
}
