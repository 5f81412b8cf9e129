/**
 * formats.md §1.5 "Keys and updates" and the counts of §1.7, through the command line:
 * natural-key upserts, absent and blank columns, the history, duplicates, overlaps, dry runs.
 */
import { describe, expect, test } from 'vitest';
import {
	FRAMEWORK,
	actuals,
	exportCsv,
	importTexts,
	indicators,
	load,
	query,
	useTempDatabase
} from '../../helpers/contract';

useTempDatabase();

const SETUP = {
	'areas.csv': 'area_code,area_name\nN1,North One\nN2,North Two\n',
	'framework.csv': FRAMEWORK,
	'indicators.csv': indicators(
		'C,Incidents,PO1-IM1,situation,decrease,count,,month,sex',
		'Q,Patrols,PO1-OP1,capacity,increase,count,,quarter,'
	)
};

const counts = (f: { rows: number; inserted: number; updated: number; unchanged: number }) => ({
	rows: f.rows,
	inserted: f.inserted,
	updated: f.updated,
	unchanged: f.unchanged
});

/** The observations export without its header, one string per figure. */
async function exportedRows(): Promise<string[]> {
	return (await exportCsv('observations')).stdout.trim().split('\n').slice(1);
}

describe('§1.5 natural key: insert, update, unchanged', () => {
	const FIRST = [
		'indicator_code,period,area_code,value',
		'C,2024-01,N1,5',
		'C,2024-01,N2,3',
		'C,2024-02,N1,7'
	].join('\n');

	test('a new key is inserted, the same row again is unchanged, a changed value updates', async () => {
		await load(SETUP);
		expect(counts((await load({ 'a.csv': FIRST })).files[0]!)).toEqual({
			rows: 3,
			inserted: 3,
			updated: 0,
			unchanged: 0
		});
		expect(counts((await load({ 'a.csv': FIRST })).files[0]!)).toEqual({
			rows: 3,
			inserted: 0,
			updated: 0,
			unchanged: 3
		});
		const second = [
			'indicator_code,period,area_code,value',
			'C,2024-01,N1,5', // unchanged
			'C,2024-01,N2,4', // updated 3 → 4
			'C,2024-03,N1,1' // inserted
		].join('\n');
		expect(counts((await load({ 'b.csv': second })).files[0]!)).toEqual({
			rows: 3,
			inserted: 1,
			updated: 1,
			unchanged: 1
		});
		// N1 5 + N2 4 = 9 in January; February untouched; March new
		expect(await actuals('C')).toEqual({ '2024-01': 9, '2024-02': 7, '2024-03': 1 });
	});

	test('the key is indicator, period, area, dimension values and value type', async () => {
		await load(SETUP);
		const { files } = await load({
			'a.csv': [
				'indicator_code,period,area_code,sex,value_type,value',
				'C,2024-01,N1,,actual,5',
				'C,2024-01,N2,,actual,5', // another area
				'C,2024-01,,,actual,5', // mission-wide
				'C,2024-01,N1,female,actual,5', // a dimension value
				'C,2024-01,N1,,target,5', // a target
				'C,2024-02,N1,,actual,5' // another period
			].join('\n')
		});
		expect(counts(files[0]!)).toEqual({ rows: 6, inserted: 6, updated: 0, unchanged: 0 });
	});

	test('the period is part of the key as its first and last day, however it is written', async () => {
		await load(SETUP);
		await load({ 'a.csv': 'indicator_code,period,value\nQ,2024-Q1,5\n' });
		const again = await load({ 'b.csv': 'indicator_code,period,value\nQ,2024q1,5\n' });
		expect(counts(again.files[0]!)).toEqual({ rows: 1, inserted: 0, updated: 0, unchanged: 1 });
		const range = await load({
			'c.csv': 'indicator_code,period,value\nQ,2024-01-01/2024-03-31,6\n'
		});
		expect(counts(range.files[0]!)).toEqual({ rows: 1, inserted: 0, updated: 1, unchanged: 0 });
	});

	test('a row is unchanged only when every column present in the file equals what is stored', async () => {
		await load(SETUP);
		await load({ 'a.csv': 'indicator_code,period,area_code,value\nC,2024-01,N1,5\n' });
		const withComment = await load({
			'b.csv': 'indicator_code,period,area_code,value,comment\nC,2024-01,N1,5,late report\n'
		});
		expect(counts(withComment.files[0]!)).toMatchObject({ updated: 1, unchanged: 0 });
		const same = await load({
			'b.csv': 'indicator_code,period,area_code,value,comment\nC,2024-01,N1,5,late report\n'
		});
		expect(counts(same.files[0]!)).toMatchObject({ updated: 0, unchanged: 1 });
	});

	test('columns absent from the file keep their stored values', async () => {
		await load(SETUP);
		await load({
			'a.csv':
				'indicator_code,period,area_code,value,verification,source,comment\nC,2024-01,N1,5,verified,JMAC,late report\n'
		});
		const update = await load({
			'b.csv': 'indicator_code,period,area_code,value\nC,2024-01,N1,6\n'
		});
		expect(counts(update.files[0]!)).toMatchObject({ updated: 1 });
		expect(await exportedRows()).toEqual([
			expect.stringMatching(/^C,2024-01,N1,6,actual,verified,,,,,,JMAC,late report,$/)
		]);
	});

	test('a blank cell in a present column clears the stored value', async () => {
		await load(SETUP);
		await load({
			'a.csv':
				'indicator_code,period,area_code,value,verification,comment\nC,2024-01,N1,5,verified,late report\n'
		});
		const cleared = await load({
			'b.csv': 'indicator_code,period,area_code,value,verification,comment\nC,2024-01,N1,5,,\n'
		});
		expect(counts(cleared.files[0]!)).toMatchObject({ updated: 1, unchanged: 0 });
		expect(await exportedRows()).toEqual([
			expect.stringMatching(/^C,2024-01,N1,5,actual,,,,,,,,,$/)
		]);
	});

	test('an update keeps the previous version in the history', async () => {
		await load(SETUP);
		await load({
			'a.csv': 'indicator_code,period,area_code,value,comment\nC,2024-01,N1,5,first count\n'
		});
		await load({
			'b.csv': 'indicator_code,period,area_code,value,comment\nC,2024-01,N1,6,recount\n'
		});
		const history = query<{ previous: string }>('SELECT previous FROM observation_history');
		expect(history).toHaveLength(1);
		expect(JSON.parse(history[0]!.previous)).toMatchObject({ value: 5, comment: 'first count' });
		// an unchanged row adds nothing to the history
		await load({
			'b.csv': 'indicator_code,period,area_code,value,comment\nC,2024-01,N1,6,recount\n'
		});
		expect(query('SELECT * FROM observation_history')).toHaveLength(1);
	});

	test('rows of the other kinds are inserted, updated or unchanged too', async () => {
		await load({ 'framework.csv': FRAMEWORK });
		const first = indicators(
			'C,Incidents,PO1-IM1,situation,decrease,count,,month,',
			'D,Displaced,PO1-IM1,situation,decrease,count,,month,'
		);
		expect(counts((await load({ 'i.csv': first })).files[0]!)).toEqual({
			rows: 2,
			inserted: 2,
			updated: 0,
			unchanged: 0
		});
		const second = indicators(
			'C,Incidents of violence,PO1-IM1,situation,decrease,count,,month,',
			'D,Displaced,PO1-IM1,situation,decrease,count,,month,'
		);
		expect(counts((await load({ 'i.csv': second })).files[0]!)).toEqual({
			rows: 2,
			inserted: 0,
			updated: 1,
			unchanged: 1
		});
		const fw = await load({ 'framework.csv': FRAMEWORK });
		expect(counts(fw.files[0]!)).toEqual({ rows: 4, inserted: 0, updated: 0, unchanged: 4 });
	});
});

