/**
 * How the framework editor names the file columns its fields become, and the choices of its
 * selects — built from the contract's vocabulary, so a form offers exactly what a file accepts.
 */
import {
	AGGREGATIONS,
	CATEGORIES,
	DIRECTIONS,
	FREQUENCIES,
	MEASURES,
	SENSITIVITIES,
	TIERS
} from '$lib/domain/vocabulary';
import { CATEGORY_LABEL, RESULT_LEVEL_LABEL } from '$lib/format';
import type { Option } from '../forms/options';

export type { Option } from '../forms/options';

export const NODE_LABELS: Record<string, string> = {
	result_code: 'Code',
	result_level: 'Level',
	result_title: 'Title',
	parent_result: 'Parent',
	driver_of_change: 'Driver of change',
	critical_condition: 'Critical condition',
	component: 'Responsible components',
	tier: 'Tier of POC action',
	description: 'Description'
};

export const INDICATOR_LABELS: Record<string, string> = {
	indicator_code: 'Code',
	indicator_title: 'Title',
	result_code: 'Framework node it measures',
	category: 'Category',
	direction: 'Good direction',
	measure: 'Measure',
	aggregation: 'Over time, figures combine by',
	frequency: 'Reporting frequency',
	dimensions: 'Disaggregation dimensions',
	baseline_value: 'Baseline value',
	baseline_period: 'Baseline period',
	tier: 'Tier of POC action',
	unit: 'Unit',
	data_source: 'Data source',
	component: 'Responsible component',
	definition: 'Definition',
	sensitivity: 'Sensitivity'
};

/** A framework node as a choice of a select: indented under its parent, code and title. */
export function nodeOption(node: { code: string; title: string; depth: number }): Option {
	return {
		value: node.code,
		label: `${'\u00a0\u00a0'.repeat(node.depth)}${node.code} · ${node.title}`
	};
}

/** The labels of the target rows' fields that have problems, e.g. "Target 2, value". */
export function targetLabelsFor(errors: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const field of Object.keys(errors)) {
		const m = /^target_(period|value)_(\d+)$/.exec(field);
		if (m) out[field] = `Target ${Number(m[2]) + 1}, ${m[1]}`;
	}
	return out;
}

const plain = (values: readonly string[], labels: Record<string, string> = {}): Option[] =>
	values.map((v) => ({ value: v, label: labels[v] ?? v }));

/** A blank first choice: "none", or "choose" for a required select. */
const blank = (label: string): Option => ({ value: '', label });

export const OPTIONS = {
	category: [blank('Choose…'), ...plain(CATEGORIES, CATEGORY_LABEL)],
	direction: [
		blank('Choose…'),
		...plain(DIRECTIONS, { increase: 'Increase is good', decrease: 'Decrease is good' })
	],
	measure: [
		blank('Choose…'),
		...plain(MEASURES, {
			count: 'Count',
			number: 'Number (e.g. km², a score)',
			percent: 'Percentage',
			per_100k: 'Rate per 100,000 population',
			average: 'Average over items (e.g. days to respond to an alert)'
		})
	],
	aggregation: [
		blank('The default for the measure'),
		...plain(AGGREGATIONS, {
			sum: 'Sum',
			last: 'Latest value (a stock)',
			mean: 'Mean',
			max: 'Maximum',
			min: 'Minimum'
		})
	],
	frequency: [
		blank('Not set'),
		...plain(FREQUENCIES, {
			month: 'Monthly',
			quarter: 'Quarterly',
			half: 'Half-yearly',
			year: 'Yearly'
		})
	],
	tier: [
		blank('Not set'),
		...plain(TIERS, {
			I: 'I · dialogue and engagement',
			II: 'II · physical protection',
			III: 'III · protective environment'
		})
	],
	sensitivity: [
		blank('Internal (the default)'),
		...plain(SENSITIVITIES, { public: 'Public', internal: 'Internal', restricted: 'Restricted' })
	],
	level: plain(Object.keys(RESULT_LEVEL_LABEL), RESULT_LEVEL_LABEL)
};
