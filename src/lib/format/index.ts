import type { Granularity } from '../domain/period';
import type { Measure, Status } from '../domain/vocabulary';
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

/** A figure as people read it: thousands grouped, decimals only where they mean something. */
export function formatValue(value: number | null, measure: Measure, unit?: string | null): string {
	if (value === null) return '—';
	const digits = digitsOf(measure, value);
	const text = numberFormat(DIGITS[digits]).format(value);
	if (measure === 'percent') return `${text} %`;
	if (measure === 'per_100k') return `${text} per 100,000`;
	return unit ? `${text} ${unit}` : text;
}

export const STATUS_LABEL: Record<Status, string> = {
	achieved: 'Achieved',
	on_track: 'On track',
	off_track: 'Off track',
	no_target: 'No target',
	no_data: 'No data'
};

export const CATEGORY_LABEL = {
	situation: 'Situation',
	perception: 'Perception',
	capacity: 'Capacity'
} as const;

export const RESULT_LEVEL_LABEL = {
	objective: 'Objective',
	impact: 'Impact',
	outcome: 'Outcome',
	output: 'Output'
} as const;

/** The granularities a series can be read by, as filters name them. */
export const GRANULARITY_LABEL: Record<Granularity, string> = {
	month: 'Month',
	quarter: 'Quarter',
	half: 'Half year',
	year: 'Year',
	fy: 'Budget year (Jul–Jun)'
};
