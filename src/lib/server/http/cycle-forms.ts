/**
 * The assessment cycle forms as sent: text fields only; what they mean is decided by the
 * cycle capabilities. Pages and actions are refused early to those without the permission.
 */
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actor } from '../actor';
import { can, type Action } from '../permissions';

const field = z.string().catch('');

/** The named text fields of a form, '' for those absent. */
export function formText<N extends string>(form: FormData, names: readonly N[]): Record<N, string> {
	return Object.fromEntries(names.map((n) => [n, field.parse(form.get(n))])) as Record<N, string>;
}

const REFUSED: Partial<Record<Action, string>> = {
	report: 'Only the Strategic Planning Unit creates and issues assessment cycles.',
	assess:
		'Only the Strategic Planning Unit and mission leadership rate cycles and write recommendations.'
};

export function requirePermission(actor: Actor, action: 'report' | 'assess'): void {
	if (!can(actor, action)) error(403, REFUSED[action]!);
}
