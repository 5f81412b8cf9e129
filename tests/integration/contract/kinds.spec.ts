/**
 * formats.md §1.0 "Kind" (recognised from the header, in order) and §1.6 (observations, wide
 * form), through the command line.
 */
import { describe, expect, test } from 'vitest';
import {
	FRAMEWORK,
	actuals,
	importTexts,
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
		'C,Incidents,PO1-IM1,situation,decrease,count,,quarter,sex',
		'P,% feeling safe,PO1-IM1,perception,increase,percent,,quarter,'
	)
};

/** The kind the import recognises for a one-line header (dry run: nothing is written). */
async function kindOf(header: string): Promise<string | null> {
	const { report } = await importTexts({ 'f.csv': `${header}\n` }, '--dry-run');
	return report.files[0]!.kind;
}

describe('§1.0 kind, from the header, in order', () => {
	test('a result_level column makes a framework file, whatever else the header holds', async () => {
		expect(
			await kindOf('result_code,result_level,result_title,indicator_code,indicator_title,period')
		).toBe('framework');
		expect(await kindOf('Result Level,area_code,area_name')).toBe('framework');
	});

	test.each(['indicator_title', 'measure', 'category', 'direction'])(
		'indicator_code with %s makes an indicators file, even beside period and value',
		async (column) => {
			expect(await kindOf(`indicator_code,${column},period,value`)).toBe('indicators');
		}
	);

	test.each([
		['indicator_code,period', 'observations'],
		['indicator_code,value', 'observations'],
		['indicator_code,numerator', 'observations'],
		['indicator_code,area_code,2024-Q1,2024-Q2', 'observations'],
		['indicator_code,area_code,area_name,period,value', 'observations']
	])('"%s" is an %s file', async (header, kind) => {
		expect(await kindOf(header)).toBe(kind);
	});

	test.each([
		['area_code,area_name', 'areas'],
		['Area Code,AREA-NAME,population', 'areas'],
		// indicator_code without any column of indicators or observations: not those kinds
		['indicator_code,area_code,area_name', 'areas'],
		// §5.1: rules before the other kinds, though they have indicator_code and value
		['source,indicator_code,value,date_column,area_column', 'rules'],
		['Source,Indicator Code,Value,Date Column', 'rules'],
		// an observations file may have a source column: without date_column it is not rules
		['indicator_code,period,value,source', 'observations']
	])('"%s" is an %s file', async (header, kind) => {
		expect(await kindOf(header)).toBe(kind);
	});

	test.each(['foo,bar', 'area_code,value', 'indicator_code,comment', 'area_name,population'])(
		'"%s" is refused, line null, naming the four kinds and their required columns',
		async (header) => {
			const { code, report } = await importTexts({ 'f.csv': `${header}\nx,y\n` });
			expect(code).toBe(1);
			expect(report.files[0]!.kind).toBeNull();
			const [error] = report.files[0]!.errors;
			expect(error!.line).toBeNull();
			for (const word of ['areas', 'framework', 'indicators', 'observations']) {
				expect(error!.message).toContain(word);
			}
			for (const column of ['area_code', 'area_name', 'result_level', 'indicator_title']) {
				expect(error!.message).toContain(column);
			}
			expect(error!.message).toContain('period');
		}
	);

	test('a recognised file missing a required column is refused on line 1, naming the column', async () => {
		await load(SETUP);
		const { code, report } = await importTexts({ 'obs.csv': 'indicator_code,value\nC,3\n' });
		expect(code).toBe(1);
		expect(report.files[0]!.kind).toBe('observations');
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({ line: 1, column: 'period' })
		]);
	});
});

describe('§1.6 observations, wide form', () => {
	test('each non-blank cell under a period header is one actual figure', async () => {
		await load(SETUP);
		const { report } = await importTexts({
			'wide.csv': [
				'indicator_code,area_code,2024-Q1,2024-Q2,2024-Q3',
				'C,N1,1,2,',
				'C,N2,10,,30'
			].join('\n')
		});
		// 2 records, 4 non-blank cells
		expect(report.files[0]).toMatchObject({ kind: 'observations', rows: 2, inserted: 4 });
		expect(await actuals('C')).toEqual({ '2024-Q1': 11, '2024-Q2': 2, '2024-Q3': 30 });
		expect(await actuals('C', '--area', 'N2')).toEqual({
			'2024-Q1': 10,
			'2024-Q2': null,
			'2024-Q3': 30
		});
	});

	test('period headers are read from the raw text, case-insensitively, in any form of §2', async () => {
		await load(SETUP);
		const { report } = await importTexts({
			'wide.csv': [
				'Indicator Code,2024q1,2024-q2,2024-s2,fy2024/25,2025-01-01/2025-01-31',
				'C,1,2,40,100,7'
			].join('\n')
		});
		expect(report.files[0]).toMatchObject({ inserted: 5, errors: [] });
		// by half: H1 = Q1 + Q2 = 3; H2 is its own figure 40; 2025-H1 holds January: 7
		expect(await actuals('C', '--by', 'half')).toEqual({
			'2024-H1': 3,
			'2024-H2': 40,
			'2025-H1': 7
		});
		// the budget year is one figure of its own, labelled FY2024/25
		const fy = await series('C', '--by', 'fy');
		expect(fy.points.map((p) => [p.period, p.actual])).toEqual([
			['FY2023/24', 3],
			['FY2024/25', 100]
		]);
	});

	test('a value_type column does not make wide cells targets: each cell is an actual', async () => {
		await load(SETUP);
		const { report } = await importTexts({
			'wide.csv': 'indicator_code,value_type,2024-Q1\nC,target,5\n'
		});
		expect(report.files[0]!.warnings.map((w) => w.message).join(' ')).toContain('value_type');
		const s = await series('C');
		expect(s.points.map((p) => [p.actual, p.target])).toEqual([[5, null]]);
	});

	test('wide files take dimension columns, and numbers by the file’s delimiter', async () => {
		await load(SETUP);
		await load({
			'wide.csv': [
				'indicator_code;area_code;sex;2024-Q1;2024-Q2',
				'C;N1;female;1.200;3',
				'C;N1;male;800;4',
				'P;;;12,5%;50'
			].join('\n')
		});
		expect(await actuals('C')).toEqual({ '2024-Q1': 2000, '2024-Q2': 7 });
		expect(await actuals('P')).toEqual({ '2024-Q1': 12.5, '2024-Q2': 50 });
	});

	test('a bad cell is reported under its period header as written', async () => {
		await load(SETUP);
		const { code, report } = await importTexts({
			'wide.csv': 'indicator_code,2024q1,2024q2\nC,3,abc\nC,-1,\n'
		});
		expect(code).toBe(1);
		expect(report.files[0]!.errors.map((e) => [e.line, e.column, e.value])).toEqual([
			[2, '2024q2', 'abc'],
			[3, '2024q1', '-1']
		]);
	});
});
