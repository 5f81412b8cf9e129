import type { AreaColumn } from '../../domain/area-form';
import { FIELD_OF_COLUMN, populationProblems } from '../../domain/area-form';
import { m } from '../../paraglide/messages.js';
import { FORM_ERROR, type FieldErrors, type Refusal } from '../../form-answer';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { authorize } from '../permissions';
import { importFormFiles } from '../imports/from-form';
import type { AuditDetail } from '../audit/record';
import type { FileReport } from '../imports/report';
import { loadAreaTree } from './tree';
import { numberText } from '../../format/numbers';

/** An area as typed into the areas page's forms: text, checked by the importer. */
export interface AreaInput {
	code: string;
	name: string;
	parent: string;
	level: string;
	population: string;
	year: string;
}

export type AreaEditResult =
	{ ok: true; changed: boolean; message: string; report: FileReport } | Refusal;

/**
 * An area as stored now, for the audit log's before and after: each population a field of its
 * own (`population 2024`), so a changed population reads as one change. Null when absent.
 */
function auditedArea(db: Db, code: string): AuditDetail | null {
	const tree = loadAreaTree(db);
	const area = tree.byCodeOf(code);
	if (!area) return null;
	const populations = area.populations.map((p) => [
		`population ${p.year ?? 'any year'}`,
		p.population
	]);
	return {
		name: area.name,
		parent: area.parentId === null ? null : (tree.get(area.parentId)?.code ?? null),
		level: area.level ?? null,
		...Object.fromEntries(populations)
	};
}

const refused = (errors: FieldErrors): AreaEditResult => ({ ok: false, errors });

/**
 * Writes one row of an areas file (formats.md §1.1) and imports it: the import checks it as it
 * checks any file (a known parent, no cycle, a number for the population…), writes it in its
 * own batch, so the import history says who changed the area and when, or refuses it whole.
 * Columns left out keep their stored values, as in any file.
 *
 * `db` must be a connection that imports may hold across awaits (see importFiles).
 */
async function importAreaRow(
	db: Db,
	actor: Actor,
	fileName: string,
	row: Partial<Record<AreaColumn, string>>
): Promise<{ ok: true; report: FileReport } | Refusal> {
	const columns = Object.keys(row) as AreaColumn[];
	const code = row.area_code ?? '';
	const before = auditedArea(db, code);
	const result = await importFormFiles(
		db,
		actor,
		[
			{
				name: fileName,
				columns,
				rows: [columns.map((c) => row[c])],
				field: (_, column) => FIELD_OF_COLUMN[column as AreaColumn] ?? FORM_ERROR
			}
		],
		{
			audit: (tx) => ({
				action: 'areas.edit',
				subject: code,
				detail: { before, after: auditedArea(tx, code) }
			})
		}
	);
	if (!result.ok) return result;
	return { ok: true, report: result.report.files[0]! };
}

const changed = (r: FileReport) => r.inserted + r.updated > 0;

/** Changes an area's name, parent (blank: top level) and level (blank: none). */
export async function editArea(
	db: Db,
	actor: Actor,
	input: Pick<AreaInput, 'code' | 'name' | 'parent' | 'level'>
): Promise<AreaEditResult> {
	authorize(actor, 'import');
	if (!loadAreaTree(db).byCodeOf(input.code)) {
		return refused({ code: m.fw_area_unknown({ code: input.code }) });
	}
	const result = await importAreaRow(db, actor, `areas page, edit of ${input.code}.csv`, {
		area_code: input.code,
		area_name: input.name,
		parent_area: input.parent,
		area_level: input.level
	});
	if (!result.ok) return result;
	return {
		...result,
		changed: changed(result.report),
		message: changed(result.report)
			? m.fw_area_saved({ code: input.code })
			: m.fw_area_unchanged({ code: input.code })
	};
}

/** Adds an area, with a population when one is given. */
export async function addArea(db: Db, actor: Actor, input: AreaInput): Promise<AreaEditResult> {
	authorize(actor, 'import');
	if (input.code !== '' && loadAreaTree(db).byCodeOf(input.code)) {
		return refused({ code: m.fw_area_exists({ code: input.code }) });
	}
	const problems = populationProblems(input.population, input.year, false);
	if (Object.keys(problems).length > 0) return refused(problems);
	const result = await importAreaRow(db, actor, `areas page, new area ${input.code}.csv`, {
		area_code: input.code,
		area_name: input.name,
		parent_area: input.parent,
		area_level: input.level,
		population: input.population,
		population_year: input.year
	});
	if (!result.ok) return result;
	return { ...result, changed: true, message: m.fw_area_added({ code: input.code }) };
}

/** Adds or changes an area's population for a year (blank: for any year without its own). */
export async function setPopulation(
	db: Db,
	actor: Actor,
	input: Pick<AreaInput, 'code' | 'population' | 'year'>
): Promise<AreaEditResult> {
	authorize(actor, 'import');
	const area = loadAreaTree(db).byCodeOf(input.code);
	if (!area) return refused({ code: m.fw_area_unknown({ code: input.code }) });
	const problems = populationProblems(input.population, input.year, true);
	if (Object.keys(problems).length > 0) return refused(problems);
	const year = input.year === '' ? 'any year' : input.year;
	const result = await importAreaRow(
		db,
		actor,
		`areas page, population of ${input.code} for ${year}.csv`,
		// the name is required by the format; the stored one leaves it as it is
		{
			area_code: area.code,
			area_name: area.name,
			population: input.population,
			population_year: input.year
		}
	);
	if (!result.ok) return result;
	const stored = loadAreaTree(db)
		.byCodeOf(input.code)
		?.populations.find((p) => p.year === (input.year === '' ? null : Number(input.year)));
	const figure = stored ? numberText(stored.population) : input.population;
	// the batch's file name above stays English (it is a record); the message is the reader's
	const yearText = input.year === '' ? m.fw_any_year() : input.year;
	return {
		...result,
		changed: changed(result.report),
		message: changed(result.report)
			? m.fw_population_set({ code: area.code, year: yearText, figure })
			: m.fw_population_unchanged({ code: area.code, year: yearText, figure })
	};
}
