/**
 * formats.md §4 "HTTP API": the SvelteKit handlers of /api/v1 called directly, on a real
 * database file, with the same data and rules as the command line. The tests of this file share
 * one database (the server opens it once) and run in order: the first one imports the data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startJobThreads, stopJobThreads } from '../../../src/lib/server/jobs/imports';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { FRAMEWORK, cpas, indicators } from '../../helpers/contract';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies, checked by expect
type Json = any;
type Handler = (event: never) => Response | Promise<Response>;

let dir = '';
let POST: Handler;
let LIST: Handler;
let SERIES: Handler;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-api-'));
	// the server reads DATABASE_PATH when it first opens the database
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
	POST = (await import('../../../src/routes/api/v1/imports/+server')).POST as Handler;
	LIST = (await import('../../../src/routes/api/v1/indicators/+server')).GET as Handler;
	SERIES = (await import('../../../src/routes/api/v1/indicators/[code]/series/+server'))
		.GET as Handler;
	// imports run in a job thread: started here, as the server's init hook does
	await startJobThreads(LOCAL_ADMINISTRATOR);
}, 60_000);

afterAll(async () => {
	await stopJobThreads();
	delete process.env.DATABASE_PATH;
	rmSync(dir, { recursive: true, force: true });
});

const locals = { actor: LOCAL_ADMINISTRATOR };

async function post(query: string, body: string): Promise<{ status: number; json: Json }> {
	const url = new URL(`http://localhost/api/v1/imports${query}`);
	const request = new Request(url, {
		method: 'POST',
		headers: { 'content-type': 'text/csv' },
		body
	});
	const response = await POST({ request, url, locals } as never);
	return { status: response.status, json: await response.json() };
}

async function get(
	handler: Handler,
	path: string,
	params: Record<string, string> = {}
): Promise<{ status: number; json: Json }> {
	const url = new URL(`http://localhost${path}`);
	const response = await handler({ url, params, locals } as never);
	return { status: response.status, json: await response.json() };
}

const seriesOf = (code: string, query = '') =>
	get(SERIES, `/api/v1/indicators/${encodeURIComponent(code)}/series${query}`, { code });

const AREAS = 'area_code,area_name,parent_area\nN,North,\nN1,North One,N\nN2,North Two,N\n';
const INDICATORS = indicators(
	'1.2.1,Incidents,PO1-IM1,situation,decrease,count,,quarter,',
	'PO1-K3,Patrols,PO1-OP1,capacity,increase,count,,month,'
);
const OBSERVATIONS = [
	'indicator_code,period,area_code,value,value_type,verification',
	'1.2.1,2024-Q1,N1,5,actual,verified',
	'1.2.1,2024-Q1,N2,7,actual,unverified',
	'1.2.1,2024-Q1,,10,target,',
	'1.2.1,2024-Q2,N1,3,actual,verified'
].join('\n');

describe('§4 POST /api/v1/imports', () => {
	test('the body is one CSV file; the response is one element of files plus ok and dryRun; 200 when applied', async () => {
		for (const body of [AREAS, FRAMEWORK, INDICATORS]) {
			const r = await post('', body);
			expect(r.status).toBe(200);
			expect(r.json.ok).toBe(true);
		}
		const r = await post('', OBSERVATIONS);
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({
			ok: true,
			dryRun: false,
			kind: 'observations',
			rows: 4,
			inserted: 4,
			updated: 0,
			unchanged: 0,
			errors: [],
			warnings: []
		});
		expect(r.json).toHaveProperty('file');
	});

	test('?dry_run=1 on a clean file: 200, the counts, and nothing written', async () => {
		const before = await seriesOf('1.2.1');
		const r = await post(
			'?dry_run=1',
			'indicator_code,period,area_code,value\n1.2.1,2024-Q2,N2,100\n'
		);
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ ok: true, dryRun: true, inserted: 1 });
		expect(await seriesOf('1.2.1')).toEqual(before);
	});

	test('a refused file: 422 with its errors, and nothing written (dry run or not)', async () => {
		const before = await seriesOf('1.2.1');
		for (const query of ['', '?dry_run=1']) {
			const r = await post(
				query,
				'indicator_code,period,area_code,value\n1.2.1,2024-Q3,N1,2\n1.2.1,2024-Q5,N1,1\n'
			);
			expect(r.status).toBe(422);
			expect(r.json).toMatchObject({ ok: false, dryRun: query !== '' });
			expect(r.json.errors).toEqual([
				{ line: 3, column: 'period', value: '2024-Q5', message: expect.any(String) }
			]);
		}
		expect(await seriesOf('1.2.1')).toEqual(before);
	});

	test('file_name names the file in the report (beyond the contract)', async () => {
		const r = await post('?dry_run=1&file_name=north.csv', AREAS);
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ file: 'north.csv', kind: 'areas', unchanged: 3 });
	});

	test('a problem that is not on one line: 422 with line null', async () => {
		const r = await post('', 'what,ever\n1,2\n');
		expect(r.status).toBe(422);
		expect(r.json.errors[0]).toMatchObject({ line: null });
	});
});

describe('§4 GET /api/v1/indicators', () => {
	test('a JSON array, each item with code, title, category, direction, measure, result_code, objective_code', async () => {
		const r = await get(LIST, '/api/v1/indicators');
		expect(r.status).toBe(200);
		expect(r.json).toEqual([
			{
				code: '1.2.1',
				title: 'Incidents',
				category: 'situation',
				direction: 'decrease',
				measure: 'count',
				result_code: 'PO1-IM1',
				objective_code: 'PO1'
			},
			{
				code: 'PO1-K3',
				title: 'Patrols',
				category: 'capacity',
				direction: 'increase',
				measure: 'count',
				result_code: 'PO1-OP1',
				objective_code: 'PO1'
			}
		]);
	});
});

describe('§4 GET /api/v1/indicators/{code}/series', () => {
	test('the series payload, the same as cpas series --json', async () => {
		const r = await seriesOf('1.2.1');
		expect(r.status).toBe(200);
		// Q1: N1 5 + N2 7 = 12 against a target of 10; decrease: 12 > 1.15 × 10 = 11.5 → off track
		expect(r.json).toEqual({
			indicator: '1.2.1',
			area: null,
			by: 'quarter',
			points: [
				{
					period: '2024-Q1',
					start: '2024-01-01',
					end: '2024-03-31',
					partial: false,
					actual: 12,
					target: 10,
					status: 'off_track'
				},
				{
					period: '2024-Q2',
					start: '2024-04-01',
					end: '2024-06-30',
					partial: false,
					actual: 3,
					target: null,
					status: 'no_target'
				}
			]
		});
		const cli = await cpas('series', '1.2.1', '--json');
		expect(JSON.parse(cli.stdout)).toEqual(r.json);
	});

	test('area, from, to, by and verified_only are the options of cpas series', async () => {
		const query = '?area=N&from=2024-01&to=2024-06&by=half&verified_only=1';
		const r = await seriesOf('1.2.1', query);
		expect(r.status).toBe(200);
		// N, H1, verified only: N1 5 + 3 = 8 (N2's 7 is unverified)
		expect(r.json).toMatchObject({ indicator: '1.2.1', area: 'N', by: 'half' });
		expect(r.json.points).toEqual([
			{
				period: '2024-H1',
				start: '2024-01-01',
				end: '2024-06-30',
				partial: false,
				actual: 8,
				target: null,
				status: 'no_target'
			}
		]);
		const cli = await cpas(
			'series',
			'1.2.1',
			'--area',
			'N',
			'--from',
			'2024-01',
			'--to',
			'2024-06',
			'--by',
			'half',
			'--verified-only',
			'--json'
		);
		expect(JSON.parse(cli.stdout)).toEqual(r.json);
	});

	test.each([
		['an unknown indicator', 'NOPE', ''],
		['an unknown area', '1.2.1', '?area=NOPE']
	])('%s gives 404 with a JSON error', async (_, code, query) => {
		const r = await seriesOf(code, query);
		expect(r.status).toBe(404);
		expect(r.json.error).toContain('NOPE');
	});

	test.each(['?by=week', '?from=2024-Q5', '?to=Q1', '?from=2024-06&to=2024-01'])(
		'bad parameters (%s) give 400 with a JSON error',
		async (query) => {
			const r = await seriesOf('1.2.1', query);
			expect(r.status).toBe(400);
			expect(typeof r.json.error).toBe('string');
		}
	);
});
