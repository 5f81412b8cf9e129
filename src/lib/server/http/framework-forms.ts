/**
 * The framework editor's forms as sent: every field is text, named as the file column it
 * becomes. Shapes only — what the values mean is decided by the importer and the framework
 * capabilities.
 */
import { z } from 'zod';
import {
	FRAMEWORK_COLUMNS,
	FRAMEWORK_FRENCH_COLUMNS,
	INDICATOR_COLUMNS,
	INDICATOR_FRENCH_COLUMNS,
	INDICATOR_STAGE_COLUMNS
} from '../../domain/columns';
import type { IndicatorFields, TargetRow } from '../framework/indicators';
import type { NodeFields } from '../framework/nodes';
import { targetField } from '../framework/indicators';
import { placeholderField } from '../framework/adopt';

const field = z.string().catch('');

function textFields<C extends string>(columns: readonly C[], form: FormData): Record<C, string> {
	const schema = z.object(
		Object.fromEntries(columns.map((c) => [c, field])) as Record<C, typeof field>
	);
	return schema.parse(Object.fromEntries(columns.map((c) => [c, form.get(c)]))) as Record<
		C,
		string
	>;
}

/** The French fields the form has: one it does not send keeps the stored text. */
function frenchFields<C extends string>(columns: readonly C[], form: FormData) {
	return textFields(
		columns.filter((c) => form.has(c)),
		form
	) as Partial<Record<C, string>>;
}

export function nodeFieldsFrom(form: FormData): NodeFields {
	return {
		...textFields(FRAMEWORK_COLUMNS, form),
		...frenchFields(FRAMEWORK_FRENCH_COLUMNS, form)
	};
}

export function indicatorFieldsFrom(form: FormData): IndicatorFields {
	return {
		...textFields(INDICATOR_COLUMNS, form),
		...frenchFields(INDICATOR_FRENCH_COLUMNS, form),
		// a milestone's stages: kept as stored when the form does not send them, like French texts
		...frenchFields(INDICATOR_STAGE_COLUMNS, form)
	};
}

/** The target rows, as many as the form has (it can add rows in the browser). */
export function targetsFrom(form: FormData): TargetRow[] {
	const rows: TargetRow[] = [];
	for (let n = 0; form.has(targetField(n, 'period')) || form.has(targetField(n, 'value')); n++) {
		rows.push({
			period: field.parse(form.get(targetField(n, 'period'))),
			value: field.parse(form.get(targetField(n, 'value')))
		});
	}
	return rows;
}

/** The words the planner wrote for each placeholder of a standard wording. */
export function placeholderFillsFrom(form: FormData, count: number): string[] {
	return Array.from({ length: count }, (_, n) => field.parse(form.get(placeholderField(n))));
}

/** A yes/no checkbox. */
export function checked(form: FormData, name: string): boolean {
	return form.get(name) === 'on' || form.get(name) === '1';
}

/** Target rows as form values, to show them again in their fields. */
export function targetValues(rows: readonly TargetRow[]): Record<string, string> {
	return Object.fromEntries(
		rows.flatMap((t, n) => [
			[targetField(n, 'period'), t.period],
			[targetField(n, 'value'), t.value]
		])
	);
}
