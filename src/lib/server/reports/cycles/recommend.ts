import { eq } from 'drizzle-orm';
import { DB_NOW } from '../../clock';
import { numberText } from '../../../format/numbers';
import { m } from '../../../paraglide/messages.js';
import { isValidDate } from '../../../domain/period';
import {
	isRecommendationStatus,
	RECOMMENDATION_STATUSES,
	type RecommendationStatus
} from '../../../domain/recommendations';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db';
import { recommendations } from '../../db/schema';
import { authorize } from '../../permissions';
import { draftCycle } from './find';
import { refusal, type CycleOutcome } from './outcome';
import { nodesToRate } from './scope';

const LONGEST_TEXT = 2000;
const LONGEST_OWNER = 120;

/** The recommendation form as sent. `result` is an objective's or outcome's code, or blank. */
export interface RecommendationInput {
	text: string;
	owner: string;
	deadline: string;
	status: string;
	result: string;
}

function statusProblem(status: string): string | null {
	return isRecommendationStatus(status)
		? null
		: m.rep_rec_bad_status({ status, statuses: RECOMMENDATION_STATUSES.join(', ') });
}

/** Adds a recommendation to a draft cycle, optionally about one of its objectives or outcomes. */
export function addRecommendation(
	db: Db,
	actor: Actor,
	cycleCode: string,
	input: RecommendationInput
): CycleOutcome<{ id: number }> {
	authorize(actor, 'assess');
	const draft = draftCycle(db, cycleCode);
	if (!draft.ok) return draft;
	const errors: Record<string, string> = {};
	const text = input.text.trim();
	if (text === '') errors.text = m.rep_rec_write_it();
	else if (text.length > LONGEST_TEXT)
		errors.text = m.rep_rec_text_too_long({
			length: numberText(text.length),
			max: numberText(LONGEST_TEXT)
		});
	const owner = input.owner.trim();
	if (owner === '') errors.owner = m.rep_rec_name_owner();
	else if (owner.length > LONGEST_OWNER)
		errors.owner = m.rep_rec_owner_too_long({
			length: numberText(owner.length),
			max: numberText(LONGEST_OWNER)
		});
	const deadline = input.deadline.trim();
	if (!isValidDate(deadline)) {
		errors.deadline =
			deadline === '' ? m.rep_rec_give_deadline() : m.rep_rec_bad_deadline({ deadline });
	}
	const status = input.status.trim() || 'open';
	const badStatus = statusProblem(status);
	if (badStatus) errors.status = badStatus;
	const resultCode = input.result.trim();
	const node = resultCode ? nodesToRate(db, actor).find((n) => n.code === resultCode) : null;
	if (resultCode && !node) {
		errors.result = m.rep_rec_bad_result({ code: resultCode });
	}
	if (Object.keys(errors).length > 0) return refusal('invalid', errors);

	const row = db.transaction((tx) => {
		const added = tx
			.insert(recommendations)
			.values({
				cycleId: draft.cycle.id,
				resultId: node?.id ?? null,
				text,
				owner,
				deadline,
				status: status as RecommendationStatus,
				createdBy: actor.username,
				updatedBy: actor.username
			})
			.returning({ id: recommendations.id })
			.get();
		recordAudit(tx, actor, 'recommendation.create', added.id, {
			cycle: draft.cycle.code,
			after: { text, owner, deadline, status, result: node?.code ?? null }
		});
		return added;
	});
	return { ok: true, id: row.id };
}

/**
 * Sets a recommendation's status. Allowed after its cycle is issued: the follow-up of a
 * recommendation goes on in later cycles, while its words, owner and deadline stay as issued.
 */
export function setRecommendationStatus(
	db: Db,
	actor: Actor,
	id: number,
	status: string
): CycleOutcome {
	authorize(actor, 'assess');
	const badStatus = statusProblem(status);
	if (badStatus) return refusal('invalid', { status: badStatus });
	const changed = db.transaction((tx) => {
		const before = tx
			.select({ status: recommendations.status })
			.from(recommendations)
			.where(eq(recommendations.id, id))
			.get();
		if (!before) return false;
		tx.update(recommendations)
			.set({
				status: status as RecommendationStatus,
				updatedBy: actor.username,
				updatedAt: DB_NOW
			})
			.where(eq(recommendations.id, id))
			.run();
		recordAudit(tx, actor, 'recommendation.status', id, { before, after: { status } });
		return true;
	});
	if (!changed) return refusal('not_found', { form: m.rep_rec_unknown({ id: String(id) }) });
	return { ok: true };
}
