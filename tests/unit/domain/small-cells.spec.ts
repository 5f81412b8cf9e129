import { describe, expect, test } from 'vitest';
import {
	amountNumbers,
	hidesFigure,
	isSmallCell,
	isSmallNumber,
	parseSmallCellThreshold,
	peopleIn,
	rawFiguresFor,
	suppressBreakdown,
	suppressedExportText,
	type BreakdownCellInput
} from '../../../src/lib/domain/small-cells';
import { suppressedExplanation, suppressedText } from '../../../src/lib/format/small-cells-text';

const count = (value: number | null) => ({ value, numerator: null, denominator: null });

describe('the threshold', () => {
	test('is a whole number of at least 1, from a number or its text', () => {
		expect(parseSmallCellThreshold(5)).toBe(5);
		expect(parseSmallCellThreshold('10')).toBe(10);
		expect(parseSmallCellThreshold(1)).toBe(1);
		for (const bad of [0, -3, 2.5, '', ' ', 'five', null, undefined, Number.NaN, true]) {
			expect(parseSmallCellThreshold(bad)).toBeNull();
		}
	});
});

describe('a small number', () => {
	test('is above zero and below the threshold: zero and the threshold itself are shown', () => {
		expect([0, 1, 4, 4.9, 5, 6].map((n) => isSmallNumber(n, 5))).toEqual([
			false,
			true,
			true,
			true,
			false,
			false
		]);
		expect(isSmallNumber(null, 5)).toBe(false);
		expect(isSmallNumber(9, 10)).toBe(true);
	});
});

describe('the people a cell reveals', () => {
	test('a count is its value', () => {
		expect(peopleIn('count', count(3))).toEqual([3]);
		expect(isSmallCell('count', count(3), 5)).toBe(true);
		expect(isSmallCell('count', count(12), 5)).toBe(false);
	});

	test('a rate is judged by its count, not by the rate', () => {
		// 2.5 per 100,000 of 400,000 people is 10 victims: not small
		const rate = { value: 2.5, numerator: 10, denominator: 400_000 };
		expect(peopleIn('per_100k', rate)).toEqual([10]);
		expect(isSmallCell('per_100k', rate, 5)).toBe(false);
		// 40 per 100,000 of 5,000 people is 2 victims: small
		expect(isSmallCell('per_100k', { value: 40, numerator: 2, denominator: 5000 }, 5)).toBe(true);
	});

	test('a percentage reveals who said yes, who was asked and who said no', () => {
		expect(peopleIn('percent', { value: 93.75, numerator: 30, denominator: 32 })).toEqual([
			30, 32, 2
		]);
		expect(isSmallCell('percent', { value: 93.75, numerator: 30, denominator: 32 }, 5)).toBe(true);
		expect(isSmallCell('percent', { value: 50, numerator: 20, denominator: 40 }, 5)).toBe(false);
	});

	test('without its pair, a percentage or rate is judged by its value: on the safe side', () => {
		expect(isSmallCell('percent', count(3), 5)).toBe(true);
		expect(isSmallCell('per_100k', count(0.8), 5)).toBe(true);
	});

	test('a computed amount gives its pair as the numbers', () => {
		expect(amountNumbers({ value: 40, pair: [2, 5000] }, 40)).toEqual({
			value: 40,
			numerator: 2,
			denominator: 5000
		});
		expect(amountNumbers(null, null)).toEqual(count(null));
	});
});

describe('what is shown for a hidden cell', () => {
	test('the threshold in words, on pages and in exports', () => {
		expect(suppressedText('small', 5)).toBe('< 5');
		expect(suppressedText('small', 10)).toBe('< 10');
		expect(suppressedExportText('small', 5)).toBe('<5');
		expect(suppressedExplanation('small', 5)).toBe('fewer than 5, hidden to protect identities');
		expect(suppressedText('complement', 5)).toBe('hidden');
		expect(suppressedExportText('complement', 5)).toBe('hidden');
		expect(suppressedExplanation('complement', 5)).toMatch(/worked out from the total/);
	});
});

