/**
 * The `average` measure (formats.md §1.3–§1.5): a mean over items whose number matters, carried
 * as the pair (total, items) and combined weighted by items — over dimension rows, periods and
 * areas — never as a mean of means.
 */
import { describe, expect, test } from 'vitest';
import { AreaTree } from '$lib/domain/area-tree';
import { parsePeriod, type Granularity } from '$lib/domain/period';
import {
	combineAreas,
	combineDimensionRows,
	combineOverTime,
	figureAmount,
	type Amount,
	type FigureInput
} from '$lib/domain/measures';
import { computeSeries, type Figure, type SeriesIndicator } from '$lib/domain/series';
import { isSmallCell, peopleIn, suppressBreakdown } from '$lib/domain/small-cells';
import { defaultAggregation } from '$lib/domain/vocabulary';

function input(f: Partial<FigureInput>): FigureInput {
	return { value: null, numerator: null, denominator: null, sampleSize: null, ...f };
}

function mean(total: number, items: number): Amount {
	return { value: total / items, pair: [total, items] };
}

describe('figureAmount: average', () => {
	test('a given (numerator, denominator) is the pair (total, items); value = total / items', () => {
		// 42 days over 12 alerts: 3.5 days
		expect(figureAmount('average', input({ numerator: 42, denominator: 12 }), null)).toEqual({
			value: 3.5,
			pair: [42, 12]
		});
	});

	test('the pair wins over a value given too', () => {
		expect(
			figureAmount('average', input({ value: 99, numerator: 42, denominator: 12 }), null)
		).toEqual({ value: 3.5, pair: [42, 12] });
	});

	test('a value with sample_size n is the pair (value × n, n)', () => {
		expect(figureAmount('average', input({ value: 2.5, sampleSize: 8 }), null)).toEqual({
			value: 2.5,
			pair: [20, 8]
		});
	});

	test('a value without sample_size counts as one item: (value, 1) — unlike percent', () => {
		expect(figureAmount('average', input({ value: 4.2 }), null)).toEqual({
			value: 4.2,
			pair: [4.2, 1]
		});
		expect(figureAmount('percent', input({ value: 42 }), null)).toEqual({
			value: 42,
			pair: null
		});
	});

	test('only one of numerator and denominator: the value decides', () => {
		expect(figureAmount('average', input({ value: 5, numerator: 42 }), null)).toEqual({
			value: 5,
			pair: [5, 1]
		});
	});

	test('no value and no pair: no amount', () => {
		expect(figureAmount('average', input({}), null)).toBeNull();
		expect(figureAmount('average', input({ sampleSize: 3 }), null)).toBeNull();
	});

	test('the population is not used', () => {
		expect(figureAmount('average', input({ value: 6 }), 100_000)).toEqual({
			value: 6,
			pair: [6, 1]
		});
	});

	test('no default time aggregation: averages combine by their pairs', () => {
		expect(defaultAggregation('average')).toBeNull();
	});
});

describe('combining averages: pairs add, weighted by items', () => {
	test('across areas: (2 × 10 + 8 × 1) / (2 + 8) = 2.8, not the mean of means 5.5', () => {
		expect(combineAreas('average', [mean(20, 2), mean(8, 8)])).toEqual({
			value: 2.8,
			pair: [28, 10]
		});
	});

	test('over time: totals and items add, whatever the aggregation says', () => {
		const items = [
			{ amount: mean(20, 2), start: '2024-01-01', end: '2024-01-31' },
			{ amount: mean(8, 8), start: '2024-02-01', end: '2024-02-29' }
		];
		for (const aggregation of [null, 'sum', 'last', 'mean', 'max', 'min'] as const) {
			expect(combineOverTime('average', aggregation, items)).toEqual({
				value: 2.8,
				pair: [28, 10]
			});
		}
	});

	test('dimension rows combine as areas do', () => {
		const rows = [
			{ figure: input({ numerator: 20, denominator: 2 }), amount: mean(20, 2) },
			{ figure: input({ numerator: 8, denominator: 8 }), amount: mean(8, 8) }
		];
		expect(combineDimensionRows('average', rows, 5000)).toEqual({ value: 2.8, pair: [28, 10] });
	});

	test('value-only figures weigh one item each: their plain mean', () => {
		const a = figureAmount('average', input({ value: 3 }), null)!;
		const b = figureAmount('average', input({ value: 6 }), null)!;
		expect(combineAreas('average', [a, b])).toEqual({ value: 4.5, pair: [9, 2] });
	});

	test('a value-only figure beside pairs weighs one item', () => {
		// (30 + 6) / (10 + 1) — the one-item figure barely moves the ten-item one
		const many = figureAmount('average', input({ numerator: 30, denominator: 10 }), null)!;
		const one = figureAmount('average', input({ value: 6 }), null)!;
		expect(combineAreas('average', [many, one])).toEqual({ value: 36 / 11, pair: [36, 11] });
	});
});

