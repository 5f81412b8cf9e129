/**
 * formats.md §1.7 "What is refused, and what is reported": a refused file writes nothing, its
 * errors name line, column, value and message, problems not on one line have line null, and
 * there is never a stack trace. (The many kinds of broken files are in
 * tests/integration/imports/refusals.spec.ts.)
 */
import { describe, expect, test } from 'vitest';
import {
	FRAMEWORK,
	cpas,
	exportCsv,
	file,
	importTexts,
	indicators,
	load,
	useTempDatabase
} from '../../helpers/contract';

useTempDatabase();

const SETUP = {
	'areas.csv': 'area_code,area_name\nN1,North One\n',
	'framework.csv': FRAMEWORK,
	'indicators.csv': indicators(
		'C,Incidents,PO1-IM1,situation,decrease,count,,month,',
		'P,% feeling safe,PO1-IM1,perception,increase,percent,,month,'
	)
};

describe('§1.7 refusals', () => {
	test('a file with any error is refused whole: its good rows are not written either', async () => {
		await load(SETUP);
		const { code, report } = await importTexts({
			'obs.csv':
				'indicator_code,period,value\nC,2024-01,1\nC,2024-02,2\nC,2024-03,-3\nC,2024-04,4\n'
		});
		expect(code).toBe(1);
		expect(report.ok).toBe(false);
		expect((await exportCsv('observations')).stdout.trim().split('\n')).toHaveLength(1);
	});

	test('every error names line, column, the offending value and a plain-words message', async () => {
		await load(SETUP);
		const { report } = await importTexts({
			'obs.csv': [
				'indicator_code,period,area_code,value',
				'C,2024-01,N1,abc',
				'C,2024-01,N7,1',
				'Cx,2024-01,N1,1',
				'C,2024-02,N1,-1',
				'P,2024-02,N1,101',
				'C,2024-Q5,N1,1'
			].join('\n')
		});
		expect(report.files[0]!.errors.map((e) => [e.line, e.column, e.value])).toEqual([
			[2, 'value', 'abc'],
			[3, 'area_code', 'N7'],
			[4, 'indicator_code', 'Cx'],
			[5, 'value', '-1'],
			[6, 'value', '101'],
			[7, 'period', '2024-Q5']
		]);
		for (const e of report.files[0]!.errors) {
			expect(Object.keys(e).sort()).toEqual(['column', 'line', 'message', 'value']);
			expect(e.message).toMatch(/^[A-Z"].* .* /);
		}
	});

	test.each([
		['an empty file', ''],
		['a file of blank lines', '\n\n  \n'],
		['a file that is not text', 'PK\u0003\u0004\u0000\u0000binary'],
		['an unclosed quote', 'indicator_code,period,value\n"C,2024-01,1\nC,2024-02,1\n'],
		['an unknown kind', 'code,when,amount\nC,2024-01,1\n']
	])('%s is refused with line null and a message', async (_, text) => {
		await load(SETUP);
		const { code, report } = await importTexts({ 'f.csv': text });
		expect(code).toBe(1);
		expect(report.files[0]!.errors).toEqual([
			{ line: null, column: null, value: null, message: expect.stringMatching(/\w+ \w+ \w+/) }
		]);
	});

	test('a missing required column is on line 1 and names the column', async () => {
		await load(SETUP);
		const { report } = await importTexts({ 'obs.csv': 'indicator_code,value\nC,1\n' });
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({ line: 1, column: 'period' })
		]);
		expect(report.files[0]!.errors[0]!.message).toContain('period');
	});

	test('never a stack trace, in JSON or in plain words', async () => {
		await load(SETUP);
		const files = [
			file('a.csv', ''),
			file('b.csv', 'indicator_code,period,value\n"C,2024-01,1\n'),
			file('c.csv', 'indicator_code,period,value\nC,2024-01,1e999\n'),
			file('d.csv', Buffer.from([0xff, 0xfe, 0x00, 0xd8]))
		];
		for (const json of [[], ['--json']]) {
			const r = await cpas('import', ...files, ...json);
			expect(r.code).toBe(1);
			expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|Error:/);
		}
	});
});
