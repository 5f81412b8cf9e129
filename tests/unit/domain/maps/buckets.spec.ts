import { describe, expect, test } from 'vitest';
import {
	chosenPeriod,
	mapPeriods,
	perHundredThousand,
	valueIn
} from '../../../../src/lib/domain/maps/buckets';
import type { SeriesPoint } from '../../../../src/lib/domain/series';

const point = (period: string, start: string, end: string, actual: number | null): SeriesPoint => ({
	period,
	start,
	end,
	partial: false,
	actual,
	target: null,
	status: 'no_data'
});
const JAN = ['2026-01', '2026-01-01', '2026-01-31'] as const;
const FEB = ['2026-02', '2026-02-01', '2026-02-28'] as const;
const MAR = ['2026-03', '2026-03-01', '2026-03-31'] as const;

describe('the buckets of a map', () => {
	const areas = [
		{ points: [point(...JAN, 4), point(...FEB, null)] },
		{ points: [point(...FEB, null), point(...MAR, null), point(...JAN, null)] }
	];

	test('are every bucket of the areas, earliest first, knowing which have figures', () => {
		expect(mapPeriods(areas).map((p) => [p.period, p.withData])).toEqual([
			['2026-01', true],
			['2026-02', false],
			['2026-03', false]
		]);
	});

	test('default to the latest with a figure; an unknown one asked for is said', () => {
		const periods = mapPeriods(areas);
		expect(chosenPeriod(periods, null)).toMatchObject({
			period: { period: '2026-01' },
			unknown: false
		});
		expect(chosenPeriod(periods, '2026-03')).toMatchObject({
			period: { period: '2026-03' },
			unknown: false
		});
		expect(chosenPeriod(periods, '1999-Q1')).toMatchObject({
			period: { period: '2026-01' },
			unknown: true
		});
		expect(chosenPeriod([], null)).toEqual({ period: null, unknown: false });
	});

	test('with no figure at all, the latest bucket', () => {
		const empty = mapPeriods([{ points: [point(...JAN, null), point(...FEB, null)] }]);
		expect(chosenPeriod(empty, null).period?.period).toBe('2026-02');
	});
});

describe("an area's figure", () => {
	test('is its point in the bucket; none is null, and zero is zero', () => {
		const points = [point(...JAN, 0), point(...FEB, null), point(...MAR, Number.NaN)];
		expect(valueIn(points, '2026-01')).toBe(0);
		expect(valueIn(points, '2026-02')).toBeNull();
		expect(valueIn(points, '2026-03')).toBeNull();
		expect(valueIn(points, '2026-04')).toBeNull();
	});

	test('per 100,000 people needs a population', () => {
		expect(perHundredThousand(12, 100_000)).toBe(12);
		expect(perHundredThousand(3, 300_000)).toBe(1);
		expect(perHundredThousand(0, 50_000)).toBe(0);
		expect(perHundredThousand(5, null)).toBeNull();
		expect(perHundredThousand(5, 0)).toBeNull();
		expect(perHundredThousand(null, 1000)).toBeNull();
	});
});