test('raw figures only for a cleared reader who asks', () => {
	expect(rawFiguresFor({ cleared: true }, true)).toBe(true);
	expect(rawFiguresFor({ cleared: true }, false)).toBe(false);
	expect(rawFiguresFor({ cleared: false }, true)).toBe(false);
	expect(rawFiguresFor({ cleared: false }, false)).toBe(false);
});

describe('a stored figure', () => {
	const restricted = { sensitivity: 'restricted', measure: 'count' } as const;
	const figure = (dimensions: Record<string, string>, value: number, valueType = 'actual') => ({
		...count(value),
		valueType,
		dimensions
	});

	test('is hidden when it is a small, disaggregated actual of a restricted indicator', () => {
		expect(hidesFigure(restricted, figure({ sex: 'female' }, 3), 5)).toBe(true);
	});

	test('is shown when it is a total, a target, zero, large enough, or not restricted', () => {
		expect(hidesFigure(restricted, figure({}, 3), 5)).toBe(false);
		expect(hidesFigure(restricted, figure({ sex: 'female' }, 3, 'target'), 5)).toBe(false);
		expect(hidesFigure(restricted, figure({ sex: 'female' }, 0), 5)).toBe(false);
		expect(hidesFigure(restricted, figure({ sex: 'female' }, 5), 5)).toBe(false);
		for (const sensitivity of ['public', 'internal'] as const) {
			expect(hidesFigure({ ...restricted, sensitivity }, figure({ sex: 'female' }, 3), 5)).toBe(
				false
			);
		}
	});
});

describe('a breakdown', () => {
	const PERIODS = ['2024-01', '2024-02'];
	const category = (name: string, values: (number | null)[]) => ({
		category: name,
		points: values.map((v, n): BreakdownCellInput => ({
			period: PERIODS[n]!,
			start: `${PERIODS[n]}-01`,
			end: `${PERIODS[n]}-28`,
			actual: v,
			numbers: count(v)
		}))
	});
	const shown = (result: ReturnType<typeof suppressBreakdown>) =>
		result.map((c) => c.points.map((p) => p.suppressed ?? p.actual));

	test('hides small cells without their number; zero, missing and large cells stay', () => {
		const result = suppressBreakdown(
			'count',
			[category('armed group', [3, 0]), category('state forces', [2, null])],
			5
		);
		expect(shown(result)).toEqual([
			['small', 0],
			['small', null]
		]);
		expect(result[0]!.points[0]).toEqual({
			period: '2024-01',
			start: '2024-01-01',
			end: '2024-01-28',
			actual: null,
			suppressed: 'small'
		});
		expect(JSON.stringify(result)).not.toMatch(/"actual":[23]\b/);
	});

	test('a lone small cell of a count takes the smallest other non-zero cell with it', () => {
		// without it: the total 3 + 9 + 20 = 32 minus 9 and 20 gives the 3
		const result = suppressBreakdown(
			'count',
			[category('a', [3, 8]), category('b', [9, 7]), category('c', [20, 0])],
			5
		);
		expect(shown(result)).toEqual([
			['small', 8],
			['complement', 7],
			[20, 0]
		]);
	});

	test('rates add up across categories too; percentages do not, so need no complement', () => {
		const rates = [category('child', [3, 10]), category('adult', [12, 10])];
		expect(shown(suppressBreakdown('per_100k', rates, 5))).toEqual([
			['small', 10],
			['complement', 10]
		]);
		expect(shown(suppressBreakdown('percent', rates, 5))).toEqual([
			['small', 10],
			[12, 10]
		]);
	});

	test('two small cells in a period hide each other: no complement needed', () => {
		const result = suppressBreakdown(
			'count',
			[category('a', [3, 8]), category('b', [4, 7]), category('c', [20, 9])],
			5
		);
		expect(shown(result)).toEqual([
			['small', 8],
			['small', 7],
			[20, 9]
		]);
	});

	test('the threshold decides', () => {
		const result = suppressBreakdown('count', [category('a', [7, 12])], 10);
		expect(shown(result)).toEqual([['small', 12]]);
	});
});
