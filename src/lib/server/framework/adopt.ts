/**
 * Adopting a standard DPO indicator: its wording with the mission's words in place of the
 * placeholders, its code kept as `dpo_code`, and the planner's code, node, measure, baseline
 * and targets — written as any new indicator is.
 */
import { fillPlaceholders, hasPlaceholder, placeholdersIn } from '../../domain/placeholders';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { m } from '../../paraglide/messages.js';
import { authorize } from '../permissions';
import { findCatalogueEntry } from './catalogue';
import { FORM_ERROR, addFieldError, type EditResult, type FieldErrors } from './form-import';
import { createIndicator, type IndicatorFields, type TargetRow } from './indicators';

/** The form field of the n-th placeholder of the standard wording. */
export const placeholderField = (n: number) => `placeholder_${n}`;

export async function adoptIndicator(
	db: Db,
	actor: Actor,
	dpoCode: string,
	fields: Omit<IndicatorFields, 'indicator_title'>,
	fills: readonly string[],
	targets: readonly TargetRow[]
): Promise<EditResult> {
	authorize(actor, 'framework');
	const entry = findCatalogueEntry(dpoCode);
	if (!entry) {
		return { ok: false, errors: { [FORM_ERROR]: m.fw_not_dpo({ code: dpoCode }) } };
	}
	const unfilled: FieldErrors = {};
	placeholdersIn(entry.title).forEach((name, n) => {
		const fill = fills[n]?.trim() ?? '';
		if (fill === '' || hasPlaceholder(fill)) {
			unfilled[placeholderField(n)] = m.fw_placeholder_unfilled({ name });
		}
	});
	const title = fillPlaceholders(entry.title, fills);
	// a title with a placeholder left is refused there too, so nothing is written
	const result = await createIndicator(
		db,
		actor,
		{ ...fields, indicator_title: title },
		targets,
		entry.code
	);
	if (result.ok) return result;
	// the title is made here, not typed: its problems belong to the placeholders or the form
	const { indicator_title: titleProblem, ...errors } = result.errors;
	if (Object.keys(unfilled).length > 0) return { ok: false, errors: { ...errors, ...unfilled } };
	if (titleProblem) addFieldError(errors, FORM_ERROR, titleProblem);
	return { ok: false, errors };
}