describe('§1.5 duplicates within one file', () => {
	test('identical duplicate rows count once', async () => {
		await load(SETUP);
		const row = 'C,2024-01,N1,5';
		const text = `indicator_code,period,area_code,value\n${row}\n${row}\n`;
		expect(counts((await load({ 'a.csv': text })).files[0]!)).toEqual({
			rows: 2,
			inserted: 1,
			updated: 0,
			unchanged: 0
		});
		expect(await actuals('C')).toEqual({ '2024-01': 5 });
	});

	test('identical duplicate rows of an updated figure count once', async () => {
		await load(SETUP);
		await load({ 'a.csv': 'indicator_code,period,area_code,value\nC,2024-01,N1,5\n' });
		const text = 'indicator_code,period,area_code,value\nC,2024-01,N1,6\nC,2024-01,N1,6\n';
		expect(counts((await load({ 'b.csv': text })).files[0]!)).toEqual({
			rows: 2,
			inserted: 0,
			updated: 1,
			unchanged: 0
		});
	});

	test('identical duplicate rows of an unchanged figure count once', async () => {
		await load(SETUP);
		const text = 'indicator_code,period,area_code,value\nC,2024-01,N1,5\nC,2024-01,N1,5\n';
		await load({ 'a.csv': text });
		expect(counts((await load({ 'a.csv': text })).files[0]!)).toEqual({
			rows: 2,
			inserted: 0,
			updated: 0,
			unchanged: 1
		});
	});

	test('two rows with the same key and different content: an error on each line, naming the other', async () => {
		await load(SETUP);
		const { code, report } = await importTexts({
			'a.csv': [
				'indicator_code,period,area_code,value',
				'C,2024-01,N1,5', // line 2
				'C,2024-02,N1,1', // line 3
				'C,2024-01,N1,6' // line 4
			].join('\n')
		});
		expect(code).toBe(1);
		const errors = report.files[0]!.errors;
		expect(errors.map((e) => e.line)).toEqual([2, 4]);
		expect(errors[0]!.message).toContain('4');
		expect(errors[1]!.message).toContain('2');
		expect(await actuals('C')).toEqual({});
	});

	test('two rows with the same key and different content are an error even when one matches what is stored', async () => {
		await load(SETUP);
		await load({ 'a.csv': 'indicator_code,period,area_code,value\nC,2024-01,N1,5\n' });
		const { code, report } = await importTexts({
			'b.csv': 'indicator_code,period,area_code,value\nC,2024-01,N1,5\nC,2024-01,N1,6\n'
		});
		expect(report.files[0]!.errors.map((e) => e.line)).toEqual([2, 3]);
		expect(code).toBe(1);
		expect(await actuals('C')).toEqual({ '2024-01': 5 });
	});
});

