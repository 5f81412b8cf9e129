/**
 * What an action point capability answers: done, or refused with its problems by form field
 * (`form` for those of no one field), so a page shows each beside its field, an import names
 * its column, and the API can list them.
 */
import type { FieldErrors, Refusal as FormRefusal } from '../../form-answer';

export type ActionRefusal = FormRefusal & { problem: 'invalid' | 'not_found' };

export type ActionOutcome<T extends object = object> = ({ ok: true } & T) | ActionRefusal;

export function refusal(problem: ActionRefusal['problem'], errors: FieldErrors): ActionRefusal {
	return { ok: false, problem, errors };
}
