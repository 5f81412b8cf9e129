/**
 * formats.md §2 "Period syntax", through the import and the series: every written form, its
 * label, its first and last day, and the refusals.
 */
import { describe, expect, test } from 'vitest';
import {
	FRAMEWORK,
	exportCsv,
	importTexts,
	indicators,
	load,
	query,
	series,
	useTempDatabase
} from '../../helpers/contract';

useTempDatabase();

const SETUP = {
	'framework.csv': FRAMEWORK,
	'indicators.csv': indicators('C,Incidents,PO1-IM1,situation,decrease,count,,,')
};

describe('§2 period syntax', () => {
	test.each([
		// written, --by, label, first day, last day
		['2024', 'year', '2024', '2024-01-01', '2024-12-31'],
		['2024-H1', 'half', '2024-H1', '2024-01-01', '2024-06-30'],
		['2024H1', 'half', '2024-H1', '2024-01-01', '2024-06-30'],
		['2024-S2', 'half', '2024-H2', '2024-07-01', '2024-12-31'],
		['2024S2', 'half', '2024-H2', '2024-07-01', '2024-12-31'],
		['2024-Q3', 'quarter', '2024-Q3', '2024-07-01', '2024-09-30'],
		['2024Q3', 'quarter', '2024-Q3', '2024-07-01', '2024-09-30'],
		['2024-07', 'month', '2024-07', '2024-07-01', '2024-07-31'],
		['FY2024/25', 'fy', 'FY2024/25', '2024-07-01', '2025-06-30'],
		['2024/25', 'fy', 'FY2024/25', '2024-07-01', '2025-06-30'],
		// letters are case-insensitive
		['2024h1', 'half', '2024-H1', '2024-01-01', '2024-06-30'],
		['2024-s2', 'half', '2024-H2', '2024-07-01', '2024-12-31'],
		['2024q3', 'quarter', '2024-Q3', '2024-07-01', '2024-09-30'],
		['fy2024/25', 'fy', 'FY2024/25', '2024-07-01', '2025-06-30']
	])(
		'"%s" is read; by %s it is the bucket %s, %s to %s',
		async (written, by, label, start, end) => {
			await load(SETUP);
			await load({ 'obs.csv': `indicator_code,period,value\nC,${written},7\n` });
			const s = await series('C', '--by', by);
			expect(s.points).toEqual([
				{ period: label, start, end, partial: false, actual: 7, target: null, status: 'no_target' }
			]);
			// stored as its first and last day, and exported with its label
			expect(query('SELECT period_start, period_end FROM observations')).toEqual([
				{ period_start: start, period_end: end }
			]);
			expect((await exportCsv('observations')).stdout).toContain(`C,${label},`);
		}
	);

	test('"2024-07-15" is one day: stored as that day, labelled as written, inside its month', async () => {
		await load(SETUP);
		await load({ 'obs.csv': 'indicator_code,period,value\nC,2024-07-15,3\n' });
		expect(query('SELECT period_start, period_end FROM observations')).toEqual([
			{ period_start: '2024-07-15', period_end: '2024-07-15' }
		]);
		expect((await exportCsv('observations')).stdout).toContain('C,2024-07-15,');
		expect((await series('C', '--by', 'month')).points[0]).toMatchObject({
			period: '2024-07',
			actual: 3,
			partial: true
		});
	});

	test('"2024-01-01/2024-03-31" is an explicit range: its label is as written', async () => {
		await load(SETUP);
		await load({
			'obs.csv':
				'indicator_code,period,value\nC,2024-01-01/2024-03-31,4\nC,2024-04-01/2024-04-20,1\n'
		});
		expect(query('SELECT period, period_start, period_end FROM observations ORDER BY 2')).toEqual([
			{ period: '2024-01-01/2024-03-31', period_start: '2024-01-01', period_end: '2024-03-31' },
			{ period: '2024-04-01/2024-04-20', period_start: '2024-04-01', period_end: '2024-04-20' }
		]);
		const csv = (await exportCsv('observations')).stdout;
		expect(csv).toContain('C,2024-01-01/2024-03-31,');
		expect(csv).toContain('C,2024-04-01/2024-04-20,');
		// the first range is exactly Q1, so it counts for Q1; the second lies inside Q2
		expect((await series('C', '--by', 'quarter')).points.map((p) => [p.period, p.actual])).toEqual([
			['2024-Q1', 4],
			['2024-Q2', 1]
		]);
	});

	test.each([
		'2024-Q5',
		'2024-13',
		'Q1',
		'2024/26',
		'2024-02-30',
		'2024-H3',
		'24-Q1',
		'March 2024',
		'2024-03-31/2024-01-01'
	])('"%s" is an error naming the accepted forms', async (written) => {
		await load(SETUP);
		const { code, report } = await importTexts({
			'obs.csv': `indicator_code,period,value\nC,${written},1\n`
		});
		expect(code).toBe(1);
		const [error] = report.files[0]!.errors;
		expect(error).toMatchObject({ line: 2, column: 'period', value: written });
		for (const form of [
			'2024-H1',
			'2024-Q3',
			'2024-07',
			'2024-07-15',
			'FY2024/25',
			'2024-01-01/2024-03-31'
		]) {
			expect(error!.message).toContain(form);
		}
	});
});
