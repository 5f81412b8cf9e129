/**
 * HXL tag rows on import (docs/formats.md "HXL"), on a real database: a tag row under the
 * header is no data row but keeps its line, a header of hashtags reads as the contract's
 * columns, the kind comes from the tags, a bad tag refuses the file, a data row starting with
 * `#` stays data; lists whose rules name columns by hashtag (ACLED's tags).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { sourceFromPath } from '../../../src/lib/server/imports/source';
import { importLists } from '../../../src/lib/server/lists/import-lists';
import { FIXTURES, csv, fixture, freshDb, importBasic } from '../../helpers/db';
import { listMission, storedFigures } from '../../helpers/lists';

const admin = LOCAL_ADMINISTRATOR;
let db: Db;

function figures(code: string): string[] {
	return (
		db.$client
			.prepare(
				`SELECT o.period || ' ' || coalesce(a.code, '-') || ' ' || printf('%g', o.value) AS f
				 FROM observations o JOIN indicators i ON i.id = o.indicator_id
				 LEFT JOIN areas a ON a.id = o.area_id WHERE i.code = ? ORDER BY 1`
			)
			.all(code) as { f: string }[]
	).map((r) => r.f);
}

describe('a tag row in a contract file', () => {
	beforeEach(async () => {
		db = freshDb();
		await importBasic(db);
	});

	test('under the header: not a data row, and the next row is line 3', async () => {
		const report = await importFiles(db, admin, [
			csv(
				'obs.csv',
				'indicator_code,period,area_code,value\n' +
					'#indicator+code,#date+period,#loc+code,#indicator+value+num\n' +
					'K1,2024-05,N1,12\n' +
					'K1,2024-13,N1,3\n'
			)
		]);
		expect(report.ok).toBe(false);
		const [file] = report.files;
		expect(file!.kind).toBe('observations');
		expect(file!.rows).toBe(2);
		expect(file!.errors).toEqual([
			expect.objectContaining({ line: 4, column: 'period', value: '2024-13' })
		]);
		const fixed = await importFiles(db, admin, [
			csv(
				'obs.csv',
				'indicator_code,period,area_code,value\n' +
					'#indicator+code,#date+period,#loc+code,#indicator+value+num\n' +
					'K1,2024-05,N1,12\n'
			)
		]);
		expect(fixed.files[0]).toMatchObject({ rows: 1, inserted: 1, errors: [] });
		expect(figures('K1')).toContain('2024-05 N1 12');
	});

	test('a header of hashtags is read as the contract columns, in any case and order', async () => {
		const report = await importFiles(db, admin, [
			csv(
				'tagged.csv',
				'#Indicator+Code,#date+PERIOD,#loc+code,#indicator+NUM+value,#indicator+dimension+sex\n' +
					'K1,2024-06,N2,4,female\n' +
					'K1,2024-06,N2,zz,male\n'
			)
		]);
		expect(report.files[0]!.kind).toBe('observations');
		// the header is line 1, the records lines 2 and 3; the column is named as the contract's
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({ line: 3, column: 'value', value: 'zz' })
		]);
	});

	test('kinds come from tags: areas tagged by level take the finest level', async () => {
		const report = await importFiles(db, admin, [
			csv(
				'admin.csv',
				'ADM1_PCODE,ADM1_EN,ADM2_PCODE,ADM2_EN\n' +
					'#adm1+code,#adm1+name,#adm2+code,#adm2+name\n' +
					'N,North,N3,North Three\n'
			)
		]);
		expect(report.files[0]).toMatchObject({ kind: 'areas', rows: 1, inserted: 1 });
	});

	test('an HDX-shaped file: names of its own, tags by level, #date+reported as the period', async () => {
		const report = await importFiles(db, admin, [fixture('hxl', 'hdx-indicators.csv')]);
		expect(report.ok).toBe(true);
		expect(report.files[0]).toMatchObject({ kind: 'observations', rows: 2, inserted: 2 });
		expect(figures('K1')).toEqual(expect.arrayContaining(['2024-03 N1 6', '2024-03 N2 2']));
	});

	test('a tag row with a bad tag refuses the file on line 2, naming column and tag', async () => {
		const report = await importFiles(db, admin, [fixture('hxl', 'broken-tag-row-bad-tag.csv')]);
		expect(report.ok).toBe(false);
		expect(report.files[0]!.errors).toEqual([
			{
				line: 2,
				column: 'area_code',
				value: '#adm 2+code',
				message: expect.stringContaining('not an HXL hashtag')
			}
		]);
	});

	test('a data row whose first cell starts with # is data, never a tag row', async () => {
		const report = await importFiles(db, admin, [
			csv('areas.csv', 'area_name,area_code\n#hash,H1\nPlain,H2\n')
		]);
		expect(report.files[0]).toMatchObject({ kind: 'areas', rows: 2, inserted: 2 });
	});

	test('a column tagged as a person’s contact is refused as personal data, whatever its header', async () => {
		const report = await importFiles(db, admin, [
			csv(
				'obs.csv',
				'indicator_code,period,value,Focal point\n' +
					'#indicator+code,#date+period,#indicator+value+num,#contact+name\n' +
					'K1,2024-05,3,Someone\n'
			)
		]);
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({
				line: 1,
				column: 'Focal point #contact+name',
				message: expect.stringContaining('looks like personal data')
			})
		]);
	});

	test('a file of only a header and its tag row has no rows', async () => {
		const report = await importFiles(db, admin, [
			csv(
				'obs.csv',
				'indicator_code,period,value\n#indicator+code,#date+period,#indicator+value+num\n'
			)
		]);
		expect(report.files[0]).toMatchObject({ kind: 'observations', rows: 0, errors: [] });
	});
});

describe('a tagged list, its rules naming columns by hashtag (ACLED)', () => {
	beforeEach(async () => {
		db = freshDb();
		await listMission(db);
	});

	test('imports by its rules; a second import changes nothing', async () => {
		const rules = await importFiles(db, admin, [fixture('hxl', 'acled-rules.csv')]);
		expect(rules.ok).toBe(true);
		const report = await importLists(db, admin, 'acled', [fixture('hxl', 'acled-events.csv')]);
		expect(report.ok).toBe(true);
		const [file] = report.files;
		expect(file!.rows).toBe(5);
		expect(file!.rules).toEqual([
			{ indicator: 'CIV', matched: 3, figures: 4 },
			{ indicator: 'DEATHS', matched: 4, figures: 2 }
		]);
		expect(storedFigures(db, 'CIV')).toEqual(
			expect.arrayContaining([
				expect.stringContaining('2024-01 N1'),
				expect.stringContaining('2024-02 N1')
			])
		);
		// deaths: 2 + 5 + 1 in North One, 0 in North Two (the protest is left out), one quarter
		expect(figures('DEATHS')).toEqual(['2024-Q1 N1 8', '2024-Q1 N2 0']);
		const again = await importLists(db, admin, 'acled', [fixture('hxl', 'acled-events.csv')]);
		expect(again.files[0]).toMatchObject({ inserted: 0, updated: 0 });
	});

	test('a list column tagged with an email address is refused as personal data', async () => {
		await importFiles(db, admin, [fixture('hxl', 'acled-rules.csv')]);
		const list =
			'date,area,type,reporter\n#date+occurred,#adm2+name,#event+type,#contact+email\n' +
			'2024-01-03,North One,Battles,someone@example.org\n';
		const report = await importLists(db, admin, 'acled', [csv('l.csv', list)]);
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({ column: 'reporter #contact+email' })
		]);
	});

	test('rules may keep naming the header columns of a tagged list', async () => {
		await importFiles(db, admin, [
			csv(
				'rules.csv',
				'source,indicator_code,value,date_column,area_column,where\n' +
					'acled,DEATHS,sum(fatalities),event_date,admin2,event_type=Battles\n'
			)
		]);
		const report = await importLists(db, admin, 'acled', [fixture('hxl', 'acled-events.csv')]);
		expect(report.ok).toBe(true);
		expect(figures('DEATHS')).toEqual(['2024-Q1 N1 5', '2024-Q1 N2 0']);
	});

	test('a rule naming a hashtag the list lacks refuses it, naming rule and tag', async () => {
		await importFiles(db, admin, [fixture('hxl', 'broken-rule-missing-hashtag.csv')]);
		const report = await importLists(db, admin, 'acled', [fixture('hxl', 'acled-events.csv')]);
		expect(report.ok).toBe(false);
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({
				line: 1,
				column: '#affected+injured',
				message: expect.stringMatching(/acled → DEATHS .*#affected\+injured/)
			})
		]);
	});

	test('a hashtag rule on a list without a tag row says the list has none', async () => {
		await importFiles(db, admin, [fixture('hxl', 'acled-rules.csv')]);
		const plain = 'event_date,admin2,event_type,fatalities\n2024-01-03,North One,Battles,1\n';
		const report = await importLists(db, admin, 'acled', [csv('plain.csv', plain)]);
		expect(report.ok).toBe(false);
		expect(report.files[0]!.errors[0]!.message).toContain('no HXL tag row');
	});

	test('equally close tags make the hashtag ambiguous', async () => {
		await importFiles(db, admin, [
			csv(
				'rules.csv',
				'source,indicator_code,value,date_column,area_column\nacled,CIV,count,#date+occurred,#adm2\n'
			)
		]);
		const list = 'date,code,name\n#date+occurred,#adm2+code,#adm2+name\n2024-01-03,N1,North One\n';
		const report = await importLists(db, admin, 'acled', [csv('l.csv', list)]);
		expect(report.files[0]!.errors[0]!.message).toMatch(/#adm2\+code.*#adm2\+name/);
	});

	test('an .xlsx list with its tag row reads as the CSV does', async () => {
		await importFiles(db, admin, [fixture('hxl', 'acled-rules.csv')]);
		const text = readFileSync(join(FIXTURES, 'hxl', 'acled-events.csv'), 'utf8');
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Export');
		for (const row of Papa.parse<string[]>(text.trim()).data) sheet.addRow(row);
		const dir = mkdtempSync(join(tmpdir(), 'cpas-hxl-xlsx-'));
		try {
			const path = join(dir, 'acled.xlsx');
			await book.xlsx.writeFile(path);
			const report = await importLists(db, admin, 'acled', [sourceFromPath(path, 'acled.xlsx')]);
			expect(report.files[0]!.errors).toEqual([]);
			expect(report.files[0]).toMatchObject({ rows: 5 });
			expect(figures('DEATHS')).toEqual(['2024-Q1 N1 8', '2024-Q1 N2 0']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
