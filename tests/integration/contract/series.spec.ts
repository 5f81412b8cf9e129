/**
 * formats.md §3 `series`: granularity, buckets, ranges, partial buckets and the JSON payload,
 * through the command line.
 */
import { describe, expect, test } from 'vitest';
import {
	FRAMEWORK,
	actuals,
	cpas,
	indicators,
	load,
	series,
	useTempDatabase
} from '../../helpers/contract';

useTempDatabase();

const SETUP = {
	'areas.csv': 'area_code,area_name\nN1,North One\nN2,North Two\n',
	'framework.csv': FRAMEWORK,
	'indicators.csv': indicators(
		'M,Monthly by default,PO1-IM1,situation,decrease,count,,,',
		'MO,Monthly,PO1-IM1,situation,decrease,count,,month,',
		'Q,Quarterly,PO1-IM1,situation,decrease,count,,quarter,',
		'H,Half-yearly,PO1-IM1,situation,decrease,count,,half,',
		'Y,Yearly,PO1-IM1,situation,decrease,count,,year,'
	)
};

describe('§3 series: granularity', () => {
	test.each([
		['M', 'month'],
		['MO', 'month'],
		['Q', 'quarter'],
		['H', 'half'],
		['Y', 'year']
	])('--by defaults to the frequency of %s (%s; month when unset)', async (code, by) => {
		await load(SETUP);
		await load({ 'obs.csv': `indicator_code,period,value\n${code},2024-08,1\n` });
		expect((await series(code)).by).toBe(by);
	});

	test.each([
		['month', '2024-08', '2024-08-01', '2024-08-31'],
		['quarter', '2024-Q3', '2024-07-01', '2024-09-30'],
		['half', '2024-H2', '2024-07-01', '2024-12-31'],
		['year', '2024', '2024-01-01', '2024-12-31'],
		['fy', 'FY2024/25', '2024-07-01', '2025-06-30']
	])('--by %s gives buckets labelled %s', async (by, label, start, end) => {
		await load(SETUP);
		await load({ 'obs.csv': 'indicator_code,period,value\nQ,2024-08,1\n' });
		const s = await series('Q', '--by', by, '--from', start, '--to', end);
		expect(s.by).toBe(by);
		expect(s.points).toEqual([
			{ period: label, start, end, partial: false, actual: 1, target: null, status: 'no_target' }
		]);
	});
});

describe('§3 series: buckets and range', () => {
	test('the JSON payload: indicator, area, by and points, with numbers or null', async () => {
		await load(SETUP);
		await load({
			'obs.csv':
				'indicator_code,period,area_code,value,value_type\nQ,2024-Q1,N1,12.5,\nQ,2024-Q1,,10,target\nQ,2024-Q3,N1,3,\n'
		});
		const s = await series('Q', '--area', 'N1');
		expect(s).toEqual({
			indicator: 'Q',
			area: 'N1',
			by: 'quarter',
			points: [
				{
					period: '2024-Q1',
					start: '2024-01-01',
					end: '2024-03-31',
					partial: false,
					actual: 12.5,
					target: null,
					status: 'no_target'
				},
				{
					period: '2024-Q2',
					start: '2024-04-01',
					end: '2024-06-30',
					partial: false,
					actual: null,
					target: null,
					status: 'no_data'
				},
				{
					period: '2024-Q3',
					start: '2024-07-01',
					end: '2024-09-30',
					partial: false,
					actual: 3,
					target: null,
					status: 'no_target'
				}
			]
		});
		const mission = await series('Q');
		expect(mission.area).toBeNull();
		expect(mission.points[0]).toMatchObject({ actual: 12.5, target: 10, status: 'off_track' });
	});

	test('default range: the first to the last figure of the indicator, any area, type or verification', async () => {
		await load(SETUP);
		await load({
			'obs.csv': [
				'indicator_code,period,area_code,value,value_type,verification',
				'MO,2024-01,N2,4,actual,unverified',
				'MO,2024-03,N1,5,actual,verified',
				'MO,2024-05,,9,target,'
			].join('\n')
		});
		// even with --verified-only, January (an unverified actual) opens the range and May (a target) closes it
		const s = await series('MO', '--verified-only');
		expect(s.points.map((p) => [p.period, p.actual, p.target])).toEqual([
			['2024-01', null, null],
			['2024-02', null, null],
			['2024-03', 5, null],
			['2024-04', null, null],
			['2024-05', null, 9]
		]);
	});

	test('--from and --to take any period of §2: from the start of one to the end of the other', async () => {
		await load(SETUP);
		await load({
			'obs.csv':
				'indicator_code,period,value\nMO,2024-03,1\nMO,2024-04,2\nMO,2024-06,3\nMO,2024-07,4\n'
		});
		expect(await actuals('MO', '--from', '2024-Q2', '--to', '2024-06')).toEqual({
			'2024-04': 2,
			'2024-05': null,
			'2024-06': 3
		});
		expect(Object.keys(await actuals('MO', '--from', 'FY2023/24', '--to', '2024H1'))).toEqual([
			'2023-07',
			'2023-08',
			'2023-09',
			'2023-10',
			'2023-11',
			'2023-12',
			'2024-01',
			'2024-02',
			'2024-03',
			'2024-04',
			'2024-05',
			'2024-06'
		]);
	});

	test('a bucket extending beyond the range is listed, computed from the figures inside it, and partial', async () => {
		await load(SETUP);
		await load({
			'obs.csv': [
				'indicator_code,period,value',
				'MO,2024-01,1',
				'MO,2024-02,2',
				'MO,2024-03,4',
				'MO,2024-04,8',
				'MO,2024-05,16'
			].join('\n')
		});
		const s = await series('MO', '--by', 'quarter', '--from', '2024-02', '--to', '2024-04');
		// Q1 from February and March only: 2 + 4; Q2 from April only: 8
		expect(s.points.map((p) => [p.period, p.start, p.end, p.partial, p.actual])).toEqual([
			['2024-Q1', '2024-01-01', '2024-03-31', true, 6],
			['2024-Q2', '2024-04-01', '2024-06-30', true, 8]
		]);
		const whole = await series('MO', '--by', 'quarter', '--from', '2024-Q1', '--to', '2024-Q2');
		expect(whole.points.map((p) => [p.partial, p.actual])).toEqual([
			[false, 7],
			[false, 24]
		]);
	});

	test('with the default range, a bucket reaching beyond the first or last figure is partial', async () => {
		await load(SETUP);
		await load({ 'obs.csv': 'indicator_code,period,value\nQ,2024-02,1\nQ,2024-05,2\n' });
		// the range is 2024-02-01 to 2024-05-31; Q1 and Q2 both extend beyond it
		const s = await series('Q');
		expect(s.points.map((p) => [p.period, p.partial, p.actual])).toEqual([
			['2024-Q1', true, 1],
			['2024-Q2', true, 2]
		]);
	});

	test('an indicator without figures has no points', async () => {
		await load(SETUP);
		expect((await series('Q')).points).toEqual([]);
	});

	test.each([
		[['--by', 'week'], 2],
		[['--from', '2024-Q5'], 2],
		[['--to', 'Q1'], 2],
		[['--from', '2024-03', '--to', '2024-01'], 2],
		[['--area', 'NOPE'], 1]
	])('series Q %j exits %i and prints a message, not JSON', async (args, expected) => {
		await load(SETUP);
		const r = await cpas('series', 'Q', ...args, '--json');
		expect(r.code).toBe(expected);
		expect(r.stdout).toBe('');
		expect(r.stderr.length).toBeGreaterThan(10);
	});
});
