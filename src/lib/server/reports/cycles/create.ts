import { parsePeriod } from '../../../domain/period';
import { parseRatingScale } from '../../../domain/rating-scale';
import { m } from '../../../paraglide/messages.js';
import { currentLocale } from '../../i18n/request-locale';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db';
import { assessmentCycles } from '../../db/schema';
import { authorize } from '../../permissions';
import { findCycle } from './find';
import { freezeCycle } from './freeze';
import { refusal, type CycleOutcome } from './outcome';

/** The creation form as sent: the period assessed and the rating scale, comma-separated. */
export interface NewCycle {
	code: string;
	ratingScale: string;
}

/**
 * Creates a draft cycle for a period (its code, as the period syntax labels it: `2025h1` is
 * 2025-H1) and freezes every series in scope, in one transaction. A period some cycle
 * already assesses, however written, is refused.
 */
export function createCycle(
	db: Db,
	actor: Actor,
	input: NewCycle
): CycleOutcome<{ code: string; frozen: number }> {
	authorize(actor, 'report');
	const errors: Record<string, string> = {};
	const written = input.code.trim();
	const parsed = parsePeriod(written);
	if (!parsed.ok) errors.code = parsed.message;
	const scale = parseRatingScale(input.ratingScale, currentLocale());
	if (!scale.ok) errors.rating_scale = scale.message;
	if (!parsed.ok || !scale.ok) return refusal('invalid', errors);

	const { label: code, start, end } = parsed.period;
	const same =
		findCycle(db, code) ??
		db
			.select()
			.from(assessmentCycles)
			.all()
			.find((c) => c.periodStart === start && c.periodEnd === end);
	if (same) {
		return refusal('invalid', {
			code: m.rep_cycle_exists({ written, code: same.code })
		});
	}
	return db.transaction(() => {
		const cycle = db
			.insert(assessmentCycles)
			.values({
				code,
				periodStart: start,
				periodEnd: end,
				ratingScale: JSON.stringify(scale.scale),
				createdBy: actor.username
			})
			.returning()
			.get();
		const frozen = freezeCycle(db, actor, cycle);
		recordAudit(db, actor, 'cycle.create', code, {
			periodStart: start,
			periodEnd: end,
			ratingScale: scale.scale,
			frozenSeries: frozen
		});
		return { ok: true as const, code, frozen };
	});
}