describe('§1.5 overlapping periods', () => {
	test('two figures whose periods partly overlap are an error', async () => {
		await load(SETUP);
		const { code, report } = await importTexts({
			'a.csv': [
				'indicator_code,period,area_code,value',
				'C,2024-01-01/2024-02-15,N1,5',
				'C,2024-02-01/2024-03-31,N1,6'
			].join('\n')
		});
		expect(code).toBe(1);
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({ column: 'period', value: expect.stringMatching(/^2024-0/) })
		]);
	});

	test('a figure partly overlapping a stored one is an error; nested periods are not', async () => {
		await load(SETUP);
		await load({ 'a.csv': 'indicator_code,period,area_code,value\nQ,2024-Q1,N1,5\n' });
		// nested in the stored quarter, or in another area, or another type: fine
		await load({
			'b.csv': [
				'indicator_code,period,area_code,value,value_type',
				'Q,2024-01,N1,1,',
				'Q,2024,N1,9,',
				'Q,2024-03-01/2024-04-30,N2,1,',
				'Q,2024-03-01/2024-04-30,N1,1,target'
			].join('\n')
		});
		const { code, report } = await importTexts({
			'c.csv': 'indicator_code,period,area_code,value\nQ,2024-03-01/2024-04-30,N1,1\n'
		});
		expect(code).toBe(1);
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({ line: 2, column: 'period', value: '2024-03-01/2024-04-30' })
		]);
	});
});

describe('§1.7 counts and dry runs', () => {
	test('in a wide file rows are records and the counts are figures (non-blank cells)', async () => {
		await load(SETUP);
		const text = 'indicator_code,area_code,2024-01,2024-02,2024-03\nC,N1,1,2,3\nC,N2,4,,6\n';
		expect(counts((await load({ 'w.csv': text })).files[0]!)).toEqual({
			rows: 2,
			inserted: 5,
			updated: 0,
			unchanged: 0
		});
		const changed = 'indicator_code,area_code,2024-01,2024-02,2024-03\nC,N1,1,2,3\nC,N2,4,5,7\n';
		expect(counts((await load({ 'w.csv': changed })).files[0]!)).toEqual({
			rows: 2,
			inserted: 1,
			updated: 1,
			unchanged: 4
		});
	});

	test('rows counts non-blank data records only', async () => {
		await load(SETUP);
		const text = 'indicator_code,period,value\n\nC,2024-01,1\n,,\n\nC,2024-02,1\n\n';
		expect((await load({ 'a.csv': text })).files[0]!.rows).toBe(2);
	});

	test('a dry run reports the same counts as the real run, and writes nothing', async () => {
		await load(SETUP);
		await load({
			'a.csv': 'indicator_code,period,area_code,value\nC,2024-01,N1,5\nC,2024-01,N2,3\n'
		});
		const before = await exportedRows();
		const change = {
			'b.csv':
				'indicator_code,period,area_code,value\nC,2024-01,N1,5\nC,2024-01,N2,4\nC,2024-02,N1,1\n'
		};
		const dry = await importTexts(change, '--dry-run');
		expect(dry.code).toBe(0);
		expect(dry.report).toMatchObject({ ok: true, dryRun: true });
		expect(counts(dry.report.files[0]!)).toEqual({
			rows: 3,
			inserted: 1,
			updated: 1,
			unchanged: 1
		});
		expect(await exportedRows()).toEqual(before);
		expect(query('SELECT * FROM observation_history')).toHaveLength(0);

		const real = await importTexts(change);
		expect(real.report.dryRun).toBe(false);
		expect(counts(real.report.files[0]!)).toEqual(counts(dry.report.files[0]!));
	});

	test('when ok is false the counts say what would have been written', async () => {
		await load(SETUP);
		const { code, report } = await importTexts({
			'a.csv':
				'indicator_code,period,area_code,value\nC,2024-01,N1,5\nC,2024-01,N9,3\nC,2024-02,N1,1\n'
		});
		expect(code).toBe(1);
		expect(report.ok).toBe(false);
		expect(counts(report.files[0]!)).toEqual({ rows: 3, inserted: 2, updated: 0, unchanged: 0 });
		expect(await exportedRows()).toEqual([]);
	});
});
