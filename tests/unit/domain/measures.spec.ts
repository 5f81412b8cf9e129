import { describe, expect, test } from 'vitest';
import {
	combineAreas,
	combineDimensionRows,
	combineOverTime,
	figureAmount,
	shownValue,
	type Amount,
	type FigureInput,
	type TimedAmount
} from '$lib/domain/measures';

function input(f: Partial<FigureInput>): FigureInput {
	return { value: null, numerator: null, denominator: null, sampleSize: null, ...f };
}

function pair(num: number, den: number, base = 100): Amount {
	return { value: (base * num) / den, pair: [num, den] };
}

function plain(value: number): Amount {
	return { value, pair: null };
}

function rate(count: number, population: number): Amount {
	return pair(count, population, 100_000);
}

function timed(amount: Amount, start: string, end: string): TimedAmount {
	return { amount, start, end };
}

const JAN = ['2024-01-01', '2024-01-31'] as const;
const FEB = ['2024-02-01', '2024-02-29'] as const;
const MAR = ['2024-03-01', '2024-03-31'] as const;

describe('figureAmount: count and number', () => {
	test('the value, without a pair', () => {
		expect(figureAmount('count', input({ value: 12 }), null)).toEqual({ value: 12, pair: null });
		expect(figureAmount('number', input({ value: 3.5 }), 1000)).toEqual({
			value: 3.5,
			pair: null
		});
	});

	test('no value, no amount', () => {
		expect(figureAmount('count', input({}), null)).toBeNull();
		expect(figureAmount('number', input({}), null)).toBeNull();
	});
});

describe('figureAmount: percent', () => {
	test('a given (numerator, denominator) pair; value = 100 x num / den', () => {
		// 100 x 30 / 120 = 25
		expect(figureAmount('percent', input({ numerator: 30, denominator: 120 }), null)).toEqual({
			value: 25,
			pair: [30, 120]
		});
	});

	test('the shown value is exact where the arithmetic is: 29 of 100 is 29, 7 of 100 is 7', () => {
		expect(figureAmount('percent', input({ numerator: 29, denominator: 100 }), null)?.value).toBe(
			29
		);
		expect(figureAmount('percent', input({ numerator: 7, denominator: 100 }), null)?.value).toBe(7);
		// 100 x 1 / 3 = 33.33...
		expect(
			figureAmount('percent', input({ numerator: 1, denominator: 3 }), null)?.value
		).toBeCloseTo(33.333333, 5);
	});

	test('the pair wins over a value given alongside', () => {
		expect(
			figureAmount('percent', input({ value: 99, numerator: 1, denominator: 4 }), null)
		).toEqual({ value: 25, pair: [1, 4] });
	});

	test('a value with a sample size n implies (value x n / 100, n)', () => {
		// 40 % of 250 -> (100, 250)
		expect(figureAmount('percent', input({ value: 40, sampleSize: 250 }), null)).toEqual({
			value: 40,
			pair: [100, 250]
		});
	});

	test('a value without a sample size (or a zero one) has no pair', () => {
		expect(figureAmount('percent', input({ value: 40 }), null)).toEqual({ value: 40, pair: null });
		expect(figureAmount('percent', input({ value: 40, sampleSize: 0 }), null)).toEqual({
			value: 40,
			pair: null
		});
	});

	test('the population is not used for a percentage', () => {
		expect(figureAmount('percent', input({ value: 40 }), 500_000)).toEqual({
			value: 40,
			pair: null
		});
	});

	test('nothing given, no amount', () => {
		expect(figureAmount('percent', input({}), null)).toBeNull();
	});
});

