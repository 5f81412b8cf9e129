import { eq } from 'drizzle-orm';
import {
	ACTION_STATUSES,
	isActionStatus,
	rightForStatus,
	updateProblem,
	type ActionStatus
} from '../../domain/action-points';
import { m } from '../../paraglide/messages.js';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import { DB_NOW, today } from '../clock';
import type { Db } from '../db';
import { actionPoints, actionPointUpdates } from '../db/schema';
import { authorize, can } from '../permissions';
import { refusal, type ActionOutcome } from './outcome';
import { LONGEST_NOTE } from './resolve';
import { numberText } from '../../format/numbers';

export interface ActionUpdateInput {
	status: string;
	note: string;
}

/**
 * Records an update of an action point: a dated note and, where it changes, its status.
 * Closing (done, dropped) needs `close`, which leadership has; anything else `track`. A
 * dropped point keeps the note as its reason.
 */
export function updateActionPoint(
	db: Db,
	actor: Actor,
	reference: string,
	input: ActionUpdateInput
): ActionOutcome {
	authorize(actor, 'read');
	const existing = db
		.select()
		.from(actionPoints)
		.where(eq(actionPoints.reference, reference))
		.get();
	if (!existing) return refusal('not_found', { form: m.act_unknown({ reference }) });
	const status = input.status.trim() || existing.status;
	if (!isActionStatus(status)) {
		return refusal('invalid', {
			status: m.act_bad_status({ status, statuses: ACTION_STATUSES.join(', ') })
		});
	}
	authorize(actor, status === existing.status ? 'track' : rightForStatus(status));
	const note = input.note.trim();
	if (note.length > LONGEST_NOTE) {
		return refusal('invalid', {
			note: m.act_too_long({ length: numberText(note.length), max: numberText(LONGEST_NOTE) })
		});
	}
	const problem = updateProblem(existing.status, status, note);
	if (problem === 'needs_reason') return refusal('invalid', { note: m.act_needs_reason() });
	if (problem === 'nothing_to_record')
		return refusal('invalid', { note: m.act_nothing_to_record() });

	db.transaction((tx) => {
		tx.update(actionPoints)
			.set({
				status,
				dropReason:
					status === 'dropped'
						? existing.status === 'dropped'
							? existing.dropReason
							: note
						: null,
				updatedBy: actor.username,
				updatedAt: DB_NOW
			})
			.where(eq(actionPoints.id, existing.id))
			.run();
		tx.insert(actionPointUpdates)
			.values({
				actionPointId: existing.id,
				date: today(),
				by: actor.username,
				note,
				statusFrom: existing.status,
				statusTo: status
			})
			.run();
		recordAudit(
			tx,
			actor,
			status === existing.status ? 'action.note' : 'action.status',
			reference,
			{
				before: { status: existing.status },
				after: { status },
				note
			}
		);
	});
	return { ok: true };
}

/** The statuses this actor may set: all for those who track, done and dropped for leadership. */
export function settableStatuses(actor: Actor): ActionStatus[] {
	return ACTION_STATUSES.filter((s) => can(actor, rightForStatus(s)));
}
