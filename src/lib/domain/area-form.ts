/**
 * The areas page edits areas by writing a one-row areas file (formats.md §1.1) and importing
 * it, so the import's rules are the only rules. These pure helpers translate between the
 * form's fields and that file's columns, both ways.
 */
import { m } from '../paraglide/messages.js';
import type { AREA_COLUMNS } from './columns';

export type AreaColumn = (typeof AREA_COLUMNS)[number];
export type AreaField = 'code' | 'name' | 'parent' | 'level' | 'population' | 'year';

/** The form field each column of an areas file is typed into. */
export const FIELD_OF_COLUMN: Record<AreaColumn, AreaField> = {
	area_code: 'code',
	area_name: 'name',
	parent_area: 'parent',
	area_level: 'level',
	population: 'population',
	population_year: 'year'
};

/** How a field is labelled on the form, in the reader's language, so a message can name it. */
export function fieldLabel(field: AreaField): string {
	return {
		code: m.fw_area_field_code,
		name: m.fw_area_field_name,
		parent: m.fw_area_field_parent,
		level: m.fw_area_field_level,
		population: m.fw_area_field_population,
		year: m.fw_area_field_year
	}[field]();
}

/** A problem as the importer reports it. */
export interface ColumnIssue {
	line: number | null;
	column: string | null;
	value: string | null;
	message: string;
}

/** Problems placed on the form: one message per field, the rest for the form as a whole. */
export interface FormProblems {
	fields: Partial<Record<AreaField, string>>;
	general: string[];
}

/**
 * Puts the importer's problems on the form's fields: a problem in a column goes to that
 * column's field (the first one per field; more would repeat it), any other to the whole form.
 */
export function problemsOnForm(issues: readonly ColumnIssue[]): FormProblems {
	const out: FormProblems = { fields: {}, general: [] };
	for (const issue of issues) {
		const field =
			issue.column !== null && issue.column in FIELD_OF_COLUMN
				? FIELD_OF_COLUMN[issue.column as AreaColumn]
				: null;
		if (field && out.fields[field] === undefined) out.fields[field] = issue.message;
		else if (!field) out.general.push(issue.message);
	}
	return out;
}

/**
 * What the file format allows but a form field makes meaningless: a year with no population
 * would import as nothing (the importer reads a population's year only with a population).
 */
export function populationProblems(
	population: string,
	year: string,
	required: boolean
): Partial<Record<AreaField, string>> {
	if (population.trim() !== '') return {};
	if (required) return { population: m.fw_area_give_population() };
	if (year.trim() !== '') return { population: m.fw_area_give_population_for_year() };
	return {};
}

/** True when there is nothing to show for the field. */
export function hasProblems(p: FormProblems): boolean {
	return p.general.length > 0 || Object.keys(p.fields).length > 0;
}
