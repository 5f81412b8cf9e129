import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { BASIC, csv, freshDb, importBasic, tableCounts } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;

describe('importing the four kinds', () => {
	test('files given in any order are applied in dependency order in one call', async () => {
		const db = freshDb();
		const report = await importFiles(db, admin, [...BASIC].reverse());
		expect(report.ok).toBe(true);
		expect(report.files.map((f) => [f.file, f.kind, f.rows, f.inserted])).toEqual([
			['observations.csv', 'observations', 9, 9],
			['indicators.csv', 'indicators', 3, 3],
			['framework.csv', 'framework', 3, 3],
			['areas.csv', 'areas', 4, 4]
		]);
		expect(tableCounts(db)).toMatchObject({
			areas: 4,
			area_populations: 3,
			results: 3,
			indicators: 3,
			observations: 9,
			import_batches: 4
		});
	});

	test('importing the same files again changes nothing', async () => {
		const db = freshDb();
		await importBasic(db);
		const again = await importBasic(db);
		expect(again.ok).toBe(true);
		for (const f of again.files) {
			expect([f.inserted, f.updated, f.unchanged]).toEqual([0, 0, f.rows]);
		}
	});

	test('a changed figure is updated and its previous version goes to the history', async () => {
		const db = freshDb();
		await importBasic(db);
		const report = await importFiles(db, admin, [
			csv('fix.csv', 'indicator_code,period,area_code,value\nK1,2024-01,N1,6\nK1,2024-03,N1,2\n')
		]);
		expect(report.files[0]).toMatchObject({ inserted: 1, updated: 1, unchanged: 0 });
		const history = db.$client.prepare('SELECT * FROM observation_history').all() as {
			previous: string;
			replaced_by_batch_id: number;
		}[];
		expect(history).toHaveLength(1);
		expect(JSON.parse(history[0]!.previous)).toMatchObject({ value: 5, verification: 'verified' });
		// verification was absent from the file, so the stored value is kept
		const row = db.$client
			.prepare(
				"SELECT value, verification FROM observations WHERE period = '2024-01' AND value = 6"
			)
			.get();
		expect(row).toEqual({ value: 6, verification: 'verified' });
	});

	test('a dry run reports the counts and writes nothing', async () => {
		const db = freshDb();
		const report = await importFiles(db, admin, BASIC, { dryRun: true });
		expect(report).toMatchObject({ ok: true, dryRun: true });
		expect(report.files.map((f) => f.inserted)).toEqual([4, 3, 3, 9]);
		expect(Object.values(tableCounts(db)).every((n) => n === 0)).toBe(true);
	});
});

describe('refusals write nothing', () => {
	test('one bad file refuses every file of the call', async () => {
		const db = freshDb();
		const bad = csv('bad.csv', 'indicator_code,period,value\nK1,2024-Q5,3\n');
		const report = await importFiles(db, admin, [...BASIC, bad]);
		expect(report.ok).toBe(false);
		expect(report.files[4]!.errors).toEqual([
			expect.objectContaining({ line: 2, column: 'period', value: '2024-Q5' })
		]);
		expect(Object.values(tableCounts(db)).every((n) => n === 0)).toBe(true);
	});

	test('every error of a file is reported with line, column and value', async () => {
		const db = freshDb();
		await importBasic(db);
		const before = tableCounts(db);
		const report = await importFiles(db, admin, [
			csv(
				'bad.csv',
				[
					'indicator_code,period,area_code,value,sex',
					'K1,2024-01,N1,abc,',
					'K1,2024-01,Nx,1,',
					'K1x,2024-01,N1,1,',
					'K1,2024-02,N2,-1,',
					'K2,2024-Q2,,101,',
					'K2,2024-Q2,N1,50,female',
					'K1,2024-04,N1,1,',
					'K1,2024-04,N1,2,'
				].join('\n')
			)
		]);
		const errors = report.files[0]!.errors.map((e) => [e.line, e.column, e.value]);
		expect(errors).toEqual([
			[2, 'value', 'abc'],
			[3, 'area_code', 'Nx'],
			[4, 'indicator_code', 'K1x'],
			[5, 'value', '-1'],
			[6, 'value', '101'],
			[7, 'sex', 'female'],
			[8, 'value', '1'],
			[9, 'value', '2']
		]);
		expect(report.files[0]!.errors[2]!.message).toContain('Did you mean K1');
		expect(report.files[0]!.errors[6]!.message).toContain('Line 9');
		expect(report.files[0]!.errors[7]!.message).toContain('Line 8');
		expect(tableCounts(db)).toEqual(before);
	});

	test.each([
		['empty file', '', null],
		['unclosed quote', 'indicator_code,period,value\n"K1,2024-01,3\n', null],
		['unknown kind', 'foo,bar\n1,2\n', null],
		['personal data', 'indicator_code,period,value,victim_name\nK1,2024-01,1,X\n', 1],
		['missing required column', 'indicator_code,indicator_title,result_code\nK9,T,PO1\n', 1]
	])('%s is refused with a clear message', async (_, text, line) => {
		const db = freshDb();
		const report = await importFiles(db, admin, [csv('f.csv', text)]);
		expect(report.ok).toBe(false);
		expect(report.files[0]!.errors[0]).toMatchObject({ line });
		expect(report.files[0]!.errors[0]!.message.length).toBeGreaterThan(20);
	});

	test('a binary file is "not a text file"', async () => {
		const db = freshDb();
		const report = await importFiles(db, admin, [
			{ name: 'x.xlsx', bytes: new Uint8Array([80, 75, 3, 4, 0, 0, 1]) }
		]);
		expect(report.files[0]!.errors[0]!.message).toMatch(/not a text file/);
	});

	test('a wrong parent level in a framework file is refused', async () => {
		const db = freshDb();
		await importBasic(db);
		const report = await importFiles(db, admin, [
			csv(
				'fw.csv',
				'result_code,result_level,result_title,parent_result\nPO1-OP1,output,Patrols,PO1-IM1\n'
			)
		]);
		expect(report.files[0]!.errors[0]).toMatchObject({
			line: 2,
			column: 'parent_result',
			value: 'PO1-IM1'
		});
		expect(report.files[0]!.errors[0]!.message).toContain('must be an outcome');
	});
});

