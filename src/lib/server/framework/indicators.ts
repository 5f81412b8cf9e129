/**
 * Creating and editing indicators, with their baseline and targets, from the editor's forms.
 * The indicator is one row of an `indicators` file and its targets are rows of an
 * `observations` file with value_type `target`; both go through the importer in one call, so
 * they are written together or not at all, by the contract's rules.
 */
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import {
	INDICATOR_COLUMNS,
	INDICATOR_FRENCH_COLUMNS,
	INDICATOR_STAGE_COLUMNS,
	OBSERVATION_COLUMNS
} from '../../domain/columns';
import { placeholderProblem } from '../../domain/placeholders';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { dimensionSets, indicators, observations, results } from '../db/schema';
import { plainNumber } from '../exports/csv';
import { findVisibleIndicator } from '../indicators/visible';
import { m } from '../../paraglide/messages.js';
import { authorize } from '../permissions';
import {
	FORM_ERROR,
	importChecked,
	type EditResult,
	type EditorFile,
	type FieldErrors
} from './form-import';
import { retiredNodeProblem } from './nodes';

export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];
export type IndicatorFrenchColumn = (typeof INDICATOR_FRENCH_COLUMNS)[number];
/**
 * An indicator as the form sends it: the indicators file's columns, as text. A French field
 * the form does not send keeps its stored text, as an absent column of a file does.
 */
export type IndicatorFields = Record<IndicatorColumn, string> &
	Partial<Record<IndicatorFrenchColumn | IndicatorStageColumn, string>>;
export type IndicatorStageColumn = (typeof INDICATOR_STAGE_COLUMNS)[number];
/** A mission-wide target for one period, as the form sends it. */
export interface TargetRow {
	period: string;
	value: string;
}

type StoredIndicator = typeof indicators.$inferSelect;

export function findStoredIndicator(db: Db, code: string): StoredIndicator | undefined {
	return db.select().from(indicators).where(eq(indicators.code, code)).get();
}

const text = (v: string | number | null) =>
	v === null ? '' : typeof v === 'number' ? plainNumber(v) : v;

/** A stored indicator as the form shows it. */
export function indicatorFields(resultCode: string, i: StoredIndicator): IndicatorFields {
	return {
		indicator_code: i.code,
		indicator_title: i.title,
		result_code: resultCode,
		category: i.category,
		direction: i.direction,
		measure: i.measure,
		aggregation: text(i.aggregation),
		frequency: text(i.frequency),
		dimensions: i.dimensions,
		baseline_value: text(i.baselineValue),
		baseline_period: text(i.baselinePeriod),
		tier: text(i.tier),
		unit: text(i.unit),
		data_source: text(i.dataSource),
		component: text(i.component),
		definition: text(i.definition),
		sensitivity: i.sensitivity,
		indicator_title_fr: text(i.titleFr),
		definition_fr: text(i.definitionFr),
		stages: text(i.stages),
		stages_fr: text(i.stagesFr)
	};
}

/** The indicator's mission-wide, total targets (what the form edits), by period. */
export function missionTargets(db: Db, indicatorId: number): TargetRow[] {
	return db
		.select({ period: observations.period, value: observations.value })
		.from(observations)
		.innerJoin(dimensionSets, eq(dimensionSets.id, observations.dimensionSetId))
		.where(
			and(
				eq(observations.indicatorId, indicatorId),
				eq(observations.valueType, 'target'),
				isNull(observations.areaId),
				eq(dimensionSets.key, '{}')
			)
		)
		.orderBy(asc(observations.periodStart), asc(observations.periodEnd))
		.all()
		.filter((t) => t.value !== null)
		.map((t) => ({ period: t.period, value: text(t.value) }));
}

/**
 * An indicator as stored now, for the audit log's before and after: its fields and each
 * mission-wide target as a field of its own (`target 2025`), so a changed target reads as one
 * change. Null when there is no such indicator.
 */
function auditedState(db: Db, code: string): Record<string, string> | null {
	const stored = findStoredIndicator(db, code);
	if (!stored) return null;
	const node = db.select().from(results).where(eq(results.id, stored.resultId)).get()!;
	const targets = missionTargets(db, stored.id).map((t) => [`target ${t.period}`, t.value]);
	return { ...indicatorFields(node.code, stored), ...Object.fromEntries(targets) };
}

/** The form fields of the n-th target row. */
export const targetField = (n: number, part: 'period' | 'value') => `target_${part}_${n}`;

