/**
 * formats.md §1.5 "Values travel as pairs" and "Computing one point", end to end: files in,
 * `cpas series --json` out. Every expected figure is worked out by hand in a comment.
 */
import { describe, expect, test } from 'vitest';
import {
	FRAMEWORK,
	actuals,
	indicators,
	load,
	series,
	useTempDatabase
} from '../../helpers/contract';

useTempDatabase();

/**
 * N1: 100 000 in 2023, 200 000 in 2025 · N2: 50 000, no year · N: none (its children's)
 * S: 150 000 in 2024. So in 2024: N1 100 000 (latest earlier year), N 150 000, mission 300 000.
 */
const AREAS = [
	'area_code,area_name,parent_area,area_level,population,population_year',
	'N,North,,province,,',
	'N1,North One,N,territory,100000,2023',
	'N1,North One,N,territory,200000,2025',
	'N2,North Two,N,territory,50000,',
	'S,South,,province,150000,2024'
].join('\n');

const SETUP = {
	'areas.csv': AREAS,
	'framework.csv': FRAMEWORK,
	'indicators.csv': indicators(
		'C,Incidents,PO1-IM1,situation,decrease,count,,month,sex;age',
		'NUM,Response time (days),PO1-OC1,capacity,decrease,number,,month,',
		'P,% feeling safe,PO1-IM1,perception,increase,percent,,month,sex',
		'R,Casualties per 100k,PO1-IM1,situation,decrease,per_100k,,quarter,sex',
		'A,Days to respond to an alert,PO1-OC1,capacity,decrease,average,,month,sex',
		// aggregation is not used for an average: accepted, as for percent, and ignored
		'AL,Days to respond (aggregation given),PO1-OC1,capacity,decrease,average,last,month,'
	)
};

/** Loads the mission and one observations file. */
async function given(observations: string[]): Promise<void> {
	await load(SETUP);
	await load({ 'obs.csv': observations.join('\n') });
}

const PERCENT_HEADER =
	'indicator_code,period,area_code,value,numerator,denominator,sample_size,sex';
const RATE_HEADER = 'indicator_code,period,area_code,value,numerator,denominator,sex';

describe('§1.5 percent: pairs (numerator, denominator)', () => {
	test('across areas the pairs add: Σnumerator / Σdenominator, never a mean of percentages', async () => {
		await given([PERCENT_HEADER, 'P,2024-01,N1,,30,50,,', 'P,2024-01,N2,,10,150,,']);
		// (30 + 10) / (50 + 150) = 20 %; the mean of 60 % and 6.7 % would be 33.3 %
		expect(await actuals('P')).toEqual({ '2024-01': 20 });
		expect(await actuals('P', '--area', 'N')).toEqual({ '2024-01': 20 });
	});

	test('a value with sample_size n travels as the pair (value × n / 100, n)', async () => {
		await given([PERCENT_HEADER, 'P,2024-01,N1,60,,,50,', 'P,2024-01,N2,10,,,150,']);
		// (30, 50) + (15, 150) = 45 / 200 = 22.5 %
		expect(await actuals('P')).toEqual({ '2024-01': 22.5 });
	});

	test('if any part has neither pair nor sample size, the combination is the plain mean', async () => {
		await given([PERCENT_HEADER, 'P,2024-01,N1,,30,50,,', 'P,2024-01,N2,10,,,,']);
		// N1 60 %, N2 10 % without a pair: (60 + 10) / 2 = 35 %
		expect(await actuals('P')).toEqual({ '2024-01': 35 });
	});

	test('over time one area’s pairs add: the quarter is Σnumerator / Σdenominator', async () => {
		await given([PERCENT_HEADER, 'P,2024-01,N1,,30,50,,', 'P,2024-02,N1,,10,150,,']);
		// (30 + 10) / (50 + 150) = 20 %
		expect(await actuals('P', '--by', 'quarter')).toEqual({ '2024-Q1': 20 });
	});
});

const AVERAGE_HEADER =
	'indicator_code,period,area_code,value,numerator,denominator,sample_size,sex';

