/**
 * The HXL form of every CSV download (docs/formats.md "HXL"), on a real database: the series,
 * the breakdown, the IPTT's CSV form (the workbook's table), the RBB report, the action points
 * and the observations download of the indicator page and the API — each with its tag row under
 * the header when asked and none otherwise; the observations download imports back unchanged.
 */
import Papa from 'papaparse';
import { beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import { actionPointsCsv } from '../../../src/lib/server/action-points/export';
import type { Db } from '../../../src/lib/server/db';
import { breakdownCsv } from '../../../src/lib/server/exports/breakdown-csv';
import { exportKind } from '../../../src/lib/server/exports/export-files';
import { observationsDownload } from '../../../src/lib/server/exports/observations-download';
import { seriesCsv } from '../../../src/lib/server/exports/series-csv';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { loadIptt } from '../../../src/lib/server/reports/iptt/iptt';
import { ipttCsv } from '../../../src/lib/server/reports/iptt/iptt-csv';
import { ipttWorkbook } from '../../../src/lib/server/reports/iptt/iptt-xlsx';
import { rbbCsv } from '../../../src/lib/server/reports/rbb/csv';
import { loadRbbReport } from '../../../src/lib/server/reports/rbb/load-report';
import { loadBreakdown } from '../../../src/lib/server/series/breakdown';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { csv, fixture, freshDb, importBasic } from '../../helpers/db';
import { readWorkbook } from '../../helpers/xlsx';

const admin = LOCAL_ADMINISTRATOR;
const viewer: Actor = { username: 'victor', role: 'viewer', cleared: false };
let db: Db;

beforeEach(async () => {
	db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
});

const lines = (text: string) => text.split('\n');

describe('downloads with hxl', () => {
	test('series: the tag row under the header; none without hxl', () => {
		const loaded = loadSeries(db, admin, 'K1', { by: 'quarter' });
		if (!loaded.ok) throw new Error(loaded.message);
		const tagged = lines(seriesCsv(loaded.series, { hxl: true }));
		expect(tagged[0]).toBe('indicator,area,by,period,start,end,partial,actual,target,status');
		expect(tagged[1]).toBe(
			'#indicator+code,#loc+code,#frequency,#date+period,#date+start,#date+end,#meta+partial,' +
				'#indicator+actual+num,#indicator+target+num,#status'
		);
		expect(tagged[2]).toMatch(/^K1,/);
		expect(lines(seriesCsv(loaded.series))[1]).toMatch(/^K1,/);
	});

	test('breakdown', () => {
		const loaded = loadBreakdown(db, admin, 'K1', { by: 'month' }, 'sex');
		if (!loaded.ok) throw new Error(loaded.message);
		const tagged = lines(breakdownCsv(loaded.breakdown, { hxl: true }));
		expect(tagged[1]).toBe(
			'#indicator+code,#loc+code,#frequency,#indicator+dimension,#indicator+dimension+category,' +
				'#date+period,#date+start,#date+end,#indicator+actual+num'
		);
	});

	test('the IPTT as CSV: the workbook’s rows, keys for headers, three tagged columns a period', async () => {
		const loaded = loadIptt(db, admin, { by: 'quarter' });
		if (!loaded.ok) throw new Error(loaded.message);
		const { iptt } = loaded;
		const text = ipttCsv(iptt, { hxl: true });
		const [header, tags, ...rows] = Papa.parse<string[]>(text.trim()).data;
		const first = iptt.periods[0]!;
		expect(header!.slice(0, 2)).toEqual(['objective_code', 'indicator_code']);
		expect(header!.slice(10, 13)).toEqual([
			`${first}_target`,
			`${first}_actual`,
			`${first}_percent_met`
		]);
		expect(tags!.slice(0, 2)).toEqual(['#activity+code+objective', '#indicator+code']);
		expect(tags!.slice(10, 13)).toEqual([
			'#indicator+target+num',
			'#indicator+actual+num',
			'#indicator+met+pct'
		]);
		// the same rows as the workbook's (its header is two rows)
		const sheet = (await readWorkbook(await ipttWorkbook(iptt, 'IPTT'))).worksheets[0]!;
		const codes: string[] = [];
		sheet.eachRow((row, n) => void (n > 2 && codes.push(String(row.getCell(2).value))));
		expect(rows.map((r) => r[1])).toEqual(codes);
		expect(rows).toHaveLength(iptt.rows.length);
		expect(lines(ipttCsv(iptt))[1]).not.toMatch(/^#/);
	});

	test('the RBB report', () => {
		const loaded = loadRbbReport(db, admin, 'FY2023/24');
		if (!loaded.ok) throw new Error(loaded.message);
		const tagged = lines(rbbCsv(loaded.report, { hxl: true }));
		expect(tagged[0]).toMatch(/^objective_code,part,result_code/);
		expect(tagged[1]).toMatch(/^#activity\+code\+objective,#meta\+part,#activity\+code,/);
	});

	test('action points', async () => {
		const tagged = lines([...actionPointsCsv([], { hxl: 'actions' })].join(''));
		expect(tagged[1]).toMatch(/^#action\+code,#action\+origin,/);
	});
});

describe('observations, on the indicator page and the API', () => {
	const url = (q: string) => new URL(`http://localhost/x?${q}`);

	test('the same rows as cpas export observations --indicator, and hxl adds the tag row', async () => {
		const response = observationsDownload(db, admin, 'K1', url('hxl=1&raw=1'));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toContain('observations-K1-raw-hxl.csv');
		const text = await response.text();
		const cli = exportKind(db, admin, 'observations', { indicator: 'K1', raw: true, hxl: true });
		if (!cli.ok) throw new Error(cli.message);
		expect(text).toBe([...cli.chunks].join(''));
		expect(lines(text)[1]).toMatch(/^#indicator\+code,#date\+period,#loc\+code,/);
	});

	test('the download imports back with 0 inserted and 0 updated', async () => {
		for (const code of ['K1', 'K2', '1.2.1']) {
			const text = await observationsDownload(db, admin, code, url('hxl=1')).text();
			const again = await importFiles(db, admin, [csv(`${code}.csv`, text)]);
			expect(again.files[0], code).toMatchObject({
				kind: 'observations',
				inserted: 0,
				updated: 0,
				errors: []
			});
		}
	});

	test('an unknown indicator is a 404 with a JSON error; a viewer gets what a viewer sees', async () => {
		const missing = observationsDownload(db, viewer, 'NOPE', url('hxl=1'));
		expect(missing.status).toBe(404);
		expect(await missing.json()).toEqual({ error: 'Unknown indicator "NOPE".' });
		const all = await observationsDownload(db, viewer, undefined, url('')).text();
		expect(lines(all)[0]).toMatch(/^indicator_code,period,area_code,value/);
		expect(lines(all)[1]).not.toMatch(/^#/);
	});
});

test('the HDX-shaped fixture and our own tagged export agree on the table', async () => {
	const report = await importFiles(db, admin, [fixture('hxl', 'hdx-indicators.csv')]);
	expect(report.ok).toBe(true);
	const text = await observationsDownload(
		db,
		admin,
		'K1',
		new URL('http://localhost/?hxl=1')
	).text();
	expect(text).toContain('K1,2024-03,N1,6');
});
