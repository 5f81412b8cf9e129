import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cpas } from '../../helpers/cli';
import { FIXTURES } from '../../helpers/db';

const basic = (f: string) => join(FIXTURES, 'basic', f);
const ALL = ['areas.csv', 'framework.csv', 'indicators.csv', 'observations.csv'].map(basic);

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-cli-'));
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
});
afterEach(() => {
	delete process.env.DATABASE_PATH;
	rmSync(dir, { recursive: true, force: true });
});

describe('cpas import', () => {
	test('imports files and prints one JSON object with --json', async () => {
		const r = await cpas('import', ...ALL, '--json');
		expect(r.code).toBe(0);
		const report = JSON.parse(r.stdout);
		expect(report).toMatchObject({ ok: true, dryRun: false });
		expect(report.files.map((f: { inserted: number }) => f.inserted)).toEqual([4, 3, 3, 9]);
	});

	test('a refused file exits 1, and a later series shows nothing was written', async () => {
		await cpas('import', ...ALL);
		const bad = await cpas(
			'import',
			join(FIXTURES, 'bad', 'observations-bad-period.csv'),
			'--json'
		);
		expect(bad.code).toBe(1);
		const report = JSON.parse(bad.stdout);
		expect(report.ok).toBe(false);
		expect(report.files[0].errors[0]).toMatchObject({
			line: 3,
			column: 'period',
			value: '2024-Q5'
		});
		const series = JSON.parse((await cpas('series', 'K1', '--by', 'quarter', '--json')).stdout);
		expect(series.points.map((p: { actual: number }) => p.actual)).toEqual([19]);
	});

	test('a missing file is a refusal with a message, exit 1', async () => {
		const r = await cpas('import', join(dir, 'nope.csv'));
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('no such file');
	});

	test('--dry-run validates and writes nothing', async () => {
		const r = await cpas('import', ...ALL, '--dry-run', '--json');
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).dryRun).toBe(true);
		expect((await cpas('series', 'K1')).code).toBe(1);
	});
});

describe('cpas import and export of rules', () => {
	const RULES = join(FIXTURES, 'rules', 'basic-rules.csv');

	test('a rules file imports with the mission, and its export imports back unchanged', async () => {
		const r = await cpas('import', RULES, ...ALL, '--json');
		expect(r.code).toBe(0);
		const report = JSON.parse(r.stdout);
		expect(report.files[0]).toMatchObject({ kind: 'rules', rows: 2, inserted: 2, errors: [] });
		const exported = await cpas('export', 'rules');
		expect(exported.code).toBe(0);
		expect(exported.stdout).toBe(readFileSync(RULES, 'utf8'));
		writeFileSync(join(dir, 'rules.csv'), exported.stdout);
		const back = JSON.parse((await cpas('import', join(dir, 'rules.csv'), '--json')).stdout);
		expect(back.files[0]).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
	});

	test('a broken rules file exits 1 naming line, column and value', async () => {
		await cpas('import', ...ALL);
		const r = await cpas(
			'import',
			join(FIXTURES, 'broken', 'rules-share-on-count-indicator.csv'),
			'--json'
		);
		expect(r.code).toBe(1);
		expect(JSON.parse(r.stdout).files[0].errors[0]).toMatchObject({
			line: 2,
			column: 'value',
			value: 'share(feel_safe=yes)'
		});
		expect((await cpas('export', 'rules')).stdout.trim().split('\n')).toHaveLength(1);
	});
});

describe('cpas series and usage', () => {
	test('series prints the contract payload with --json', async () => {
		await cpas('import', ...ALL);
		const r = await cpas('series', '1.2.1', '--json');
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toEqual({
			indicator: '1.2.1',
			area: null,
			by: 'quarter',
			points: [
				{
					period: '2024-Q1',
					start: '2024-01-01',
					end: '2024-03-31',
					partial: false,
					actual: 10,
					target: 8,
					status: 'off_track'
				}
			]
		});
	});

	test.each([
		[['series', 'NOPE'], 1],
		[['series', 'K1', '--area', 'NOPE'], 1],
		[['series', 'K1', '--by', 'week'], 2],
		[['series', 'K1', '--from', '2024-Q5'], 2],
		[['series'], 2],
		[['frobnicate'], 2],
		[['import', '--bogus', 'x.csv'], 2],
		[['import'], 2],
		[[], 2]
	])('cpas %j exits %i', async (argv, expected) => {
		await cpas('import', ...ALL);
		expect((await cpas(...argv)).code).toBe(expected);
	});
});

test('npm run --silent cpas works as a real process', async () => {
	const env = { ...process.env, DATABASE_PATH: join(dir, 'proc.sqlite') };
	const out = execFileSync('npm', ['run', '--silent', 'cpas', '--', 'import', ...ALL, '--json'], {
		env,
		encoding: 'utf8'
	});
	expect(JSON.parse(out).ok).toBe(true);
	let code = 0;
	try {
		execFileSync('npm', ['run', '--silent', 'cpas', '--', 'series', 'K1', '--by', 'week'], {
			env,
			stdio: 'pipe'
		});
	} catch (e) {
		code = (e as { status: number }).status;
	}
	expect(code).toBe(2);
}, 30_000);