describe('§1.5 average: pairs (total, items)', () => {
	test('across areas the pairs add: Σtotal / Σitems, weighted by the items, never a mean of means', async () => {
		// N1: 2 alerts answered in 10 days each; N2: 8 alerts in 1 day each
		await given([AVERAGE_HEADER, 'A,2024-01,N1,,20,2,,', 'A,2024-01,N2,,8,8,,']);
		// (20 + 8) / (2 + 8) = 2.8 days; the mean of the areas' means would be 5.5
		expect(await actuals('A')).toEqual({ '2024-01': 2.8 });
		expect(await actuals('A', '--area', 'N')).toEqual({ '2024-01': 2.8 });
		expect(await actuals('A', '--area', 'N1')).toEqual({ '2024-01': 10 });
	});

	test('a value with sample_size n travels as the pair (value × n, n)', async () => {
		await given([AVERAGE_HEADER, 'A,2024-01,N1,10,,,2,', 'A,2024-01,S,1,,,8,']);
		// (20, 2) + (8, 8) = 28 / 10 = 2.8
		expect(await actuals('A')).toEqual({ '2024-01': 2.8 });
	});

	test('a value without sample_size counts as one item, the pair (value, 1)', async () => {
		await given([AVERAGE_HEADER, 'A,2024-01,N1,,20,2,,', 'A,2024-01,S,7,,,,']);
		// (20, 2) + (7, 1) = 27 / 3 = 9 — unlike percent, not the plain mean (10 + 7) / 2
		expect(await actuals('A')).toEqual({ '2024-01': 9 });
	});

	test('numerator and denominator win over a value given too', async () => {
		await given([AVERAGE_HEADER, 'A,2024-01,N1,99,20,2,5,']);
		expect(await actuals('A')).toEqual({ '2024-01': 10 });
	});

	test('over time one area’s pairs add, whatever the aggregation', async () => {
		await given([
			AVERAGE_HEADER,
			'A,2024-01,N1,,20,2,,',
			'A,2024-02,N1,,8,8,,',
			'AL,2024-01,N1,,20,2,,',
			'AL,2024-02,N1,,8,8,,'
		]);
		// (20 + 8) / (2 + 8) = 2.8 for the quarter; `last` would give 1
		expect(await actuals('A', '--by', 'quarter')).toEqual({ '2024-Q1': 2.8 });
		expect(await actuals('AL', '--by', 'quarter')).toEqual({ '2024-Q1': 2.8 });
	});

	test('average rows of a dimension combine as areas combine: weighted by their items', async () => {
		await given([AVERAGE_HEADER, 'A,2024-01,N1,,20,2,,female', 'A,2024-01,N1,,8,8,,male']);
		expect(await actuals('A', '--area', 'N1')).toEqual({ '2024-01': 2.8 });
	});
});