describe('figureAmount: per_100k', () => {
	test('numerator and denominator: (count, P) = (numerator, denominator)', () => {
		// 100 000 x 25 / 500 000 = 5
		expect(figureAmount('per_100k', input({ numerator: 25, denominator: 500_000 }), null)).toEqual({
			value: 5,
			pair: [25, 500_000]
		});
	});

	test('a numerator without denominator is over the area population', () => {
		// 100 000 x 13 / 200 000 = 6.5
		expect(figureAmount('per_100k', input({ numerator: 13 }), 200_000)).toEqual({
			value: 6.5,
			pair: [13, 200_000]
		});
	});

	test('a ready rate value is converted via the population: (value x P / 100 000, P)', () => {
		// 12.5 x 400 000 / 100 000 = 50 -> (50, 400 000), shown 12.5
		expect(figureAmount('per_100k', input({ value: 12.5 }), 400_000)).toEqual({
			value: 12.5,
			pair: [50, 400_000]
		});
	});

	test('the denominator overrides the area population', () => {
		// (10, 50 000): 100 000 x 10 / 50 000 = 20, whatever the area population
		expect(
			figureAmount('per_100k', input({ numerator: 10, denominator: 50_000 }), 999_999)
		).toEqual({ value: 20, pair: [10, 50_000] });
		// value 8 over the denominator 250 000: count 8 x 250 000 / 100 000 = 20
		expect(figureAmount('per_100k', input({ value: 8, denominator: 250_000 }), 999_999)).toEqual({
			value: 8,
			pair: [20, 250_000]
		});
	});

	test('without any population a ready rate stands alone; a bare count has no amount', () => {
		expect(figureAmount('per_100k', input({ value: 7 }), null)).toEqual({ value: 7, pair: null });
		expect(figureAmount('per_100k', input({ numerator: 7 }), null)).toBeNull();
	});
});

describe('combineAreas', () => {
	test('nothing to combine is no point', () => {
		expect(combineAreas('count', [])).toBeNull();
		expect(combineAreas('percent', [])).toBeNull();
	});

	test('counts add: 3 + 4 + 5 = 12', () => {
		expect(combineAreas('count', [plain(3), plain(4), plain(5)])).toEqual(plain(12));
	});

	test('numbers take the plain mean: (10 + 20 + 60) / 3 = 30', () => {
		expect(combineAreas('number', [plain(10), plain(20), plain(60)])).toEqual(plain(30));
	});

	test('percentages add pairs, never average: (30 + 10) / (100 + 300) = 10 %', () => {
		// the mean of 30 % and 3.33 % would be 16.67 %
		expect(combineAreas('percent', [pair(30, 100), pair(10, 300)])).toEqual({
			value: 10,
			pair: [40, 400]
		});
	});

	test('a percentage part without a pair makes the combination the plain mean', () => {
		// (30 + 50) / 2 = 40
		expect(combineAreas('percent', [pair(30, 100), plain(50)])).toEqual(plain(40));
	});

	test('rates per 100 000 add counts and populations: 30 / 500 000 = 6', () => {
		// 20 / 100 000 = 20 and 10 / 400 000 = 2.5; the mean of rates would be 11.25
		expect(combineAreas('per_100k', [rate(20, 100_000), rate(10, 400_000)])).toEqual({
			value: 6,
			pair: [30, 500_000]
		});
	});

	test('a rate part without a pair makes the combination the plain mean', () => {
		// (20 + 4) / 2 = 12
		expect(combineAreas('per_100k', [rate(20, 100_000), plain(4)])).toEqual(plain(12));
	});
});

describe('combineOverTime: count and number', () => {
	const items = [
		timed(plain(6), ...FEB),
		timed(plain(9), ...MAR),
		timed(plain(3), ...JAN)
	] as const;

	test('count defaults to sum: 6 + 9 + 3 = 18', () => {
		expect(combineOverTime('count', null, items)).toEqual(plain(18));
	});

	test('number defaults to mean: 18 / 3 = 6', () => {
		expect(combineOverTime('number', null, items)).toEqual(plain(6));
	});

	test.each([
		['sum', 18],
		['mean', 6],
		['max', 9],
		['min', 3],
		// March is the latest period, though it is not last in the list
		['last', 9]
	] as const)('aggregation %s', (aggregation, expected) => {
		expect(combineOverTime('count', aggregation, items)).toEqual(plain(expected));
		expect(combineOverTime('number', aggregation, items)).toEqual(plain(expected));
	});

	test('last takes the latest period, not the last listed', () => {
		expect(
			combineOverTime('number', 'last', [timed(plain(2), ...MAR), timed(plain(7), ...JAN)])
		).toEqual(plain(2));
	});

	test('nothing to combine is no point', () => {
		expect(combineOverTime('count', 'sum', [])).toBeNull();
	});
});

