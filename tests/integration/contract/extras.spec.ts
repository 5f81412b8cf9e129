/**
 * What the project adds to formats.md, beyond the contract (docs/formats.md "Beyond the
 * contract"): the dpo_code column, dimension category checks, the cap on reported errors, and
 * how a column that is no indicator's dimension is read.
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
	'framework.csv': FRAMEWORK,
	'indicators.csv': indicators(
		'C,Incidents,PO1-IM1,situation,decrease,count,,month,sex',
		'N,Response time,PO1-OC1,capacity,decrease,number,,month,'
	)
};

describe('beyond the contract', () => {
	test('indicators take a dpo_code column, kept and exported', async () => {
		await load({ 'framework.csv': FRAMEWORK });
		await load({
			'ind.csv':
				'indicator_code,indicator_title,result_code,category,direction,measure,dpo_code\nC,Incidents,PO1-IM1,situation,decrease,count,DPO-7\n'
		});
		const csv = (await exportCsv('indicators')).stdout;
		expect(csv.split('\n')[0]!.endsWith(',sensitivity,dpo_code')).toBe(true);
		expect(csv).toMatch(/^C,Incidents,.*,DPO-7$/m);
	});

	test('a new category of a dimension is accepted with a warning naming it', async () => {
		await load(SETUP);
		const { code, report } = await importTexts({
			'obs.csv':
				'indicator_code,period,value,sex\nC,2024-01,1,female\nC,2024-01,2,male\nC,2024-02,3,female\n'
		});
		expect(code).toBe(0);
		expect(report.files[0]!.warnings.map((w) => [w.line, w.column, w.value])).toEqual([
			[2, 'sex', 'female'],
			[3, 'sex', 'male']
		]);
	});

	test('a known category spelt differently ("Female" when "female" is known) is an error', async () => {
		await load(SETUP);
		await load({ 'a.csv': 'indicator_code,period,value,sex\nC,2024-01,1,female\n' });
		const { code, report } = await importTexts({
			'b.csv': 'indicator_code,period,value,sex\nC,2024-02,1,Female\n'
		});
		expect(code).toBe(1);
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({ line: 2, column: 'sex', value: 'Female' })
		]);
		expect(report.files[0]!.errors[0]!.message).toContain('"female"');
	});

	test('at most 1,000 errors are listed per file, with the count of all of them', async () => {
		await load(SETUP);
		const rows = Array.from({ length: 1500 }, (_, i) => `C,2024-01,-${i + 1}`);
		const path = file('many.csv', `indicator_code,period,value\n${rows.join('\n')}\n`);
		const json = await cpas('import', path, '--json');
		expect(json.code).toBe(1);
		const report = JSON.parse(json.stdout);
		expect(report.files[0].errors).toHaveLength(1000);
		expect(report.files[0].errorCount).toBe(1500);
		const text = await cpas('import', path);
		expect(text.stdout).toContain('and 500 more errors');
	});

	test('a column no indicator declares as a dimension is an unknown column: ignored, with a warning', async () => {
		await load(SETUP);
		const { code, report } = await importTexts({
			'obs.csv': 'indicator_code,period,value,region\nN,2024-01,3,east\n'
		});
		expect(code).toBe(0);
		expect(report.files[0]!.warnings.map((w) => w.message).join(' ')).toContain('region');
	});

	test('a column named twice in the header is refused on line 1', async () => {
		await load(SETUP);
		const { code, report } = await importTexts({
			'obs.csv': 'indicator_code,period,value,Value\nN,2024-01,3,4\n'
		});
		expect(code).toBe(1);
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({ line: 1, column: 'value' })
		]);
	});
});