describe('§1.5 per_100k: pairs (count, population)', () => {
	test('the population of the year the period starts, else the latest earlier, else the earliest later', async () => {
		await given([
			RATE_HEADER,
			'R,2022-Q1,N1,,10,,', // no 2022: earliest later year 2023 → 100 000 → 10
			'R,2024-Q1,N1,,10,,', // no 2024: latest earlier year 2023 → 100 000 → 10
			'R,2025-Q1,N1,,10,,' // 2025 → 200 000 → 5
		]);
		expect(await actuals('R', '--area', 'N1', '--by', 'year')).toEqual({
			'2022': 10,
			'2023': null,
			'2024': 10,
			'2025': 5
		});
	});

	test('the year is the one in which the figure’s period starts (FY2024/25 → 2024)', async () => {
		await given([RATE_HEADER, 'R,FY2024/25,N1,,10,,']);
		// starts July 2024 → N1's 2023 population 100 000 → 10 (2025's would give 5)
		expect(await actuals('R', '--area', 'N1', '--by', 'fy')).toEqual({ 'FY2024/25': 10 });
	});

	test('a population without a year is used when the area has none with a year', async () => {
		await given([RATE_HEADER, 'R,2024-Q1,N2,,10,,']);
		// N2: 50 000 (no year) → 10 / 50 000 × 100 000 = 20
		expect(await actuals('R', '--area', 'N2')).toEqual({ '2024-Q1': 20 });
	});

	test('a population without a year is not used when the area has one with a year', async () => {
		await load({
			'areas.csv':
				'area_code,area_name,population,population_year\nW,West,10000,\nW,West,20000,2024\n',
			'framework.csv': FRAMEWORK,
			'indicators.csv': indicators('R,T,PO1-IM1,situation,decrease,per_100k,,quarter,')
		});
		await load({ 'obs.csv': 'indicator_code,period,area_code,numerator\nR,2020-Q1,W,2\n' });
		// 2020: no 2020 or earlier year → the earliest later year, 2024: 2 / 20 000 × 100 000 = 10
		// (the population without a year would give 20)
		expect(await actuals('R', '--area', 'W')).toEqual({ '2020-Q1': 10 });
	});

	test('an area without a population takes the sum of its children’s; the mission that of the top-level areas', async () => {
		await given([
			RATE_HEADER,
			'R,2024-Q1,N,,30,,', // N in 2024: N1 100 000 + N2 50 000 = 150 000 → 20
			'R,2024-Q1,,,30,,', // mission in 2024: N 150 000 + S 150 000 = 300 000 → 10
			'R,2025-Q1,N,,30,,' // N in 2025: N1 200 000 + N2 50 000 = 250 000 → 12
		]);
		expect(await actuals('R', '--area', 'N')).toMatchObject({ '2024-Q1': 20, '2025-Q1': 12 });
		expect(await actuals('R')).toMatchObject({ '2024-Q1': 10 });
	});

	test('a ready rate travels as (value × P / 100 000, P); areas add counts and populations', async () => {
		await given([RATE_HEADER, 'R,2024-Q1,N1,12,,,', 'R,2024-Q1,N2,30,,,']);
		// N1: (12, 100 000); N2: (15, 50 000) → N: 27 / 150 000 × 100 000 = 18 (not (12 + 30) / 2 = 21)
		expect(await actuals('R', '--area', 'N')).toEqual({ '2024-Q1': 18 });
	});

	test('a row’s denominator is its population, before the area’s', async () => {
		await given([RATE_HEADER, 'R,2024-Q1,N1,,5,25000,', 'R,2024-Q1,N2,,5,,']);
		// N1: (5, 25 000) → 20; N: (5 + 5) / (25 000 + 50 000) × 100 000 = 13.33…
		expect(await actuals('R', '--area', 'N1')).toEqual({ '2024-Q1': 20 });
		expect((await actuals('R', '--area', 'N'))['2024-Q1']).toBeCloseTo(40 / 3, 10);
	});

	test('over time counts add and the latest figure’s population is used', async () => {
		await given([RATE_HEADER, 'R,2024-Q3,N1,,10,,', 'R,2025-Q1,N1,,10,,']);
		// FY2024/25: counts 10 + 10 = 20 over the latest figure's population (2025: 200 000) = 10
		expect(await actuals('R', '--area', 'N1', '--by', 'fy')).toEqual({ 'FY2024/25': 10 });
	});
});

describe('§1.5 count and number across areas', () => {
	test('count adds over the tree', async () => {
		await given([
			'indicator_code,period,area_code,value',
			'C,2024-01,N1,1',
			'C,2024-01,N2,2',
			'C,2024-01,S,4'
		]);
		// N = 1 + 2 = 3; mission = 3 + 4 = 7
		expect(await actuals('C')).toEqual({ '2024-01': 7 });
	});

	test('number takes the plain mean of the children’s points; children without a point are left out', async () => {
		await given([
			'indicator_code,period,area_code,value',
			'NUM,2024-01,N1,10',
			'NUM,2024-01,N2,20',
			'NUM,2024-01,S,60',
			'NUM,2024-02,N1,10',
			'NUM,2024-02,S,60'
		]);
		// January: N = (10 + 20) / 2 = 15; mission = (15 + 60) / 2 = 37.5 (not the mean of the leaves, 30)
		// February: N2 has no point: N = 10; mission = (10 + 60) / 2 = 35
		expect(await actuals('NUM')).toEqual({ '2024-01': 37.5, '2024-02': 35 });
	});
});