function indicatorFile(fields: IndicatorFields, dpoCode?: string): EditorFile {
	// dpo_code and the French columns are the project's extra columns of the kind (formats.md
	// "Beyond the contract")
	const french = [...INDICATOR_FRENCH_COLUMNS, ...INDICATOR_STAGE_COLUMNS].filter(
		(c) => fields[c] !== undefined
	);
	const given = [...INDICATOR_COLUMNS, ...french];
	const row = given.map((c) => (fields[c] ?? '').trim());
	return {
		name: `framework editor, indicator ${fields.indicator_code.trim()}.csv`,
		columns: dpoCode === undefined ? given : [...given, 'dpo_code'],
		rows: [dpoCode === undefined ? row : [...row, dpoCode]],
		field: (_row, column) => column
	};
}

/** The targets file speaks the contract's observation columns, nothing of its own. */
const TARGET_COLUMNS = [
	'indicator_code',
	'period',
	'value',
	'value_type'
] as const satisfies readonly (typeof OBSERVATION_COLUMNS)[number][];

function targetsFile(code: string, targets: readonly TargetRow[]): EditorFile | null {
	const kept = targets
		.map((t, n) => ({ period: t.period.trim(), value: t.value.trim(), n }))
		.filter((t) => t.period !== '' || t.value !== '');
	if (kept.length === 0) return null;
	return {
		name: `framework editor, targets of ${code}.csv`,
		columns: TARGET_COLUMNS,
		rows: kept.map((t) => [code, t.period, t.value, 'target']),
		field: (row, column) =>
			// an unknown indicator here only echoes a problem of the indicator's own fields
			column === 'indicator_code'
				? null
				: targetField(kept[row]!.n, column === 'period' ? 'period' : 'value')
	};
}

/** What this module checks beyond the contract, for a new or changed indicator. */
function ownChecks(db: Db, fields: IndicatorFields, errors: FieldErrors): void {
	const title = placeholderProblem(fields.indicator_title);
	if (title) errors.indicator_title = title;
	const node = retiredNodeProblem(db, fields.result_code.trim());
	if (node) errors.result_code = node;
}

/**
 * A new indicator with its baseline and targets. `dpoCode` keeps the standard indicator it was
 * adopted from. A code that exists already is refused: editing is a separate, deliberate act.
 */
export async function createIndicator(
	db: Db,
	actor: Actor,
	fields: IndicatorFields,
	targets: readonly TargetRow[],
	dpoCode?: string
): Promise<EditResult> {
	authorize(actor, 'framework');
	const errors: FieldErrors = {};
	const code = fields.indicator_code.trim();
	if (code && findStoredIndicator(db, code)) {
		errors.indicator_code = m.fw_code_exists({ code });
	}
	ownChecks(db, fields, errors);
	const files = [indicatorFile(fields, dpoCode), targetsFile(code, targets)];
	return importChecked(
		db,
		actor,
		files.filter((f) => f !== null),
		errors,
		(tx) => ({
			action: 'indicator.create',
			subject: code,
			detail: { ...(dpoCode === undefined ? {} : { dpoCode }), after: auditedState(tx, code) }
		})
	);
}

/**
 * New wording, node, attributes, baseline and targets of an indicator; its code stays (it is
 * the indicator's name in every file). Targets are added or changed, never removed: a figure
 * once imported stays in the history.
 */
export async function editIndicator(
	db: Db,
	actor: Actor,
	code: string,
	fields: Omit<IndicatorFields, 'indicator_code'>,
	targets: readonly TargetRow[]
): Promise<EditResult> {
	authorize(actor, 'framework');
	const stored = findVisibleIndicator(db, actor, code);
	if (!stored) return { ok: false, errors: { [FORM_ERROR]: m.fw_unknown_indicator({ code }) } };
	if (stored.retired) {
		return { ok: false, errors: { [FORM_ERROR]: m.fw_retired_reinstate_first({ code }) } };
	}
	const all = { ...fields, indicator_code: code };
	const errors: FieldErrors = {};
	ownChecks(db, all, errors);
	const files = [indicatorFile(all), targetsFile(code, targets)];
	const before = auditedState(db, code);
	return importChecked(
		db,
		actor,
		files.filter((f) => f !== null),
		errors,
		(tx) => ({
			action: 'indicator.update',
			subject: code,
			detail: { before, after: auditedState(tx, code) }
		})
	);
}

/** How many figures an indicator holds: what retiring it keeps. */
export function figureCounts(db: Db, indicatorId: number): { actual: number; target: number } {
	const counts = { actual: 0, target: 0 };
	const rows = db
		.select({ valueType: observations.valueType, n: count() })
		.from(observations)
		.where(eq(observations.indicatorId, indicatorId))
		.groupBy(observations.valueType)
		.all();
	for (const r of rows) counts[r.valueType] = r.n;
	return counts;
}
