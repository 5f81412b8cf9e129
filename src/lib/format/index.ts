import type { Granularity } from '../domain/period';
import type {
	Category,
	Direction,
	Frequency,
	Measure,
	ResultLevel,
	Sensitivity,
	SiteType,
	Status,
	ValueType,
	Verification
} from '../domain/vocabulary';
// relative, not $lib: the command line renders reports with these words outside Vite
import { m } from '../paraglide/messages.js';
import { numberFormat } from './numbers';

/**
 * One formatter per number of decimals: `toLocaleString` with options builds a new one on every
 * call, which made formatting most of the time a page with a few hundred figures took to render.
 */
const DIGITS = [0, 1, 2].map((digits) => ({ maximumFractionDigits: digits }));

/**
 * Decimals worth showing: none for counts; one for averages (2.8 days — a second decimal of a
 * mean over a few items is noise); otherwise two below 10, one above.
 */
function digitsOf(measure: Measure, value: number): number {
	if (measure === 'count') return 0;
	if (measure === 'average') return 1;
	return Math.abs(value) < 10 ? 2 : 1;
}

/**
 * A figure as people read it: thousands grouped, decimals only where they mean something; a
 * milestone's position as the name of its stage (`stages`: the names in the reader's
 * language, in order).
 */
export function formatValue(
	value: number | null,
	measure: Measure,
	unit?: string | null,
	stages?: readonly string[] | null
): string {
	if (value === null) return '—';
	if (measure === 'milestone') return stageName(value, stages);
	const digits = digitsOf(measure, value);
	const text = numberFormat(DIGITS[digits]).format(value);
	if (measure === 'percent') return m.dash_value_percent({ value: text });
	if (measure === 'per_100k') return m.dash_value_per_100k({ value: text });
	return unit ? `${text} ${unit}` : text;
}

/**
 * The name of the stage at a milestone position; a position without a name (stages not
 * known to the caller, or beyond them) as the number, so nothing is ever hidden.
 */
export function stageName(position: number, stages: readonly string[] | null | undefined): string {
	const name = Number.isInteger(position) ? stages?.[position - 1] : undefined;
	return name ?? numberFormat(DIGITS[2]).format(position);
}

/**
 * Words for the contract's codes, in the reader's language. Each entry is a getter, so a label
 * is read in the language of the moment it is shown (a server answers readers of both), never
 * the language a module happened to be loaded in: read them when rendering, not at load time.
 */
function labels<K extends string>(words: Record<K, () => string>): Readonly<Record<K, string>> {
	const out = {} as Record<K, string>;
	for (const key of Object.keys(words) as K[]) {
		Object.defineProperty(out, key, { get: words[key], enumerable: true });
	}
	return out;
}

export const STATUS_LABEL: Readonly<Record<Status, string>> = labels({
	achieved: m.dash_status_achieved,
	on_track: m.dash_status_on_track,
	off_track: m.dash_status_off_track,
	no_target: m.dash_status_no_target,
	no_data: m.dash_status_no_data
});

export const CATEGORY_LABEL: Readonly<Record<Category, string>> = labels({
	situation: m.dash_category_situation,
	perception: m.dash_category_perception,
	capacity: m.dash_category_capacity
});

export const RESULT_LEVEL_LABEL: Readonly<Record<ResultLevel, string>> = labels({
	objective: m.dash_level_objective,
	impact: m.dash_level_impact,
	outcome: m.dash_level_outcome,
	output: m.dash_level_output
});

/** The granularities a series can be read by, as filters name them. */
export const GRANULARITY_LABEL: Readonly<Record<Granularity, string>> = labels({
	month: m.dash_granularity_month,
	quarter: m.dash_granularity_quarter,
	half: m.dash_granularity_half,
	year: m.dash_granularity_year,
	fy: m.dash_granularity_fy
});

/** A granularity inside a sentence: "by quarter", "par trimestre". */
export const GRANULARITY_WORD: Readonly<Record<Granularity, string>> = labels({
	month: m.dash_by_month,
	quarter: m.dash_by_quarter,
	half: m.dash_by_half,
	year: m.dash_by_year,
	fy: m.dash_by_fy
});

/** How an indicator is measured, in a sentence's words ("per 100k"; French "pour 100 000"). */
export const MEASURE_LABEL: Readonly<Record<Measure, string>> = labels({
	count: m.dash_measure_count,
	number: m.dash_measure_number,
	percent: m.dash_measure_percent,
	per_100k: m.dash_measure_per_100k,
	average: m.dash_measure_average,
	milestone: m.ms_measure_milestone
});

export const DIRECTION_LABEL: Readonly<Record<Direction, string>> = labels({
	increase: m.dash_direction_increase,
	decrease: m.dash_direction_decrease
});

/** "Lower is better": what a direction means to someone reading a chart. */
export const BETTER_LABEL: Readonly<Record<Direction, string>> = labels({
	increase: m.dash_better_higher_title,
	decrease: m.dash_better_lower_title
});

export const FREQUENCY_LABEL: Readonly<Record<Frequency, string>> = labels({
	month: m.dash_frequency_month,
	quarter: m.dash_frequency_quarter,
	half: m.dash_frequency_half,
	year: m.dash_frequency_year
});

export const SENSITIVITY_LABEL: Readonly<Record<Sensitivity, string>> = labels({
	public: m.dash_sensitivity_public,
	internal: m.dash_sensitivity_internal,
	restricted: m.dash_sensitivity_restricted
});

/** What a mission site is, in the reader's words: the areas page's list and the maps' legend. */
export const SITE_TYPE_LABEL: Readonly<Record<SiteType, string>> = labels({
	base: m.site_type_base,
	temporary_base: m.site_type_temporary_base,
	police_post: m.site_type_police_post,
	other: m.site_type_other
});

export const VALUE_TYPE_LABEL: Readonly<Record<ValueType, string>> = labels({
	actual: m.dash_value_type_actual,
	target: m.dash_value_type_target
});

export const VERIFICATION_LABEL: Readonly<Record<Verification, string>> = labels({
	verified: m.dash_verification_verified,
	unverified: m.dash_verification_unverified
});

/** A stored word of the contract in the reader's words when there are some, else as stored. */
export function labelOf(words: Readonly<Record<string, string>>, code: string): string {
	return Object.hasOwn(words, code) ? words[code]! : code;
}
