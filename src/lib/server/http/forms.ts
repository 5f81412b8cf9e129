/**
 * How form actions answer: one `FormAnswer` shape (`$lib/form-answer`) for every form, built
 * here. A refusal is a `fail` with the problems by field and what was sent; what was done is
 * a plain answer. Shapes only: what is acceptable is decided by the capabilities.
 */
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { FieldErrors, FormAnswer } from '../../form-answer';

export type { FieldErrors, FormAnswer } from '../../form-answer';

/** A refused form: which one, its problems by field, and the text fields as sent. */
export function refused(
	form: string,
	errors: FieldErrors,
	values: Record<string, string> = {},
	status = 400
) {
	const answer: FormAnswer = { form, errors, values };
	return fail(status, answer);
}

/** A form that did what it asked: what was done, in words, and anything the page shows. */
export function answered<Extra extends object = Record<never, never>>(
	form: string,
	done: string,
	extra?: Extra & { values?: Record<string, string> }
): FormAnswer<NoInfer<Extra>> {
	return { form, done, ...extra } as FormAnswer<Extra>;
}

const field = z.string().catch('');

/** The named text fields of a form, '' for those absent or not text (a file). */
export function formText<N extends string>(form: FormData, names: readonly N[]): Record<N, string> {
	return Object.fromEntries(names.map((n) => [n, field.parse(form.get(n))])) as Record<N, string>;
}
