/**
 * A list through each door (formats.md §5.2): the HTTP API's `POST /api/v1/imports?source=`
 * (its handler, its job thread, a real database file), the `cpas` command as a real process,
 * and an .xlsx list. Then the promise of §5.3 step 7: after lists went in through the API and
 * the command line, no cell text of them is in any file of the data folder — database, WAL,
 * sessions database, staged uploads.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { startJobThreads, stopJobThreads } from '../../../src/lib/server/jobs/imports';
import { cpas } from '../../helpers/cli';
import { FIXTURES } from '../../helpers/db';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies, checked by expect
type Json = any;
type Handler = (event: never) => Response | Promise<Response>;

const lists = (f: string) => join(FIXTURES, 'lists', f);
const MISSION = ['areas.csv', 'framework.csv', 'indicators.csv', 'rules.csv'].map(lists);
/** Free text of the lists' notes and comments columns: none of it may be kept. */
const CELL_TEXTS = [
	'Armed men entered the village at dawn',
	'The road is quiet now',
	'Workbook note kept nowhere'
];

let dir = '';
let data = '';
let POST: Handler;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-list-doors-'));
	data = join(dir, 'data');
	mkdirSync(data);
	process.env.DATABASE_PATH = join(data, 'cpas.sqlite');
	// uploads are staged in the data folder too, so the scan below sees them
	process.env.CPAS_STAGING_DIR = join(data, 'staging');
	const mission = await cpas('import', ...MISSION, '--json');
	expect(JSON.parse(mission.stdout).ok).toBe(true);
	POST = (await import('../../../src/routes/api/v1/imports/+server')).POST as Handler;
	await startJobThreads(LOCAL_ADMINISTRATOR);
}, 60_000);

afterAll(async () => {
	await stopJobThreads();
	delete process.env.DATABASE_PATH;
	delete process.env.CPAS_STAGING_DIR;
	rmSync(dir, { recursive: true, force: true });
});

async function post(query: string, body: string): Promise<{ status: number; json: Json }> {
	const url = new URL(`http://localhost/api/v1/imports${query}`);
	const request = new Request(url, {
		method: 'POST',
		headers: { 'content-type': 'text/csv' },
		body
	});
	const response = await POST({ request, url, locals: { actor: LOCAL_ADMINISTRATOR } } as never);
	return { status: response.status, json: await response.json() };
}

describe('POST /api/v1/imports?source=NAME', () => {
	test('a dry run answers 200 with the list report and writes nothing', async () => {
		const { status, json } = await post(
			'?source=incidents&dry_run=1',
			readFileSync(lists('incidents.csv'), 'utf8')
		);
		expect(status).toBe(200);
		expect(json).toMatchObject({
			ok: true,
			dryRun: true,
			kind: 'list',
			rows: 5,
			inserted: 9,
			removed: 0,
			rules: [
				{ indicator: 'CIV', matched: 4, figures: 7 },
				{ indicator: 'DEATHS', matched: 5, figures: 2 }
			]
		});
		expect((await cpas('export', 'observations')).stdout.trim().split('\n')).toHaveLength(1);
	});

	test('the list is imported: 200; the same again changes nothing', async () => {
		const first = await post('?source=incidents', readFileSync(lists('incidents.csv'), 'utf8'));
		expect(first.status).toBe(200);
		expect(first.json).toMatchObject({ ok: true, dryRun: false, inserted: 9 });
		const again = await post('?source=INCIDENTS', readFileSync(lists('incidents.csv'), 'utf8'));
		expect(again.json).toMatchObject({ inserted: 0, updated: 0, unchanged: 9, removed: 0 });
	});

	test('an unknown source answers 422 naming the known sources', async () => {
		const { status, json } = await post(
			'?source=acled',
			readFileSync(lists('incidents.csv'), 'utf8')
		);
		expect(status).toBe(422);
		expect(json.ok).toBe(false);
		expect(json.errors[0].message).toMatch(/Unknown source "acled".*alerts, incidents, survey/);
	});

	test('a broken list answers 422 with line, column and value', async () => {
		const bad = readFileSync(join(FIXTURES, 'broken', 'lists', 'list-zero-weight.csv'), 'utf8');
		const { status, json } = await post('?source=survey', bad);
		expect(status).toBe(422);
		expect(json.errors).toEqual([
			expect.objectContaining({ line: 3, column: 'group_hh/weight', value: '0' })
		]);
	});

	test('a list refused at its header is still a list, with its rules and removed', async () => {
		// one column the rules name (`type`) is missing; another header is personal data
		const missing = await post(
			'?source=incidents',
			'date,area,victim_sex,deaths\n2024-01-03,N1,f,1\n'
		);
		expect(missing.status).toBe(422);
		expect(missing.json).toMatchObject({
			kind: 'list',
			removed: 0,
			rules: [
				{ indicator: 'CIV', matched: 0, figures: 0 },
				{ indicator: 'DEATHS', matched: 0, figures: 0 }
			]
		});
		expect(missing.json.errors[0]).toMatchObject({ line: 1, column: 'type' });
		const personal = await post('?source=incidents', 'date,area,type,full_name\n');
		expect(personal.status).toBe(422);
		expect(personal.json).toMatchObject({ kind: 'list' });
		expect(personal.json.errors[0]).toMatchObject({ line: 1, column: 'full_name' });
	});

	test('an empty source name is a bad request', async () => {
		const { status } = await post('?source=%20', 'x');
		expect(status).toBe(400);
	});
});

