import { describe, expect, test } from 'vitest';
import { AreaTree, type AreaNode } from '$lib/domain/area-tree';
import { parsePeriod, type Granularity } from '$lib/domain/period';
import { compareShapes, defaultRange, shapeOf } from '$lib/domain/figure-groups';
import {
	computeSeries,
	type Figure,
	type SeriesIndicator,
	type SeriesPoint,
	type SeriesRequest
} from '$lib/domain/series';
import type { Measure } from '$lib/domain/vocabulary';

/*
 * mission                    2024: 100 000 + 400 000 + 500 000 = 1 000 000
 * ├── IT (3)   400 000 undated
 * ├── NK (1)   100 000 (2024), 125 000 (2025)
 * └── SK (2)   none: SK-A + SK-B = 500 000
 *     ├── SK-A (21)  200 000 (2024)
 *     └── SK-B (22)  300 000 (2024)
 */
const NK = 1;
const SK = 2;
const IT = 3;
const SK_A = 21;
const SK_B = 22;

function area(id: number, code: string, parentId: number | null, pops: AreaNode['populations']) {
	return { id, code, name: code, parentId, populations: pops };
}

const tree = new AreaTree([
	area(NK, 'NK', null, [
		{ year: 2024, population: 100_000 },
		{ year: 2025, population: 125_000 }
	]),
	area(SK, 'SK', null, []),
	area(IT, 'IT', null, [{ year: null, population: 400_000 }]),
	area(SK_A, 'SK-A', SK, [{ year: 2024, population: 200_000 }]),
	area(SK_B, 'SK-B', SK, [{ year: 2024, population: 300_000 }])
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

function indicator(measure: Measure, extra: Partial<SeriesIndicator> = {}): SeriesIndicator {
	return { code: 'X', measure, direction: 'increase', aggregation: null, dimensions: [], ...extra };
}

function run(
	ind: SeriesIndicator,
	figures: Figure[],
	by: Granularity,
	request: Partial<SeriesRequest> = {}
): SeriesPoint[] {
	return computeSeries(ind, figures, tree, { areaId: null, by, margin: 0.15, ...request });
}

/** label → actual */
function actuals(points: SeriesPoint[]): Record<string, number | null> {
	return Object.fromEntries(points.map((p) => [p.period, p.actual]));
}

function at(points: SeriesPoint[], label: string): SeriesPoint {
	const point = points.find((p) => p.period === label);
	if (!point) throw new Error(`no point ${label} in ${points.map((p) => p.period).join(', ')}`);
	return point;
}

const count = indicator('count');

describe('buckets', () => {
	test('every bucket between the first and last figure, gaps included', () => {
		const points = run(
			count,
			[fig('2024-01', { value: 1 }), fig('2024-03', { value: 3 })],
			'month'
		);
		expect(points).toEqual([
			{
				period: '2024-01',
				start: '2024-01-01',
				end: '2024-01-31',
				partial: false,
				actual: 1,
				target: null,
				status: 'no_target'
			},
			{
				period: '2024-02',
				start: '2024-02-01',
				end: '2024-02-29',
				partial: false,
				actual: null,
				target: null,
				status: 'no_data'
			},
			{
				period: '2024-03',
				start: '2024-03-01',
				end: '2024-03-31',
				partial: false,
				actual: 3,
				target: null,
				status: 'no_target'
			}
		]);
	});

	test('buckets overlapping the range; those extending beyond it are partial', () => {
		const figures = [
			fig('2024-01', { value: 100 }),
			fig('2024-02', { value: 2 }),
			fig('2024-03', { value: 3 }),
			fig('2024-04', { value: 1 }),
			fig('2024-07', { value: 4 }),
			fig('2024-08', { value: 6 }),
			fig('2024-09', { value: 1000 })
		];
		const points = run(count, figures, 'quarter', { from: '2024-02-01', to: '2024-08-31' });
		expect(points.map((p) => [p.period, p.start, p.end, p.partial])).toEqual([
			['2024-Q1', '2024-01-01', '2024-03-31', true],
			['2024-Q2', '2024-04-01', '2024-06-30', false],
			['2024-Q3', '2024-07-01', '2024-09-30', true]
		]);
		// a partial bucket counts the figures inside the range only: Q1 = 2 + 3, Q3 = 4 + 6
		expect(actuals(points)).toEqual({ '2024-Q1': 5, '2024-Q2': 1, '2024-Q3': 10 });
	});

	test('a range on bucket edges has no partial bucket', () => {
		const points = run(count, [], 'quarter', { from: '2024-01-01', to: '2024-06-30' });
		expect(points.map((p) => [p.period, p.partial, p.actual, p.status])).toEqual([
			['2024-Q1', false, null, 'no_data'],
			['2024-Q2', false, null, 'no_data']
		]);
	});

	test('default range: first to last figure of any area, type or verification', () => {
		const figures = [
			fig('2024-01', { value: 1, verification: 'verified' }),
			fig('2023-11', { areaId: NK, value: 5, verification: 'unverified' }),
			fig('2024-05', { value: 9, valueType: 'target' })
		];
		// range 2023-11-01 .. 2024-05-31
		const points = run(count, figures, 'quarter');
		expect(points.map((p) => [p.period, p.partial, p.actual, p.target])).toEqual([
			['2023-Q4', true, 5, null],
			['2024-Q1', false, 1, null],
			['2024-Q2', true, null, 9]
		]);
		// only verified actuals count, but the range still starts with the unverified figure
		const verified = run(count, figures, 'quarter', { verifiedOnly: true });
		expect(verified.map((p) => [p.period, p.actual, p.target])).toEqual([
			['2023-Q4', null, null],
			['2024-Q1', 1, null],
			['2024-Q2', null, 9]
		]);
	});

	test('by half, year and budget year (July to June)', () => {
		const figures = [fig('2024-06', { value: 1 }), fig('2024-07', { value: 2 })];
		expect(actuals(run(count, figures, 'half'))).toEqual({ '2024-H1': 1, '2024-H2': 2 });
		expect(actuals(run(count, figures, 'year'))).toEqual({ '2024': 3 });
		const fy = run(count, figures, 'fy');
		expect(fy.map((p) => [p.period, p.start, p.end, p.partial, p.actual])).toEqual([
			['FY2023/24', '2023-07-01', '2024-06-30', true, 1],
			['FY2024/25', '2024-07-01', '2025-06-30', true, 2]
		]);
	});

	test('by year: a year bucket is partial when the range is shorter', () => {
		const points = run(count, [fig('2024-06', { value: 1 })], 'year');
		expect(points.map((p) => [p.period, p.partial])).toEqual([['2024', true]]);
	});

	test('no figures and no range: no points; a range ending before it starts: no points', () => {
		expect(run(count, [], 'month')).toEqual([]);
		expect(
			run(count, [fig('2024-01', { value: 1 })], 'month', { from: '2024-03-01', to: '2024-01-31' })
		).toEqual([]);
	});

	test('an open end of the range takes the default', () => {
		const figures = [fig('2024-01', { value: 1 }), fig('2024-04', { value: 4 })];
		expect(actuals(run(count, figures, 'quarter', { from: '2024-04-01' }))).toEqual({
			'2024-Q2': 4
		});
		expect(actuals(run(count, figures, 'quarter', { to: '2024-01-31' }))).toEqual({
			'2024-Q1': 1
		});
	});
});

describe('defaultRange', () => {
	test('earliest start to latest end of any figure', () => {
		expect(
			defaultRange([
				fig('2024-03', { valueType: 'target' }),
				fig('2023', { areaId: IT }),
				fig('2024-Q2', { verification: 'unverified' })
			])
		).toEqual({ from: '2023-01-01', to: '2024-06-30' });
	});

	test('a long figure can give the end without giving the start', () => {
		expect(defaultRange([fig('2024-01'), fig('FY2024/25')])).toEqual({
			from: '2024-01-01',
			to: '2025-06-30'
		});
	});

	test('no figures, no range', () => {
		expect(defaultRange([])).toBeNull();
	});
});

describe('step 1: figures entirely inside the bucket and the range', () => {
	test('a figure longer than the bucket is not used', () => {
		const figures = [fig('2024', { value: 40 })];
		expect(actuals(run(count, figures, 'quarter'))).toEqual({
			'2024-Q1': null,
			'2024-Q2': null,
			'2024-Q3': null,
			'2024-Q4': null
		});
		expect(actuals(run(count, figures, 'half'))).toEqual({ '2024-H1': null, '2024-H2': null });
		expect(actuals(run(count, figures, 'year'))).toEqual({ '2024': 40 });
	});

	test('a figure crossing a bucket edge is not used', () => {
		const figures = [fig('2024-03-15/2024-04-15', { value: 7 })];
		expect(run(count, figures, 'month').map((p) => [p.period, p.partial, p.actual])).toEqual([
			['2024-03', true, null],
			['2024-04', true, null]
		]);
		expect(actuals(run(count, figures, 'quarter'))).toEqual({ '2024-Q1': null, '2024-Q2': null });
		// inside the first half year
		expect(actuals(run(count, figures, 'half'))).toEqual({ '2024-H1': 7 });
	});

	test('a budget-year figure is not used by calendar year', () => {
		const figures = [fig('FY2024/25', { value: 12 })];
		expect(actuals(run(count, figures, 'year'))).toEqual({ '2024': null, '2025': null });
		expect(actuals(run(count, figures, 'fy'))).toEqual({ 'FY2024/25': 12 });
	});

	test('a figure inside the bucket but partly outside the range is not used', () => {
		// Q1 (Jan-Mar) starts before the range: only the February figure counts
		const figures = [fig('2024-Q1', { value: 9 }), fig('2024-02', { value: 2 })];
		const points = run(count, figures, 'quarter', { from: '2024-02-01', to: '2024-03-31' });
		expect(points.map((p) => [p.period, p.partial, p.actual])).toEqual([['2024-Q1', true, 2]]);
	});

	test('a day figure falls in its month', () => {
		const figures = [fig('2024-02-10', { value: 2 }), fig('2024-02-20', { value: 3 })];
		expect(actuals(run(count, figures, 'month'))).toEqual({ '2024-02': 5 });
	});

	test('verified-only filters actuals, never targets', () => {
		const figures = [
			fig('2024-01', { value: 1, verification: 'verified' }),
			fig('2024-02', { value: 10, verification: 'unverified' }),
			fig('2024-03', { value: 100 }),
			fig('2024-01', { value: 20, valueType: 'target', verification: 'unverified' }),
			fig('2024-02', { value: 30, valueType: 'target' })
		];
		const all = at(run(count, figures, 'quarter'), '2024-Q1');
		// 1 + 10 + 100; targets 20 + 30
		expect([all.actual, all.target]).toEqual([111, 50]);
		const verified = at(run(count, figures, 'quarter', { verifiedOnly: true }), '2024-Q1');
		expect([verified.actual, verified.target, verified.status]).toEqual([1, 50, 'off_track']);
	});

	test('verified-only with no verified actual: no data, the target still shows', () => {
		const figures = [
			fig('2024-01', { value: 10, verification: 'unverified' }),
			fig('2024-01', { value: 20, valueType: 'target' })
		];
		const point = at(run(count, figures, 'month', { verifiedOnly: true }), '2024-01');
		expect([point.actual, point.target, point.status]).toEqual([null, 20, 'no_data']);
	});
});

describe('step 2: dimensions', () => {
	const sexAge = indicator('count', { dimensions: ['sex', 'age'] });

	test('a total row wins over the disaggregated rows', () => {
		const figures = [
			fig('2024-01', { value: 10 }),
			fig('2024-01', { value: 4, dimensions: { sex: 'female' } }),
			fig('2024-01', { value: 5, dimensions: { sex: 'male' } })
		];
		expect(actuals(run(sexAge, figures, 'month'))).toEqual({ '2024-01': 10 });
	});

	test('otherwise the rows with the fewest non-blank dimensions, combined', () => {
		const figures = [
			fig('2024-01', { value: 4, dimensions: { sex: 'female' } }),
			fig('2024-01', { value: 5, dimensions: { sex: 'male' } }),
			fig('2024-01', { value: 1, dimensions: { sex: 'female', age: 'child' } }),
			fig('2024-01', { value: 2, dimensions: { sex: 'male', age: 'adult' } })
		];
		// 4 + 5
		expect(actuals(run(sexAge, figures, 'month'))).toEqual({ '2024-01': 9 });
	});

	test('a tie goes to the dimension listed first', () => {
		const figures = [
			fig('2024-01', { value: 4, dimensions: { sex: 'female' } }),
			fig('2024-01', { value: 5, dimensions: { sex: 'male' } }),
			fig('2024-01', { value: 3, dimensions: { age: 'child' } }),
			fig('2024-01', { value: 7, dimensions: { age: 'adult' } })
		];
		// sex first: 4 + 5; age first: 3 + 7
		expect(actuals(run(sexAge, figures, 'month'))).toEqual({ '2024-01': 9 });
		const ageSex = indicator('count', { dimensions: ['age', 'sex'] });
		expect(actuals(run(ageSex, figures, 'month'))).toEqual({ '2024-01': 10 });
	});

	test('chosen per area and per period', () => {
		const figures = [
			fig('2024-01', { areaId: NK, value: 10 }),
			fig('2024-01', { areaId: NK, value: 4, dimensions: { sex: 'female' } }),
			fig('2024-02', { areaId: NK, value: 2, dimensions: { sex: 'female' } }),
			fig('2024-02', { areaId: NK, value: 3, dimensions: { sex: 'male' } }),
			fig('2024-02', { areaId: IT, value: 6, dimensions: { age: 'child' } })
		];
		// NK: January total 10 + February 2 + 3 = 15; IT: 6; mission 21
		expect(actuals(run(sexAge, figures, 'quarter', { areaId: NK }))).toEqual({ '2024-Q1': 15 });
		expect(actuals(run(sexAge, figures, 'quarter'))).toEqual({ '2024-Q1': 21 });
	});

	test('number rows take the mean, percent rows add pairs', () => {
		const num = indicator('number', { dimensions: ['sex'] });
		const numbers = [
			fig('2024-01', { value: 4, dimensions: { sex: 'female' } }),
			fig('2024-01', { value: 8, dimensions: { sex: 'male' } })
		];
		expect(actuals(run(num, numbers, 'month'))).toEqual({ '2024-01': 6 });
		const pct = indicator('percent', { dimensions: ['sex'] });
		const percents = [
			fig('2024-01', { numerator: 3, denominator: 10, dimensions: { sex: 'female' } }),
			fig('2024-01', { numerator: 9, denominator: 30, dimensions: { sex: 'male' } })
		];
		// (3 + 9) / (10 + 30) = 30 %
		expect(actuals(run(pct, percents, 'month'))).toEqual({ '2024-01': 30 });
	});

	const rate = indicator('per_100k', { dimensions: ['sex'] });

	test('per_100k rows all with a denominator: counts over the sum of the denominators', () => {
		const figures = [
			fig('2024-01', { areaId: NK, numerator: 6, denominator: 20_000, dimensions: { sex: 'f' } }),
			fig('2024-01', { areaId: NK, numerator: 4, denominator: 30_000, dimensions: { sex: 'm' } })
		];
		// 100 000 x 10 / 50 000 = 20 (over NK's 100 000 it would be 10)
		expect(actuals(run(rate, figures, 'month', { areaId: NK }))).toEqual({ '2024-01': 20 });
	});

	test('per_100k rows not all with a denominator: counts over the area population once', () => {
		const figures = [
			fig('2024-01', { areaId: NK, numerator: 6, denominator: 20_000, dimensions: { sex: 'f' } }),
			fig('2024-01', { areaId: NK, numerator: 4, dimensions: { sex: 'm' } })
		];
		// 100 000 x (6 + 4) / 100 000 = 10
		expect(actuals(run(rate, figures, 'month', { areaId: NK }))).toEqual({ '2024-01': 10 });
	});

	test('per_100k ready rates by dimension: counts over the area population once', () => {
		const figures = [
			fig('2024-01', { areaId: IT, value: 3, dimensions: { sex: 'f' } }),
			fig('2024-01', { areaId: IT, value: 5, dimensions: { sex: 'm' } })
		];
		// counts 3 x 4 = 12 and 5 x 4 = 20 over IT's 400 000: 100 000 x 32 / 400 000 = 8
		expect(actuals(run(rate, figures, 'month', { areaId: IT }))).toEqual({ '2024-01': 8 });
	});
});

describe('step 2: the preferred dimension shape', () => {
	const row = (id: string, dimensions: Record<string, string>) => ({ id, dimensions });
	const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
	/** The rows of the shape step 2 prefers, as the series computation picks them. */
	const chooseDimensionRows = <R extends { dimensions: Record<string, string> }>(
		rows: R[],
		declared: string[]
	) => {
		const shape = (r: R) => shapeOf(Object.keys(r.dimensions), declared);
		const best = rows.map(shape).sort(compareShapes)[0]!;
		return rows.filter((r) => compareShapes(shape(r), best) === 0);
	};

	test('total rows when there are any', () => {
		const rows = [row('f', { sex: 'f' }), row('t', {}), row('m', { sex: 'm' })];
		expect(ids(chooseDimensionRows(rows, ['sex']))).toEqual(['t']);
	});

	test('the fewest non-blank dimensions, whatever their order', () => {
		const rows = [
			row('fa', { sex: 'f', age: 'a' }),
			row('p1', { perpetrator: 'x' }),
			row('p2', { perpetrator: 'y' })
		];
		expect(ids(chooseDimensionRows(rows, ['sex', 'age', 'perpetrator']))).toEqual(['p1', 'p2']);
	});

	test('ties: the set whose dimensions come first in the declared order', () => {
		const rows = [
			row('ap', { age: 'a', perpetrator: 'x' }),
			row('sp', { sex: 'f', perpetrator: 'x' }),
			row('sa1', { sex: 'f', age: 'a' }),
			row('sa2', { age: 'c', sex: 'm' })
		];
		expect(ids(chooseDimensionRows(rows, ['sex', 'age', 'perpetrator']))).toEqual(['sa1', 'sa2']);
		expect(ids(chooseDimensionRows(rows, ['perpetrator', 'age', 'sex']))).toEqual(['ap']);
	});
});

describe('step 3: nested periods', () => {
	const figures = [
		fig('2024-Q1', { areaId: NK, value: 30 }),
		fig('2024-01', { areaId: NK, value: 10 }),
		fig('2024-02', { areaId: NK, value: 5 }),
		fig('2024-04', { areaId: NK, value: 7 })
	];

	test('by quarter, the months inside a reported quarter are dropped', () => {
		// Q1: 30, not 30 + 10 + 5
		expect(actuals(run(count, figures, 'quarter', { areaId: NK }))).toEqual({
			'2024-Q1': 30,
			'2024-Q2': 7
		});
	});

	test('by year, the quarter stands and the months outside it still count', () => {
		// 30 + 7
		expect(actuals(run(count, figures, 'year', { areaId: NK }))).toEqual({ '2024': 37 });
	});

	test('by month, the quarter is too long to be used and the months show', () => {
		expect(actuals(run(count, figures, 'month', { areaId: NK }))).toEqual({
			'2024-01': 10,
			'2024-02': 5,
			'2024-03': null,
			'2024-04': 7
		});
	});

	test('a half year inside a reported year', () => {
		const nested = [fig('2024', { value: 100 }), fig('2024-H1', { value: 60 })];
		expect(actuals(run(count, nested, 'year'))).toEqual({ '2024': 100 });
		expect(actuals(run(count, nested, 'half'))).toEqual({ '2024-H1': 60, '2024-H2': null });
	});

	test('nesting is per area: another area’s month is not inside this area’s quarter', () => {
		const mixed = [
			fig('2024-Q1', { areaId: NK, value: 30 }),
			fig('2024-01', { areaId: IT, value: 10 })
		];
		// mission: NK 30 + IT 10
		expect(actuals(run(count, mixed, 'quarter'))).toEqual({ '2024-Q1': 40 });
	});
});

describe('step 4: time, per area', () => {
	// listed out of order: `last` is by period, not by position
	const months = [
		fig('2024-03', { value: 4 }),
		fig('2024-01', { value: 5 }),
		fig('2024-02', { value: 9 })
	];

	test.each([
		['count', null, 18],
		['count', 'sum', 18],
		['count', 'last', 4],
		['count', 'max', 9],
		['count', 'min', 4],
		['count', 'mean', 6],
		['number', null, 6],
		['number', 'last', 4],
		['number', 'sum', 18],
		['number', 'max', 9]
	] as const)('%s with aggregation %s', (measure, aggregation, expected) => {
		// 5 + 9 + 4 = 18; mean 6; latest (March) 4
		const ind = indicator(measure, { aggregation });
		expect(actuals(run(ind, months, 'quarter'))).toEqual({ '2024-Q1': expected });
	});

	test('percent pairs add: (10 + 30) / (50 + 150) = 20 %', () => {
		const figures = [
			fig('2024-01', { numerator: 10, denominator: 50 }),
			fig('2024-02', { numerator: 30, denominator: 150 })
		];
		expect(actuals(run(indicator('percent'), figures, 'quarter'))).toEqual({ '2024-Q1': 20 });
	});

	test('percent values with sample sizes travel as implied pairs', () => {
		// 10 % of 100 -> (10, 100); 40 % of 300 -> (120, 300); 130 / 400 = 32.5 % (mean: 25)
		const figures = [
			fig('2024-01', { value: 10, sampleSize: 100 }),
			fig('2024-02', { value: 40, sampleSize: 300 })
		];
		expect(actuals(run(indicator('percent'), figures, 'quarter'))).toEqual({ '2024-Q1': 32.5 });
	});

	test('a percent figure without a pair: the plain mean', () => {
		// 10 / 50 = 20 % and 40 %: (20 + 40) / 2 = 30
		const figures = [
			fig('2024-01', { numerator: 10, denominator: 50 }),
			fig('2024-02', { value: 40 })
		];
		expect(actuals(run(indicator('percent'), figures, 'quarter'))).toEqual({ '2024-Q1': 30 });
	});

	test('a single percent figure shows exactly 100 x num / den', () => {
		// 100 x 29 / 100 = 29
		const figures = [fig('2024-01', { numerator: 29, denominator: 100 })];
		expect(actuals(run(indicator('percent'), figures, 'month'))).toEqual({ '2024-01': 29 });
	});

	test('per_100k counts add over the latest figure’s population, each year its own', () => {
		// December 2024: 10 of NK's 2024 population 100 000; January 2025: 20 of 125 000 (2025)
		// FY2024/25: 100 000 x (10 + 20) / 125 000 = 24
		const numerators = [
			fig('2025-01', { areaId: NK, numerator: 20 }),
			fig('2024-12', { areaId: NK, numerator: 10 })
		];
		const rate = indicator('per_100k');
		expect(actuals(run(rate, numerators, 'fy', { areaId: NK }))).toEqual({ 'FY2024/25': 24 });
		// ready rates: 10 x 100 000 / 100 000 = 10 and 16 x 125 000 / 100 000 = 20 -> 24 again
		const rates = [
			fig('2024-12', { areaId: NK, value: 10 }),
			fig('2025-01', { areaId: NK, value: 16 })
		];
		expect(actuals(run(rate, rates, 'fy', { areaId: NK }))).toEqual({ 'FY2024/25': 24 });
	});

	test('per_100k population of the year the period starts: a budget year starting in 2024', () => {
		// FY2024/25 starts in 2024: NK 100 000, so 25 / 100 000 -> 25 (not 20 with 2025's 125 000)
		const figures = [fig('FY2024/25', { areaId: NK, numerator: 25 })];
		expect(actuals(run(indicator('per_100k'), figures, 'fy', { areaId: NK }))).toEqual({
			'FY2024/25': 25
		});
	});
});

describe('step 5: areas', () => {
	test('an area’s own figure takes precedence over its children', () => {
		const figures = [
			fig('2024-Q1', { areaId: SK, value: 100 }),
			fig('2024-Q1', { areaId: SK_A, value: 30 }),
			fig('2024-Q1', { areaId: SK_B, value: 40 }),
			fig('2024-Q1', { areaId: NK, value: 1 })
		];
		expect(actuals(run(count, figures, 'quarter', { areaId: SK }))).toEqual({ '2024-Q1': 100 });
		// mission: NK 1 + SK 100
		expect(actuals(run(count, figures, 'quarter'))).toEqual({ '2024-Q1': 101 });
		// without SK's own figure: 30 + 40
		expect(actuals(run(count, figures.slice(1), 'quarter', { areaId: SK }))).toEqual({
			'2024-Q1': 70
		});
	});

	test('an own figure for part of a bucket: the children are not used for that bucket', () => {
		const figures = [
			fig('2024-01', { areaId: SK, value: 10 }),
			fig('2024-02', { areaId: SK_A, value: 30 }),
			fig('2024-03', { areaId: SK_B, value: 40 })
		];
		expect(actuals(run(count, figures, 'quarter', { areaId: SK }))).toEqual({ '2024-Q1': 10 });
		// by month SK has nothing of its own in February and March
		expect(actuals(run(count, figures, 'month', { areaId: SK }))).toEqual({
			'2024-01': 10,
			'2024-02': 30,
			'2024-03': 40
		});
	});

	test('an own figure longer than the bucket is not used there, so the children are', () => {
		// SK reported the whole year; by quarter that figure is not in any quarter (step 1)
		const figures = [
			fig('2024', { areaId: SK, value: 100 }),
			fig('2024-Q1', { areaId: SK_A, value: 30 }),
			fig('2024-Q1', { areaId: SK_B, value: 40 })
		];
		expect(actuals(run(count, figures, 'quarter', { areaId: SK }))).toEqual({
			'2024-Q1': 70,
			'2024-Q2': null,
			'2024-Q3': null,
			'2024-Q4': null
		});
		expect(actuals(run(count, figures, 'year', { areaId: SK }))).toEqual({ '2024': 100 });
	});

	test('a mission-wide figure takes precedence over the areas', () => {
		const figures = [fig('2024-01', { value: 100 }), fig('2024-01', { areaId: NK, value: 1 })];
		expect(actuals(run(count, figures, 'month'))).toEqual({ '2024-01': 100 });
		expect(actuals(run(count, figures, 'month', { areaId: NK }))).toEqual({ '2024-01': 1 });
	});

	test('count adds over the tree: 1 + (2 + 3) + 4 = 10', () => {
		const figures = [
			fig('2024-01', { areaId: NK, value: 1 }),
			fig('2024-01', { areaId: SK_A, value: 2 }),
			fig('2024-01', { areaId: SK_B, value: 3 }),
			fig('2024-01', { areaId: IT, value: 4 })
		];
		expect(actuals(run(count, figures, 'month'))).toEqual({ '2024-01': 10 });
	});

	test('number: the plain mean of the children, children without a point left out', () => {
		const num = indicator('number');
		// NK 10, IT 20, SK nothing: (10 + 20) / 2 = 15
		const flat = [
			fig('2024-01', { areaId: NK, value: 10 }),
			fig('2024-01', { areaId: IT, value: 20 })
		];
		expect(actuals(run(num, flat, 'month'))).toEqual({ '2024-01': 15 });
		// NK 10; SK = (20 + 40) / 2 = 30; mission = (10 + 30) / 2 = 20 (not (10 + 20 + 40) / 3)
		const nested = [
			fig('2024-01', { areaId: NK, value: 10 }),
			fig('2024-01', { areaId: SK_A, value: 20 }),
			fig('2024-01', { areaId: SK_B, value: 40 })
		];
		expect(actuals(run(num, nested, 'month'))).toEqual({ '2024-01': 20 });
	});

	test('percent across areas: pairs add, never an average of percentages', () => {
		// NK 30 / 100, IT 10 / 300: 40 / 400 = 10 % (the mean would be 16.67 %)
		const figures = [
			fig('2024-01', { areaId: NK, numerator: 30, denominator: 100 }),
			fig('2024-01', { areaId: IT, numerator: 10, denominator: 300 })
		];
		expect(actuals(run(indicator('percent'), figures, 'month'))).toEqual({ '2024-01': 10 });
	});

	test('percent across areas with a part lacking a pair: the plain mean', () => {
		// NK 30 %, IT 50 % without sample size: (30 + 50) / 2 = 40
		const figures = [
			fig('2024-01', { areaId: NK, numerator: 30, denominator: 100 }),
			fig('2024-01', { areaId: IT, value: 50 })
		];
		expect(actuals(run(indicator('percent'), figures, 'month'))).toEqual({ '2024-01': 40 });
	});

	test('per_100k across areas: counts over populations', () => {
		// NK 20 of 100 000; IT ready rate 2.5 of 400 000 -> count 10; 100 000 x 30 / 500 000 = 6
		const figures = [
			fig('2024-01', { areaId: NK, numerator: 20 }),
			fig('2024-01', { areaId: IT, value: 2.5 })
		];
		expect(actuals(run(indicator('per_100k'), figures, 'month'))).toEqual({ '2024-01': 6 });
	});

	test('per_100k: a figure’s denominator overrides the area population', () => {
		// NK 5 of 50 000 -> 10 (over NK's 100 000 it would be 5); IT 20 of IT's 400 000 -> 5
		// mission: 100 000 x (5 + 20) / (50 000 + 400 000) = 5.555...
		const figures = [
			fig('2024-01', { areaId: NK, numerator: 5, denominator: 50_000 }),
			fig('2024-01', { areaId: IT, numerator: 20 })
		];
		const rate = indicator('per_100k');
		expect(actuals(run(rate, figures, 'month', { areaId: NK }))).toEqual({ '2024-01': 10 });
		expect(at(run(rate, figures, 'month'), '2024-01').actual).toBeCloseTo(5.5555556, 6);
	});

	test('per_100k with an area without population: its children’s populations add', () => {
		// SK-A 10 of 200 000, SK-B 5 of 300 000: SK = 100 000 x 15 / 500 000 = 3
		const figures = [
			fig('2024-01', { areaId: SK_A, numerator: 10 }),
			fig('2024-01', { areaId: SK_B, numerator: 5 })
		];
		expect(actuals(run(indicator('per_100k'), figures, 'month', { areaId: SK }))).toEqual({
			'2024-01': 3
		});
		// SK's own figure uses SK-A + SK-B = 500 000: 100 000 x 15 / 500 000 = 3
		const own = [fig('2024-01', { areaId: SK, numerator: 15 })];
		expect(actuals(run(indicator('per_100k'), own, 'month', { areaId: SK }))).toEqual({
			'2024-01': 3
		});
	});

	test('a mission-wide per_100k figure uses the sum of the top-level areas', () => {
		// 2024: 100 000 + 400 000 + 500 000 = 1 000 000; 100 000 x 35 / 1 000 000 = 3.5
		const figures = [fig('2024-01', { numerator: 35 })];
		expect(actuals(run(indicator('per_100k'), figures, 'month'))).toEqual({ '2024-01': 3.5 });
	});

	test('an area without figures anywhere below it has no data', () => {
		const figures = [fig('2024-01', { areaId: NK, value: 3 })];
		expect(run(count, figures, 'month', { areaId: SK }).map((p) => [p.actual, p.status])).toEqual([
			[null, 'no_data']
		]);
	});
});

describe('status of each point', () => {
	const figures = [
		fig('2024-01', { value: 90 }),
		fig('2024-01', { value: 100, valueType: 'target' }),
		fig('2024-02', { value: 100, valueType: 'target' }),
		fig('2024-03', { value: 5 })
	];

	test('uses the margin of the request', () => {
		// 90 vs 100: edge 85 with 15 %, 90 with 10 %, 95 with 5 %
		expect(at(run(count, figures, 'month', { margin: 0.15 }), '2024-01').status).toBe('on_track');
		expect(at(run(count, figures, 'month', { margin: 0.1 }), '2024-01').status).toBe('on_track');
		expect(at(run(count, figures, 'month', { margin: 0.05 }), '2024-01').status).toBe('off_track');
	});

	test('a target without actual is no_data, an actual without target no_target', () => {
		const points = run(count, figures, 'month');
		expect(points.map((p) => [p.period, p.actual, p.target, p.status])).toEqual([
			['2024-01', 90, 100, 'on_track'],
			['2024-02', null, 100, 'no_data'],
			['2024-03', 5, null, 'no_target']
		]);
	});

	test('direction comes from the indicator; the edge 1.15 x 100 = 115 is on track', () => {
		const decrease = indicator('count', { direction: 'decrease' });
		const edge = [
			fig('2024-01', { value: 115 }),
			fig('2024-01', { value: 100, valueType: 'target' })
		];
		expect(at(run(decrease, edge, 'month'), '2024-01').status).toBe('on_track');
		expect(at(run(count, edge, 'month'), '2024-01').status).toBe('achieved');
	});

	test('targets combine like actuals: monthly targets add up to the quarter', () => {
		const quarter = [
			fig('2024-01', { value: 10, valueType: 'target' }),
			fig('2024-02', { value: 10, valueType: 'target' }),
			fig('2024-03', { value: 10, valueType: 'target' }),
			fig('2024-Q1', { value: 27 })
		];
		// target 30, actual 27 >= 0.85 x 30 = 25.5
		const point = at(run(count, quarter, 'quarter'), '2024-Q1');
		expect([point.actual, point.target, point.status]).toEqual([27, 30, 'on_track']);
	});
});