/*
 * mission
 * ├── A (1)
 * └── B (2)
 *     ├── B1 (21)
 *     └── B2 (22)
 */
const A = 1;
const B = 2;
const B1 = 21;
const B2 = 22;
const tree = new AreaTree([
	{ id: A, code: 'A', name: 'A', parentId: null, populations: [] },
	{ id: B, code: 'B', name: 'B', parentId: null, populations: [] },
	{ id: B1, code: 'B1', name: 'B1', parentId: B, populations: [] },
	{ id: B2, code: 'B2', name: 'B2', parentId: B, populations: [] }
]);

function fig(period: string, f: Partial<Figure> = {}): Figure {
	const parsed = parsePeriod(period);
	if (!parsed.ok) throw new Error(parsed.message);
	return {
		areaId: null,
		start: parsed.period.start,
		end: parsed.period.end,
		dimensions: {},
		valueType: 'actual',
		verification: null,
		value: null,
		numerator: null,
		denominator: null,
		sampleSize: null,
		...f
	};
}

const days: SeriesIndicator = {
	code: '2.2.3',
	measure: 'average',
	direction: 'decrease',
	aggregation: null,
	dimensions: ['alert_type']
};

function actuals(
	figures: Figure[],
	by: Granularity,
	areaId: number | null = null,
	indicator: SeriesIndicator = days
): Record<string, number | null> {
	const points = computeSeries(indicator, figures, tree, { areaId, by, margin: 0.15 });
	return Object.fromEntries(points.map((p) => [p.period, p.actual]));
}

