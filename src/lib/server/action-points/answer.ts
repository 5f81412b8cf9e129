/**
 * The status form of an action point table row (the tracker and the cycle page post the same
 * form): sets the status and answers beside the row.
 */
import { isActionStatus } from '../../domain/action-points';
import { m } from '../../paraglide/messages.js';
import { actionStatusLabel } from '../../format/action-text';
import type { Actor } from '../actor';
import { appDb } from '../db/app-db';
import { answered, formText, refused } from '../http/forms';
import { updateActionPoint } from './update';

export function actionStatusAnswer(form: FormData, actor: Actor) {
	const values = formText(form, ['reference', 'status']);
	const outcome = updateActionPoint(appDb(), actor, values.reference, {
		status: values.status,
		note: ''
	});
	const name = `status-${values.reference}`;
	if (!outcome.ok)
		return refused(name, outcome.errors, values, outcome.problem === 'not_found' ? 404 : 400);
	// said above the table too: under a status filter the row may leave the list
	return answered(
		name,
		m.act_status_saved({
			status: isActionStatus(values.status) ? actionStatusLabel(values.status) : values.status
		}),
		{ values }
	);
}
