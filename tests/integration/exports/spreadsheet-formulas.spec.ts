/**
 * Every CSV file and workbook the app writes marks text a spreadsheet would run as a formula
 * (docs/security.md), keeps numbers as numbers, and the contract's exports still import back
 * unchanged.
 */
import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { exportKind } from '../../../src/lib/server/exports/export-files';
import { seriesCsv } from '../../../src/lib/server/exports/series-csv';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { loadIptt } from '../../../src/lib/server/reports/iptt/iptt';
import { ipttWorkbook } from '../../../src/lib/server/reports/iptt/iptt-xlsx';
import { rbbCsv } from '../../../src/lib/server/reports/rbb/csv';
import { loadRbbReport } from '../../../src/lib/server/reports/rbb/load-report';
import { rbbWorkbook } from '../../../src/lib/server/reports/rbb/xlsx';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { csv, freshDb } from '../../helpers/db';
import { readWorkbook } from '../../helpers/xlsx';

const admin = LOCAL_ADMINISTRATOR;
const TITLE = '=HYPERLINK("http://x")';
const COMMENT = '@team check this';

const MISSION = [
	csv('areas.csv', 'area_code,area_name,population\nN,-North-,100000\n'),
	csv(
		'framework.csv',
		[
			'result_code,result_level,result_title,parent_result',
			'PO1,objective,+Civilians protected,',
			'PO1-IM1,impact,Threat reduced,PO1'
		].join('\n')
	),
	csv(
		'indicators.csv',
		[
			'indicator_code,indicator_title,result_code,category,direction,measure,frequency,baseline_value,baseline_period',
			`NET,"${TITLE.replace(/"/g, '""')}",PO1-IM1,situation,increase,number,month,-2.5,FY2022/23`
		].join('\n')
	),
	csv(
		'observations.csv',
		[
			'indicator_code,period,area_code,value,value_type,comment',
			`NET,2023-07,N,-5,,${COMMENT}`,
			'NET,2023-08,N,-0.25,,',
			'NET,FY2023/24,,-1,target,'
		].join('\n')
	)
];

async function mission(): Promise<Db> {
	const db = freshDb();
	const report = await importFiles(db, admin, MISSION);
	expect(report.ok, JSON.stringify(report.files.map((f) => f.errors))).toBe(true);
	return db;
}

function exported(db: Db, kind: string): string {
	const result = exportKind(db, admin, kind);
	if (!result.ok) throw new Error(result.message);
	return [...result.chunks].join('');
}

function cells(text: string): string[][] {
	return Papa.parse<string[]>(text.trim(), { header: false }).data;
}

test('the contract exports mark formula text and keep negative numbers as numbers', async () => {
	const db = await mission();
	const indicators = cells(exported(db, 'indicators'));
	expect(indicators[1]![1]).toBe(`'${TITLE}`);
	expect(indicators[1]![9]).toBe('-2.5');
	const observations = cells(exported(db, 'observations'));
	const header = observations[0]!;
	const july = observations.find((r) => r[1] === '2023-07')!;
	expect(july[header.indexOf('value')]).toBe('-5');
	expect(july[header.indexOf('comment')]).toBe(`'${COMMENT}`);
	expect(observations.find((r) => r[1] === '2023-08')![header.indexOf('value')]).toBe('-0.25');
	expect(cells(exported(db, 'framework'))[1]![2]).toBe("'+Civilians protected");
	expect(cells(exported(db, 'areas'))[1]![1]).toBe("'-North-");
});

test('the contract exports import back with 0 inserted and 0 updated, the values as they were', async () => {
	const db = await mission();
	const files = ['areas', 'framework', 'indicators', 'observations'].map((kind) =>
		csv(`${kind}.csv`, exported(db, kind))
	);
	const back = await importFiles(db, admin, files);
	expect(back.ok, JSON.stringify(back.files.map((f) => f.errors))).toBe(true);
	expect(back.files.map((f) => [f.inserted, f.updated])).toEqual(files.map(() => [0, 0]));
	const title = db.$client.prepare('SELECT title FROM indicators WHERE code = ?').get('NET') as {
		title: string;
	};
	expect(title.title).toBe(TITLE);
	const comment = db.$client
		.prepare("SELECT comment FROM observations WHERE comment IS NOT NULL AND comment <> ''")
		.get() as { comment: string };
	expect(comment.comment).toBe(COMMENT);
});

test('the series CSV writes negative figures as numbers', async () => {
	const db = await mission();
	const outcome = loadSeries(db, admin, 'NET', { by: 'month' });
	if (!outcome.ok) throw new Error(outcome.message);
	const rows = cells(seriesCsv(outcome.series));
	const july = rows.find((r) => r[3] === '2023-07')!;
	expect(july[7]).toBe('-5');
});

test('the IPTT workbook marks the title as text and keeps figures as numbers', async () => {
	const db = await mission();
	const outcome = loadIptt(db, admin, { by: 'month' });
	if (!outcome.ok) throw new Error(outcome.message);
	const book = await readWorkbook(await ipttWorkbook(outcome.iptt, '=IPTT'));
	const sheet = book.getWorksheet('IPTT')!;
	expect(sheet.getRow(1).getCell(1).value).toBe("'=IPTT");
	const row = sheet.getRow(3);
	expect(row.getCell(3).value).toBe(`'${TITLE}`);
	expect(row.getCell(9).value).toBe(-2.5);
	const values = (row.values as unknown[]).filter((v) => typeof v === 'number');
	expect(values).toContain(-5);
});

test('the RBB report, as CSV and as a workbook, marks the title as text', async () => {
	const db = await mission();
	const loaded = loadRbbReport(db, admin, 'FY2023/24');
	if (!loaded.ok) throw new Error(loaded.message);
	const text = rbbCsv(loaded.report);
	expect(cells(text).some((r) => r.includes(`'${TITLE}`))).toBe(true);
	expect(cells(text).some((r) => r.includes(TITLE))).toBe(false);

	const book = await readWorkbook(await rbbWorkbook(loaded.report));
	const strings: unknown[] = [];
	const numbers: unknown[] = [];
	book.eachSheet((sheet) =>
		sheet.eachRow((row) =>
			row.eachCell((cell) => (typeof cell.value === 'number' ? numbers : strings).push(cell.value))
		)
	);
	expect(strings).toContain(`'${TITLE}`);
	expect(strings).not.toContain(TITLE);
	expect(numbers).toContain(-2.5);
});