describe('§1.5 step 1: figures entirely inside the bucket', () => {
	test('a figure longer than the bucket, or crossing its edge, is not used for it', async () => {
		await given([
			'indicator_code,period,area_code,value',
			'C,2024,N1,50',
			'C,2024-02-15/2024-04-15,N1,7',
			'C,2024-05,N1,3'
		]);
		// by quarter: the year is too long, the range crosses Q1/Q2 → Q1 has nothing, Q2 = 3
		expect(await actuals('C', '--by', 'quarter')).toEqual({
			'2024-Q1': null,
			'2024-Q2': 3,
			'2024-Q3': null,
			'2024-Q4': null
		});
	});
});

describe('§1.5 step 2: dimensions', () => {
	const HEADER = 'indicator_code,period,area_code,value,sex,age';

	test('a total row is used when present', async () => {
		await given([HEADER, 'C,2024-01,N1,10,,', 'C,2024-01,N1,4,female,', 'C,2024-01,N1,5,male,']);
		// the total 10, not 4 + 5
		expect(await actuals('C')).toEqual({ '2024-01': 10 });
	});

	test('otherwise the rows with the fewest non-blank dimensions, combined', async () => {
		await given([
			HEADER,
			'C,2024-01,N1,1,female,child',
			'C,2024-01,N1,2,male,adult',
			'C,2024-01,N1,3,female,',
			'C,2024-01,N1,4,male,'
		]);
		// by sex only: 3 + 4 = 7 (the sex × age rows are not added)
		expect(await actuals('C')).toEqual({ '2024-01': 7 });
	});

	test('ties go to the dimension listed first in dimensions', async () => {
		await given([
			HEADER,
			'C,2024-01,N1,5,,child',
			'C,2024-01,N1,5,,adult',
			'C,2024-01,N1,1,female,',
			'C,2024-01,N1,1,male,'
		]);
		// sex is listed before age: 1 + 1 = 2 (not 5 + 5)
		expect(await actuals('C')).toEqual({ '2024-01': 2 });
	});

	test('chosen per area and per period', async () => {
		await given([
			HEADER,
			'C,2024-01,N1,10,,',
			'C,2024-01,N1,4,female,',
			'C,2024-01,N2,3,female,',
			'C,2024-01,N2,4,male,',
			'C,2024-02,N1,2,,child'
		]);
		// January: N1 total 10 + N2 by sex 3 + 4 = 17; February: N1 by age 2
		expect(await actuals('C')).toEqual({ '2024-01': 17, '2024-02': 2 });
	});

	test('percent rows combine as areas combine: the pairs add', async () => {
		await given([PERCENT_HEADER, 'P,2024-01,N1,,30,50,,female', 'P,2024-01,N1,,10,150,,male']);
		// (30 + 10) / (50 + 150) = 20 %
		expect(await actuals('P')).toEqual({ '2024-01': 20 });
	});

	test('per_100k rows: counts add over the sum of the rows’ denominators when every row has one', async () => {
		await given([RATE_HEADER, 'R,2024-Q1,N1,,3,30000,female', 'R,2024-Q1,N1,,2,20000,male']);
		// (3 + 2) / (30 000 + 20 000) × 100 000 = 10
		expect(await actuals('R', '--area', 'N1')).toEqual({ '2024-Q1': 10 });
	});

	test('per_100k rows: otherwise over the area’s population counted once', async () => {
		await given([RATE_HEADER, 'R,2024-Q1,N1,,3,,female', 'R,2024-Q1,N1,,2,,male']);
		// (3 + 2) / 100 000 × 100 000 = 5 (not over 200 000)
		expect(await actuals('R', '--area', 'N1')).toEqual({ '2024-Q1': 5 });
	});
});

describe('§1.5 step 3: nested periods', () => {
	test('a figure inside a longer figure’s period is dropped; the longer figure stands', async () => {
		await given([
			'indicator_code,period,area_code,value',
			'C,2024-Q1,N1,20',
			'C,2024-01,N1,5',
			'C,2024-02,N1,6',
			'C,2024-04,N1,3'
		]);
		// by quarter: Q1 = 20 (its months dropped), Q2 = 3
		expect(await actuals('C', '--by', 'quarter')).toEqual({ '2024-Q1': 20, '2024-Q2': 3 });
		// by year: 20 + 3 = 23, not 20 + 5 + 6 + 3
		expect(await actuals('C', '--by', 'year')).toEqual({ '2024': 23 });
		// by month the quarter is too long to be used, so the months show
		expect(await actuals('C', '--by', 'month')).toEqual({
			'2024-01': 5,
			'2024-02': 6,
			'2024-03': null,
			'2024-04': 3
		});
	});
});

