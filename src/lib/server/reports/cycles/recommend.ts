/**
 * A cycle's recommendations are action points of origin `assessment_cycle` (docs/actions.md):
 * the cycle page makes them with its own form while the cycle is a draft, and the tracker
 * follows them up from then on.
 */
import { createActionPoint } from '../../action-points/create';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { authorize } from '../../permissions';
import { draftCycle } from './find';
import { refusal, type CycleOutcome } from './outcome';

/** The cycle page's recommendation form as sent. `result` is a node's code, or blank. */
export interface RecommendationInput {
	text: string;
	owner: string;
	deadline: string;
	status: string;
	result: string;
}

/** The action point's fields named as the cycle page's form names them. */
const FORM_FIELD: Record<string, string> = {
	decision: 'text',
	results: 'result',
	dropReason: 'status'
};

/** Records a recommendation of a draft cycle as an action point of that cycle. */
export function addRecommendation(
	db: Db,
	actor: Actor,
	cycleCode: string,
	input: RecommendationInput
): CycleOutcome<{ id: number; reference: string }> {
	authorize(actor, 'track');
	const draft = draftCycle(db, cycleCode);
	if (!draft.ok) return draft;
	const made = createActionPoint(db, actor, {
		origin: 'assessment_cycle',
		cycle: draft.cycle.code,
		originReference: draft.cycle.code,
		decision: input.text,
		owner: input.owner,
		area: '',
		deadline: input.deadline,
		status: input.status,
		dropReason: '',
		results: input.result.trim() ? [input.result] : [],
		indicators: []
	});
	if (made.ok) return made;
	return refusal(
		'invalid',
		Object.fromEntries(Object.entries(made.errors).map(([k, v]) => [FORM_FIELD[k] ?? k, v]))
	);
}