describe('the command line as a real process', () => {
	test('npm run --silent cpas -- import --source survey FILE --json', () => {
		const env = { ...process.env };
		const out = execFileSync(
			'npm',
			[
				'run',
				'--silent',
				'cpas',
				'--',
				'import',
				'--source',
				'survey',
				lists('survey.csv'),
				'--json'
			],
			{ env, encoding: 'utf8' }
		);
		const report = JSON.parse(out);
		expect(report).toMatchObject({ ok: true, dryRun: false });
		expect(report.files[0]).toMatchObject({
			kind: 'list',
			rows: 4,
			inserted: 2,
			rules: [{ indicator: 'SAFE', matched: 4, figures: 2 }]
		});
		let code = 0;
		try {
			execFileSync(
				'npm',
				['run', '--silent', 'cpas', '--', 'import', '--source', 'nope', lists('survey.csv')],
				{
					env,
					stdio: 'pipe'
				}
			);
		} catch (e) {
			code = (e as { status: number }).status;
		}
		expect(code).toBe(1);
		const series = JSON.parse(
			execFileSync('npm', ['run', '--silent', 'cpas', '--', 'series', 'SAFE', '--json'], {
				env,
				encoding: 'utf8'
			})
		);
		// Q2: N1 1.5 of 2 (weights) = 75 %; Q3: the blank area went to UNL, rather yes = 100 %
		expect(
			series.points.map((p: { period: string; actual: number }) => [p.period, p.actual])
		).toEqual([
			['2024-Q2', 75],
			['2024-Q3', 100]
		]);
	}, 60_000);
});

describe('an alert register: days and mean write averages', () => {
	test('pairs of total and items, sample size the rows used; the mission combines by items', async () => {
		const r = await cpas('import', '--source', 'alerts', lists('alerts.csv'), '--json');
		const [file] = JSON.parse(r.stdout).files;
		expect(file.errors).toEqual([]);
		expect(file.rules).toEqual([
			{ indicator: 'AFFECTED', matched: 3, figures: 2 },
			{ indicator: 'RESP', matched: 3, figures: 1 }
		]);
		const exported = (await cpas('export', 'observations', '--indicator', 'RESP')).stdout;
		// A1: 2 days, A2: 1 day (the times do not count), A3: no response yet
		expect(exported).toMatch(/RESP,2024-01,N1,1\.5,actual,,3,2,2,/);
		const mission = JSON.parse((await cpas('series', 'AFFECTED', '--json')).stdout);
		// (40 + 15) / 2 alerts with a number, not a mean of the areas' means
		expect(mission.points).toEqual([expect.objectContaining({ period: '2024-Q1', actual: 27.5 })]);
	});
});

describe('an .xlsx list', () => {
	test('is read from its first sheet like a CSV list', async () => {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Export');
		sheet.addRow(['id', 'date', 'area', 'type', 'victim_sex', 'deaths', 'notes']);
		sheet.addRow([11, new Date(Date.UTC(2024, 5, 3)), 'S1', 'attack', 'male', 3, CELL_TEXTS[2]]);
		sheet.addRow([12, '2024-06-20', 'South One', 'abduction', 'female', 1, '']);
		sheet.addRow([13, '2024-05-01 10:00', 'S1', 'looting', '', 2, '']);
		const path = join(dir, 'june.xlsx');
		await book.xlsx.writeFile(path);
		const r = await cpas('import', '--source', 'incidents', path, '--json');
		const report = JSON.parse(r.stdout);
		expect(report.files[0].errors).toEqual([]);
		expect(report.files[0]).toMatchObject({
			file: 'june.xlsx',
			kind: 'list',
			rows: 3,
			rules: [
				{ indicator: 'CIV', matched: 2, figures: 3 },
				{ indicator: 'DEATHS', matched: 3, figures: 1 }
			]
		});
		const exported = (await cpas('export', 'observations', '--indicator', 'DEATHS')).stdout;
		expect(exported).toMatch(/DEATHS,2024-Q2,S1,6\b/);
	});

	test('a workbook with a personal-data column is refused', async () => {
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Export').addRow(['date', 'area', 'type', 'victim_sex', 'deaths', 'witness']);
		const path = join(dir, 'witness.xlsx');
		await book.xlsx.writeFile(path);
		const r = await cpas('import', '--source', 'incidents', path, '--json');
		expect(r.code).toBe(1);
		expect(JSON.parse(r.stdout).files[0].errors[0]).toMatchObject({ line: 1, column: 'witness' });
	});
});

function filesUnder(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

test('no cell text of the lists is in any file of the data folder', () => {
	const files = filesUnder(data);
	expect(files.some((f) => f.endsWith('cpas.sqlite'))).toBe(true);
	for (const file of files) {
		const bytes = readFileSync(file);
		for (const text of CELL_TEXTS) {
			// as SQLite would store it: UTF-8, and UTF-16 for good measure
			expect(bytes.includes(Buffer.from(text, 'utf8')), `${text} in ${file}`).toBe(false);
			expect(bytes.includes(Buffer.from(text, 'utf16le')), `${text} in ${file}`).toBe(false);
		}
	}
});