describe('combineOverTime: percent and per_100k', () => {
	test('percent pairs add numerators and denominators: (10 + 30) / (50 + 150) = 20 %', () => {
		expect(
			combineOverTime('percent', null, [timed(pair(10, 50), ...JAN), timed(pair(30, 150), ...FEB)])
		).toEqual({ value: 20, pair: [40, 200] });
	});

	test('a percent part without a pair makes the combination the plain mean', () => {
		// (20 + 40) / 2 = 30
		expect(
			combineOverTime('percent', null, [timed(pair(10, 50), ...JAN), timed(plain(40), ...FEB)])
		).toEqual(plain(30));
	});

	test('per_100k counts add over the latest figure population: 30 / 250 000 = 12', () => {
		// not over the sum of populations (30 / 450 000 = 6.67)
		expect(
			combineOverTime('per_100k', null, [
				timed(rate(20, 250_000), ...FEB),
				timed(rate(10, 200_000), ...JAN)
			])
		).toEqual({ value: 12, pair: [30, 250_000] });
	});

	test('the aggregation is not used for percent and per_100k', () => {
		expect(
			combineOverTime('percent', 'last', [
				timed(pair(10, 50), ...JAN),
				timed(pair(30, 150), ...FEB)
			])
		).toEqual({ value: 20, pair: [40, 200] });
	});
});

describe('combineDimensionRows', () => {
	function row(figure: Partial<FigureInput>, amount: Amount) {
		return { figure: input(figure), amount };
	}

	test('count rows add; number rows take the mean; percent pairs add', () => {
		expect(
			combineDimensionRows(
				'count',
				[row({ value: 4 }, plain(4)), row({ value: 5 }, plain(5))],
				null
			)
		).toEqual(plain(9));
		expect(
			combineDimensionRows(
				'number',
				[row({ value: 4 }, plain(4)), row({ value: 8 }, plain(8))],
				null
			)
		).toEqual(plain(6));
		// (3 + 9) / (10 + 30) = 30 %
		expect(
			combineDimensionRows(
				'percent',
				[
					row({ numerator: 3, denominator: 10 }, pair(3, 10)),
					row({ numerator: 9, denominator: 30 }, pair(9, 30))
				],
				null
			)
		).toEqual({ value: 30, pair: [12, 40] });
	});

	test('per_100k rows all with a denominator: counts over the sum of denominators', () => {
		// (6 + 4) / (100 000 + 150 000) = 10 / 250 000 = 4, the area population is not used
		expect(
			combineDimensionRows(
				'per_100k',
				[
					row({ numerator: 6, denominator: 100_000 }, rate(6, 100_000)),
					row({ numerator: 4, denominator: 150_000 }, rate(4, 150_000))
				],
				999_999
			)
		).toEqual({ value: 4, pair: [10, 250_000] });
	});

	test('per_100k rows not all with a denominator: counts over the area population once', () => {
		// (6 + 4) / 400 000 = 2.5
		expect(
			combineDimensionRows(
				'per_100k',
				[
					row({ numerator: 6, denominator: 100_000 }, rate(6, 100_000)),
					row({ numerator: 4 }, rate(4, 400_000))
				],
				400_000
			)
		).toEqual({ value: 2.5, pair: [10, 400_000] });
	});

	test('per_100k ready rates without denominators: counts over the population once', () => {
		// female 3 / 100k of 200 000 -> 6, male 5 / 100k -> 10; 16 / 200 000 = 8
		expect(
			combineDimensionRows(
				'per_100k',
				[row({ value: 3 }, rate(6, 200_000)), row({ value: 5 }, rate(10, 200_000))],
				200_000
			)
		).toEqual({ value: 8, pair: [16, 200_000] });
	});

	test('no rows, no point', () => {
		expect(combineDimensionRows('per_100k', [], 100)).toBeNull();
		expect(combineDimensionRows('count', [], null)).toBeNull();
	});
});

describe('shownValue', () => {
	test('the value of an amount', () => {
		expect(shownValue(plain(4))).toBe(4);
		expect(shownValue(pair(1, 4))).toBe(25);
	});

	test('null for no amount, or a zero denominator', () => {
		expect(shownValue(null)).toBeNull();
		expect(shownValue(figureAmount('percent', input({ numerator: 0, denominator: 0 }), null))).toBe(
			null
		);
		expect(shownValue(combineAreas('percent', [pair(0, 0) as Amount]))).toBeNull();
	});
});
