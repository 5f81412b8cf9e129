/**
 * What a cycle capability answers: done, or refused with its problems by form field (`form`
 * for those of no one field), so a page shows each beside its field and the API can list them.
 */
import type { FieldErrors, Refusal as FormRefusal } from '../../../form-answer';

export type Refusal = FormRefusal & {
	/** not_found: no such cycle or recommendation; read_only: the cycle is issued */
	problem: 'invalid' | 'not_found' | 'read_only';
};

export type CycleOutcome<T extends object = object> = ({ ok: true } & T) | Refusal;

export function refusal(problem: Refusal['problem'], errors: FieldErrors): Refusal {
	return { ok: false, problem, errors };
}