describe('series of an average (§1.5 steps 2–5)', () => {
	test('step 5: the mission weighs its areas by their items: 2.8 days, not 5.5', () => {
		// A: 2 alerts answered in 10 days each; B: 8 alerts in 1 day each
		const figures = [
			fig('2024-01', { areaId: A, numerator: 20, denominator: 2 }),
			fig('2024-01', { areaId: B, numerator: 8, denominator: 8 })
		];
		expect(actuals(figures, 'month')).toEqual({ '2024-01': 2.8 });
		expect(actuals(figures, 'month', A)).toEqual({ '2024-01': 10 });
	});

	test('step 5 through the tree: B from B1 and B2, the mission from A and B', () => {
		const figures = [
			fig('2024-01', { areaId: A, value: 10, sampleSize: 2 }),
			fig('2024-01', { areaId: B1, numerator: 3, denominator: 3 }),
			fig('2024-01', { areaId: B2, numerator: 5, denominator: 5 })
		];
		// B: 8 / 8 = 1; mission (20 + 8) / (2 + 8) = 2.8
		expect(actuals(figures, 'month', B)).toEqual({ '2024-01': 1 });
		expect(actuals(figures, 'month')).toEqual({ '2024-01': 2.8 });
	});

	test('step 4: months combine into the quarter by their items, not by aggregation', () => {
		const figures = [
			fig('2024-01', { areaId: A, numerator: 20, denominator: 2 }),
			fig('2024-02', { areaId: A, numerator: 8, denominator: 8 })
		];
		expect(actuals(figures, 'quarter', A)).toEqual({ '2024-Q1': 2.8 });
		const last = { ...days, aggregation: 'last' as const };
		expect(actuals(figures, 'quarter', A, last)).toEqual({ '2024-Q1': 2.8 });
	});

	test('step 4: value-only months count one item each', () => {
		const figures = [
			fig('2024-01', { areaId: A, value: 3 }),
			fig('2024-02', { areaId: A, value: 5 }),
			fig('2024-03', { areaId: A, value: 10 })
		];
		expect(actuals(figures, 'quarter', A)).toEqual({ '2024-Q1': 6 });
	});

	test('step 2: dimension rows combine weighted by their items', () => {
		const figures = [
			fig('2024-01', { areaId: A, numerator: 20, denominator: 2, dimensions: { alert_type: 'x' } }),
			fig('2024-01', { areaId: A, numerator: 8, denominator: 8, dimensions: { alert_type: 'y' } })
		];
		expect(actuals(figures, 'month', A)).toEqual({ '2024-01': 2.8 });
	});

	test('step 2: a total row wins over the rows broken down', () => {
		const figures = [
			fig('2024-01', { areaId: A, numerator: 40, denominator: 10 }),
			fig('2024-01', { areaId: A, numerator: 20, denominator: 2, dimensions: { alert_type: 'x' } })
		];
		expect(actuals(figures, 'month', A)).toEqual({ '2024-01': 4 });
	});

	test('an area without items has no point, the others still combine', () => {
		const figures = [fig('2024-01', { areaId: A, value: 7, sampleSize: 4 })];
		expect(actuals(figures, 'month')).toEqual({ '2024-01': 7 });
		expect(actuals(figures, 'month', B)).toEqual({ '2024-01': null });
	});

	test('targets combine the same way and give the status', () => {
		const figures = [
			fig('2024-01', { areaId: A, numerator: 20, denominator: 2 }),
			fig('2024-01', { areaId: B, numerator: 8, denominator: 8 }),
			fig('2024-01', { value: 3, valueType: 'target' })
		];
		const [point] = computeSeries(days, figures, tree, { areaId: null, by: 'month', margin: 0.15 });
		// decrease: 2.8 days ≤ 3 days
		expect(point).toMatchObject({ actual: 2.8, target: 3, status: 'achieved' });
	});
});

describe('small cells of an average', () => {
	test('an average reveals its number of items, not its days', () => {
		// 40 days over 2 survivors: 2 people, small; 20 days over 12: not small
		expect(peopleIn('average', { value: null, numerator: 40, denominator: 2 })).toEqual([2]);
		expect(isSmallCell('average', { value: 20, numerator: 240, denominator: 12 }, 5)).toBe(false);
		expect(isSmallCell('average', { value: 20, numerator: 40, denominator: 2 }, 5)).toBe(true);
	});

	test('a value stands for its sample_size, or for one item without it', () => {
		expect(
			peopleIn('average', { value: 30, numerator: null, denominator: null, sampleSize: 9 })
		).toEqual([9]);
		expect(peopleIn('average', { value: 30, numerator: null, denominator: null })).toEqual([1]);
		expect(peopleIn('average', { value: null, numerator: null, denominator: null })).toEqual([]);
	});

	test('averages do not add up across categories: no complement is hidden', () => {
		const cell = (actual: number, items: number) => ({
			period: '2024-01',
			start: '2024-01-01',
			end: '2024-01-31',
			actual,
			numbers: { value: actual, numerator: actual * items, denominator: items }
		});
		const hidden = suppressBreakdown(
			'average',
			[
				{ category: 'female', points: [cell(12, 2)] },
				{ category: 'male', points: [cell(8, 30)] },
				{ category: 'unknown', points: [cell(9, 40)] }
			],
			5
		);
		expect(hidden.map((c) => c.points[0]!.suppressed)).toEqual(['small', null, null]);
	});
});
