/**
 * Which form answered, and how: the one shape every form action answers with, so a page with
 * several forms shows each one's problems or result beside it. The capabilities refuse with
 * `Refusal`, whose problems by field the action passes on as they are. Types and pure reads
 * only: pages import it, and the server's helpers that build answers are in
 * `$lib/server/http/forms`.
 */

/** What to correct, by form field; `FORM_ERROR` holds what belongs to no one field. */
export type FieldErrors = Record<string, string>;
export const FORM_ERROR = 'form';

/** What a capability answers when it will not do what the form asked. */
export interface Refusal {
	ok: false;
	errors: FieldErrors;
}

/** A capability's answer: done (with what it tells), or refused with what to correct. */
export type Outcome<T extends object = object> = ({ ok: true } & T) | Refusal;

/** What a form action answers. `Extra` carries what one form has besides (a new token…). */
export type FormAnswer<Extra extends object = Record<never, never>> = {
	/** the form that answered: `password`, `edit`, `rate-PO1`… */
	form: string;
	/** what to correct, when it was refused */
	errors?: FieldErrors;
	/** the fields as sent, to show them again after a refusal */
	values?: Record<string, string>;
	/** what was done, in words, announced as a status */
	done?: string;
} & Partial<Extra>;

/** The answer when it is the named form's, else undefined. */
export function answerOf<A extends FormAnswer>(
	answer: A | null | undefined,
	form: string
): A | undefined {
	return answer?.form === form ? answer : undefined;
}

/** The problems of one form of the page, or undefined when another form answered. */
export function errorsOf(answer: FormAnswer | null | undefined, form: string) {
	return answerOf(answer, form)?.errors;
}

/** What one form of the page did, or undefined. */
export function doneOf(answer: FormAnswer | null | undefined, form: string) {
	return answerOf(answer, form)?.done;
}

/** Adds a problem to a field's, after any it already has. */
export function addFieldError(errors: FieldErrors, field: string, message: string): void {
	errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
}