describe('series after import', () => {
	test('counts add across areas; rates are Σcount/Σpopulation; percent Σnum/Σden', async () => {
		const db = freshDb();
		await importBasic(db);
		const k1 = loadSeries(db, admin, 'K1', { by: 'quarter' });
		// N1: 5 + 7, N2: female 3 + male 4 → 19; target 12 → 19 > 1.15 × 12 → off track
		expect(k1.ok && k1.series.points).toEqual([
			{
				period: '2024-Q1',
				start: '2024-01-01',
				end: '2024-03-31',
				partial: false,
				actual: 19,
				target: 12,
				status: 'off_track'
			}
		]);
		const rate = loadSeries(db, admin, '1.2.1');
		// (10 + 5) / (100 000 + 50 000) × 100 000 = 10
		expect(rate.ok && rate.series.points[0]!.actual).toBe(10);
		const verified = loadSeries(db, admin, 'K1', { by: 'quarter', verifiedOnly: true });
		// only N1's January figure is verified
		expect(verified.ok && verified.series.points[0]!.actual).toBe(5);
	});
});

test('changing a result level that would orphan its stored children is refused', async () => {
	const db = freshDb();
	await importBasic(db);
	// PO1-OC1 is an outcome under PO1-IM1; making PO1-IM1 an outcome leaves PO1-OC1 misplaced
	const report = await importFiles(db, LOCAL_ADMINISTRATOR, [
		csv(
			'fw.csv',
			'result_code,result_level,result_title,parent_result\nPO1-IM1,outcome,Threat reduced,PO1\n'
		)
	]);
	expect(report.ok).toBe(false);
	expect(report.files[0]!.errors.map((e) => [e.line, e.column])).toContainEqual([
		2,
		'result_level'
	]);
});

describe('encodings decided over the whole file, not its first megabyte', () => {
	/** A long observations file (well over 1 MB) whose last line is given as bytes. */
	function longFile(lastLine: Uint8Array): Uint8Array {
		const lines = ['indicator_code,period,area_code,value,comment'];
		for (let i = 0; i < 30000; i++) lines.push(`K1,2024-01,N1,5,${'x'.repeat(30)}`);
		const head = new TextEncoder().encode(lines.join('\n') + '\n');
		const out = new Uint8Array(head.length + lastLine.length);
		out.set(head);
		out.set(lastLine, head.length);
		return out;
	}

	// 30,001 lines read twice (the encoding is decided over the whole file): seconds on a busy machine
	test(
		'a Windows-1252 byte near the end is read as Windows-1252, and the file imported once',
		{
			timeout: 30_000
		},
		async () => {
			const db = freshDb();
			await importBasic(db);
			// "Région" with é as the single byte 0xE9: not UTF-8
			const last = new Uint8Array([
				...new TextEncoder().encode('K1,2024-02,N1,7,R'),
				0xe9,
				...new TextEncoder().encode('gion\n')
			]);
			const report = await importFiles(db, LOCAL_ADMINISTRATOR, [
				{ name: 'long.csv', bytes: longFile(last) }
			]);
			expect(report.ok).toBe(true);
			// K1 2024-01 and 2024-02 in N1 are stored without comment: the file updates both; its
			// 30,000 identical lines for 2024-01 count once
			expect(report.files[0]).toMatchObject({ rows: 30001, inserted: 0, updated: 2, unchanged: 0 });
			const row = db.$client
				.prepare("SELECT comment FROM observations WHERE period = '2024-02' AND value = 7")
				.get() as { comment: string };
			expect(row.comment).toBe('Région');
			expect(tableCounts(db).import_batches).toBe(5);
		}
	);

	test('a NUL byte near the end refuses the file as not text, and nothing is written', async () => {
		const db = freshDb();
		await importBasic(db);
		const before = tableCounts(db);
		const report = await importFiles(db, LOCAL_ADMINISTRATOR, [
			{ name: 'long.csv', bytes: longFile(new Uint8Array([0x4b, 0x31, 0x00, 0x0a])) }
		]);
		expect(report.ok).toBe(false);
		expect(report.files[0]!.errors).toEqual([expect.objectContaining({ line: null })]);
		expect(report.files[0]!.errors[0]!.message).toMatch(/not a text file/);
		expect(tableCounts(db)).toEqual(before);
	});
});