describe('§1.5 step 4: time, by the indicator’s aggregation', () => {
	test.each([
		['count (default sum)', 'count', '', 2 + 9 + 7],
		['sum', 'count', 'sum', 18],
		['last: the figure with the latest period, not the last line', 'count', 'last', 7],
		['mean', 'count', 'mean', (2 + 9 + 7) / 3],
		['max', 'number', 'max', 9],
		['min', 'number', 'min', 2],
		['number (default mean)', 'number', '', 6]
	])('%s', async (_, measure, aggregation, expected) => {
		await load({
			'areas.csv': AREAS,
			'framework.csv': FRAMEWORK,
			'indicators.csv': indicators(`A,T,PO1-IM1,situation,decrease,${measure},${aggregation},,`)
		});
		await load({
			'obs.csv':
				'indicator_code,period,area_code,value\nA,2024-03,N1,7\nA,2024-01,N1,2\nA,2024-02,N1,9\n'
		});
		expect(await actuals('A', '--by', 'quarter')).toEqual({ '2024-Q1': expected });
	});
});

describe('§1.5 step 5: areas', () => {
	test('an area’s own figure is used and its children are not', async () => {
		await given([
			'indicator_code,period,area_code,value',
			'C,2024-01,N,100',
			'C,2024-01,N1,5',
			'C,2024-01,N2,6',
			'C,2024-01,S,4'
		]);
		// N = 100 (not 5 + 6); mission = 100 + 4
		expect(await actuals('C', '--area', 'N')).toEqual({ '2024-01': 100 });
		expect(await actuals('C')).toEqual({ '2024-01': 104 });
	});

	test('an own figure for part of a bucket: its children are not used for that bucket', async () => {
		await given([
			'indicator_code,period,area_code,value',
			'C,2024-01,N,1',
			'C,2024-01,N1,1',
			'C,2024-02,N1,1',
			'C,2024-03,N1,1',
			'C,2024-02,N2,5'
		]);
		// Q1: N has its own January figure → N = 1 (its children's 8 are not used)
		expect(await actuals('C', '--area', 'N', '--by', 'quarter')).toEqual({ '2024-Q1': 1 });
		// by month: January = N's own 1; February = N1 1 + N2 5 = 6; March = 1
		expect(await actuals('C', '--area', 'N', '--by', 'month')).toEqual({
			'2024-01': 1,
			'2024-02': 6,
			'2024-03': 1
		});
	});

	test('a mission-wide figure stands for the mission', async () => {
		await given(['indicator_code,period,area_code,value', 'C,2024-01,,50', 'C,2024-01,N1,5']);
		expect(await actuals('C')).toEqual({ '2024-01': 50 });
	});
});

describe('§1.5 targets', () => {
	test('targets combine like actuals', async () => {
		await given([
			'indicator_code,period,area_code,value,value_type',
			'C,2024-01,N1,5,actual',
			'C,2024-01,N1,4,target',
			'C,2024-02,N1,4,target',
			'C,2024-03,N1,4,target',
			'C,2024-01,N2,2,target'
		]);
		// Q1 target: N1 4 + 4 + 4 = 12, N2 2 → 14
		const s = await series('C', '--by', 'quarter');
		expect(s.points.map((p) => [p.period, p.actual, p.target])).toEqual([['2024-Q1', 5, 14]]);
	});

	test('--verified-only filters actuals, never targets', async () => {
		await given([
			'indicator_code,period,area_code,value,value_type,verification',
			'C,2024-01,N1,5,actual,verified',
			'C,2024-01,N2,3,actual,unverified',
			'C,2024-01,S,1,actual,',
			'C,2024-01,,10,target,unverified'
		]);
		const all = await series('C');
		expect(all.points.map((p) => [p.actual, p.target])).toEqual([[9, 10]]);
		const verified = await series('C', '--verified-only');
		expect(verified.points.map((p) => [p.actual, p.target])).toEqual([[5, 10]]);
	});
});
