/**
 * How the framework editor names the file columns its fields become, and the choices of its
 * selects — built from the contract's vocabulary, so a form offers exactly what a file accepts.
 * The words are the reader's language: these are functions, asked at each render, never
 * constants fixed in the language of whoever loaded the module first.
 */
import { m } from '$lib/paraglide/messages.js';
import {
	AGGREGATIONS,
	CATEGORIES,
	DIRECTIONS,
	FREQUENCIES,
	MEASURES,
	RESULT_LEVELS,
	SENSITIVITIES,
	TIERS,
	type Category,
	type ResultLevel
} from '$lib/domain/vocabulary';
import { CATEGORY_LABEL, RESULT_LEVEL_LABEL } from '$lib/format';
import type { Option } from '../forms/options';

export type { Option } from '../forms/options';

/** A framework level's name, e.g. "Outcome" / "Effet". */
export function levelLabel(level: ResultLevel): string {
	return RESULT_LEVEL_LABEL[level];
}

/** An indicator category's name, e.g. "Capacity" / "Capacité". */
export function categoryLabel(category: Category): string {
	return CATEGORY_LABEL[category];
}

/** The node form's fields by name (the framework file's columns, and the French texts). */
export function nodeLabels(): Record<string, string> {
	return {
		result_code: m.fw_field_code(),
		result_level: m.fw_field_level(),
		result_title: m.fw_field_title(),
		parent_result: m.fw_field_parent(),
		driver_of_change: m.fw_field_driver_of_change(),
		critical_condition: m.fw_field_critical_condition(),
		component: m.fw_field_components(),
		tier: m.fw_field_tier(),
		description: m.fw_field_description(),
		result_title_fr: m.fw_field_title_fr(),
		driver_of_change_fr: m.fw_field_driver_of_change_fr(),
		critical_condition_fr: m.fw_field_critical_condition_fr(),
		description_fr: m.fw_field_description_fr()
	};
}

/** The indicator form's fields by name (the indicators file's columns, and the French texts). */
export function indicatorLabels(): Record<string, string> {
	return {
		indicator_code: m.fw_field_code(),
		indicator_title: m.fw_field_title(),
		result_code: m.fw_field_node_measured(),
		category: m.fw_field_category(),
		direction: m.fw_field_direction(),
		measure: m.fw_field_measure(),
		aggregation: m.fw_field_aggregation(),
		frequency: m.fw_field_frequency(),
		dimensions: m.fw_field_dimensions(),
		baseline_value: m.fw_field_baseline_value(),
		baseline_period: m.fw_field_baseline_period(),
		tier: m.fw_field_tier(),
		unit: m.fw_field_unit(),
		data_source: m.fw_field_data_source(),
		component: m.fw_field_component(),
		definition: m.fw_field_definition(),
		sensitivity: m.fw_field_sensitivity(),
		indicator_title_fr: m.fw_field_title_fr(),
		definition_fr: m.fw_field_definition_fr(),
		stages: m.ms_stages_label(),
		stages_fr: m.ms_stages_fr_label()
	};
}

/**
 * A framework node as a choice of a select: indented under its parent, code and title — the
 * title marked English when it is the English one read on a French page.
 */
export function nodeOption(node: {
	code: string;
	title: string;
	depth: number;
	titleLang?: string;
}): Option {
	return {
		value: node.code,
		label: `${'\u00a0\u00a0'.repeat(node.depth)}${node.code} · ${node.title}`,
		...(node.titleLang ? { lang: node.titleLang } : {})
	};
}

/** The label of the n-th target row's period or value field (n from 0), e.g. "Target 2, value". */
export function targetLabel(n: number, part: 'period' | 'value'): string {
	const number = String(n + 1);
	return part === 'period' ? m.fw_target_period({ number }) : m.fw_target_value({ number });
}

/** The labels of the target rows' fields that have problems, e.g. "Target 2, value". */
export function targetLabelsFor(errors: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const field of Object.keys(errors)) {
		const found = /^target_(period|value)_(\d+)$/.exec(field);
		if (found) out[field] = targetLabel(Number(found[2]), found[1] as 'period' | 'value');
	}
	return out;
}

const plain = (values: readonly string[], labels: Record<string, string> = {}): Option[] =>
	values.map((v) => ({ value: v, label: labels[v] ?? v }));

/** A blank first choice: "none", or "choose" for a required select. */
const blank = (label: string): Option => ({ value: '', label });

/** The choices of the editor's selects, in the reader's language. */
export function options() {
	return {
		category: [
			blank(m.fw_choose()),
			...CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))
		],
		direction: [
			blank(m.fw_choose()),
			...plain(DIRECTIONS, {
				increase: m.fw_direction_increase(),
				decrease: m.fw_direction_decrease()
			})
		],
		measure: [
			blank(m.fw_choose()),
			...plain(MEASURES, {
				count: m.fw_measure_count(),
				number: m.fw_measure_number(),
				percent: m.fw_measure_percent(),
				per_100k: m.fw_measure_per_100k(),
				average: m.fw_measure_average(),
				milestone: m.ms_measure_milestone()
			})
		],
		aggregation: [
			blank(m.fw_aggregation_default()),
			...plain(AGGREGATIONS, {
				sum: m.fw_aggregation_sum(),
				last: m.fw_aggregation_last(),
				mean: m.fw_aggregation_mean(),
				max: m.fw_aggregation_max(),
				min: m.fw_aggregation_min()
			})
		],
		frequency: [
			blank(m.fw_not_set()),
			...plain(FREQUENCIES, {
				month: m.fw_frequency_month(),
				quarter: m.fw_frequency_quarter(),
				half: m.fw_frequency_half(),
				year: m.fw_frequency_year()
			})
		],
		tier: [
			blank(m.fw_not_set()),
			...plain(TIERS, { I: m.fw_tier_i(), II: m.fw_tier_ii(), III: m.fw_tier_iii() })
		],
		sensitivity: [
			blank(m.fw_sensitivity_default()),
			...plain(SENSITIVITIES, {
				public: m.fw_sensitivity_public(),
				internal: m.fw_sensitivity_internal(),
				restricted: m.fw_sensitivity_restricted()
			})
		],
		level: RESULT_LEVELS.map((l) => ({ value: l, label: levelLabel(l) }))
	};
}
