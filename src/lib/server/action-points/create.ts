import type { Actor } from '../actor';
import type { Db } from '../db';
import { authorize } from '../permissions';
import { refusal, type ActionOutcome } from './outcome';
import { resolveActionPoint, type ActionPointInput } from './resolve';
import { insertActionPoint } from './store';

/**
 * Records a decision as an action point (the `track` right). Creating one already done or
 * dropped is closing it too, so that also needs `close` (every role with `track` has it).
 */
export function createActionPoint(
	db: Db,
	actor: Actor,
	input: ActionPointInput
): ActionOutcome<{ id: number; reference: string }> {
	authorize(actor, 'track');
	const resolved = resolveActionPoint(db, actor, input);
	if (!resolved.ok) return refusal('invalid', resolved.errors);
	const made = db.transaction((tx) => insertActionPoint(tx, actor, resolved.point));
	return { ok: true, ...made };
}
