/**
 * The columns of each file kind, in the order formats.md §1 lists them. The importer reads
 * them, the exporter and the demo generator write them: one list, so they cannot drift apart.
 */
/** `Indicator Code`, `indicator-code` and `indicator_code` are the same column (formats.md §1.0). */
export function normaliseHeader(header: string): string {
	return header
		.trim()
		.toLowerCase()
		.replace(/[\s\-_]+/g, '_');
}

export const AREA_COLUMNS = [
	'area_code',
	'area_name',
	'parent_area',
	'area_level',
	'population',
	'population_year'
] as const;

export const FRAMEWORK_COLUMNS = [
	'result_code',
	'result_level',
	'result_title',
	'parent_result',
	'driver_of_change',
	'critical_condition',
	'component',
	'tier',
	'description'
] as const;

export const INDICATOR_COLUMNS = [
	'indicator_code',
	'indicator_title',
	'result_code',
	'category',
	'direction',
	'measure',
	'aggregation',
	'frequency',
	'dimensions',
	'baseline_value',
	'baseline_period',
	'tier',
	'unit',
	'data_source',
	'component',
	'definition',
	'sensitivity'
] as const;

/**
 * The project's optional French columns (docs/formats.md "Beyond the contract"): each is the
 * French text of the English column it is named after. Absent keeps the stored French text,
 * blank clears it; where there is none, French readers see the English text.
 */
export const FRAMEWORK_FRENCH_COLUMNS = [
	'result_title_fr',
	'driver_of_change_fr',
	'critical_condition_fr',
	'description_fr'
] as const;

export const INDICATOR_FRENCH_COLUMNS = ['indicator_title_fr', 'definition_fr'] as const;

/**
 * A milestone's stages (docs/formats.md "The measure `milestone`"), the project's optional
 * columns of the indicators kind: the stage names in order, `;`-separated, and their French
 * names.
 */
export const INDICATOR_STAGE_COLUMNS = ['stages', 'stages_fr'] as const;

/** Columns of a figure that travel with it; absent ones keep their stored values. */
export const FIGURE_COLUMNS = [
	'value',
	'verification',
	'numerator',
	'denominator',
	'sample_size',
	'ci_low',
	'ci_high',
	'source',
	'comment'
] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number];

/** The fixed columns of long-form observations; any other column may be a dimension. */
export const OBSERVATION_COLUMNS = [
	'indicator_code',
	'period',
	'area_code',
	'value',
	'value_type',
	...FIGURE_COLUMNS.slice(1)
] as const;

/** Every column name the contract gives a meaning to, in any kind of file. */
export const CONTRACT_COLUMNS: ReadonlySet<string> = new Set([
	...AREA_COLUMNS,
	...FRAMEWORK_COLUMNS,
	...INDICATOR_COLUMNS,
	...OBSERVATION_COLUMNS
]);

/**
 * The columns of a `sites` file (docs/formats.md "Sites: where the mission stands"), beyond the
 * contract: where the mission's bases and posts are, and when they were open.
 */
export const SITE_COLUMNS = [
	'site_code',
	'site_name',
	'site_type',
	'latitude',
	'longitude',
	'opened',
	'closed',
	'sensitivity'
] as const;

/**
 * The columns of an `actions` file (docs/formats.md "Action points"), beyond the contract: a
 * meeting's decisions, as its minutes list them. `reference` (AP-0012) is the key: an export
 * carries it, so importing it again updates rather than duplicates.
 */
export const ACTION_COLUMNS = [
	'reference',
	'origin',
	'origin_reference',
	'cycle',
	'decision',
	'owner',
	'area_code',
	'deadline',
	'status',
	'drop_reason',
	'result_codes',
	'indicator_codes'
] as const;
export type ActionColumn = (typeof ACTION_COLUMNS)[number];

/** The columns of a `rules` file (formats.md §5.1), in the order it lists them. */
export const RULE_COLUMNS = [
	'source',
	'indicator_code',
	'value',
	'date_column',
	'area_column',
	'where',
	'dimensions',
	'weight_column',
	'unlocated_area',
	'verification'
] as const;
export type RuleColumnName = (typeof RULE_COLUMNS)[number];

/**
 * The columns of an `outputs` file (docs/formats.md "Outputs"), beyond the contract: what each
 * output node planned and completed in a budget year.
 */
export const OUTPUT_COLUMNS = [
	'result_code',
	'budget_year',
	'planned',
	'completed',
	'remarks',
	'remarks_fr'
] as const;

/**
 * The columns of a `resources` file (docs/formats.md "Resources"), beyond the contract: the
 * finance office's apportionment and expenditure by component or expected accomplishment.
 */
export const RESOURCE_COLUMNS = [
	'budget_year',
	'component',
	'result_code',
	'category',
	'apportionment',
	'expenditure',
	'explanation'
] as const;
