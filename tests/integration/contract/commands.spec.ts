/**
 * formats.md §3 "Command line": the database file, exit codes of every command, the JSON of
 * `import --json`, dependency order and one transaction, missing files, dry runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	FRAMEWORK,
	cpas,
	exportCsv,
	file,
	importJson,
	indicators,
	load,
	tempDir,
	useTempDatabase
} from '../../helpers/contract';

useTempDatabase();

const ROOT = join(import.meta.dirname, '..', '..', '..');

const SETUP = {
	'areas.csv': 'area_code,area_name\nN1,North One\n',
	'framework.csv': FRAMEWORK,
	'indicators.csv': indicators('C,Incidents,PO1-IM1,situation,decrease,count,,month,'),
	'obs.csv': 'indicator_code,period,area_code,value\nC,2024-01,N1,5\n'
};

/** Rows of an export, without its header. */
async function exported(kind: string): Promise<string[]> {
	return (await exportCsv(kind)).stdout.trim().split('\n').slice(1);
}

describe('§3 the database file', () => {
	test('$DATABASE_PATH is created and migrated on first use, folders included', async () => {
		const path = join(tempDir(), 'new', 'folder', 'cpas.sqlite');
		process.env.DATABASE_PATH = path;
		expect(existsSync(path)).toBe(false);
		expect((await cpas('export', 'areas')).code).toBe(0);
		expect(existsSync(path)).toBe(true);
		await load(SETUP);
		expect(await exported('observations')).toHaveLength(1);
	});

	test('without $DATABASE_PATH the database is data/cpas.sqlite', () => {
		const cwd = join(tempDir(), 'project');
		mkdirSync(cwd);
		const env: NodeJS.ProcessEnv = { ...process.env };
		delete env.DATABASE_PATH;
		const out = execFileSync(
			join(ROOT, 'node_modules', '.bin', 'tsx'),
			[join(ROOT, 'src', 'cli', 'main.ts'), 'export', 'areas'],
			{ cwd, env, encoding: 'utf8' }
		);
		expect(out.split('\n')[0]).toBe(
			'area_code,area_name,parent_area,area_level,population,population_year'
		);
		expect(existsSync(join(cwd, 'data', 'cpas.sqlite'))).toBe(true);
	}, 30_000);
});

describe('§3 exit codes: 0 success, 1 refused or not found, 2 usage error', () => {
	const cases: [string, number, string[]][] = [
		['no command', 2, []],
		['help', 0, ['help']],
		['an unknown command', 2, ['frobnicate']],
		['import of valid files', 0, ['import', '@obs']],
		['import --dry-run of valid files', 0, ['import', '@obs', '--dry-run']],
		['import of a refused file', 1, ['import', '@bad']],
		['import --dry-run of a refused file', 1, ['import', '@bad', '--dry-run', '--json']],
		['import of a missing file', 1, ['import', '@missing']],
		['import of a folder', 1, ['import', '@folder']],
		['import without a file', 2, ['import']],
		['import with an unknown option', 2, ['import', '@obs', '--force']],
		['series', 0, ['series', 'C']],
		[
			'series --json with every option',
			0,
			[
				'series',
				'C',
				'--area',
				'N1',
				'--from',
				'2024-01',
				'--to',
				'2024-Q1',
				'--by',
				'quarter',
				'--verified-only',
				'--json'
			]
		],
		['series of an unknown indicator', 1, ['series', 'NOPE']],
		['series of an unknown area', 1, ['series', 'C', '--area', 'NOPE']],
		['series without a code', 2, ['series']],
		['series with two codes', 2, ['series', 'C', 'D']],
		['series --by week', 2, ['series', 'C', '--by', 'week']],
		['series --from 2024-Q5', 2, ['series', 'C', '--from', '2024-Q5']],
		['series --from after --to', 2, ['series', 'C', '--from', '2024-03', '--to', '2024-01']],
		['series with an unknown option', 2, ['series', 'C', '--mean']],
		['series --by without a value', 2, ['series', 'C', '--by']],
		['export observations', 0, ['export', 'observations']],
		['export areas', 0, ['export', 'areas']],
		['export framework', 0, ['export', 'framework']],
		['export indicators', 0, ['export', 'indicators']],
		['export observations --indicator C', 0, ['export', 'observations', '--indicator', 'C']],
		[
			'export observations --indicator of an unknown code',
			1,
			['export', 'observations', '--indicator', 'NOPE']
		],
		['export without a kind', 2, ['export']],
		['export of an unknown kind', 2, ['export', 'figures']],
		['export of two kinds', 2, ['export', 'areas', 'framework']],
		['export areas --indicator', 2, ['export', 'areas', '--indicator', 'C']],
		['export with an unknown option', 2, ['export', 'observations', '--zip']]
	];

	test.each(cases)('%s exits %i', async (_, expected, argv) => {
		await load(SETUP);
		const paths: Record<string, string> = {
			'@obs': file('obs2.csv', 'indicator_code,period,value\nC,2024-02,1\n'),
			'@bad': file('bad.csv', 'indicator_code,period,value\nC,2024-02,-1\n'),
			'@missing': join(tempDir(), 'nope.csv'),
			'@folder': tempDir()
		};
		const r = await cpas(...argv.map((a) => paths[a] ?? a));
		expect(r.code).toBe(expected);
		// never a stack trace, whatever the outcome
		expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
		if (expected === 2) expect(r.stderr).toMatch(/Usage/);
		if (argv[0] === 'help') expect(r.stdout).toMatch(/Usage/);
	});

	test('a refusal (exit 1) writes nothing', async () => {
		await load(SETUP);
		const before = await exported('observations');
		const r = await cpas(
			'import',
			file('new.csv', 'indicator_code,period,value\nC,2024-03,1\nC,2024-04,x\n')
		);
		expect(r.code).toBe(1);
		expect(await exported('observations')).toEqual(before);
	});
});

describe('§3 import', () => {
	test('--json prints exactly one JSON object: ok, dryRun and one report per file', async () => {
		const r = await cpas(
			'import',
			file('areas.csv', SETUP['areas.csv']),
			file('bad.csv', 'foo,bar\n1,2\n'),
			'--json'
		);
		expect(r.code).toBe(1);
		const report = JSON.parse(r.stdout);
		expect(Object.keys(report).sort()).toEqual(['dryRun', 'files', 'ok']);
		expect(report).toMatchObject({ ok: false, dryRun: false });
		for (const f of report.files) {
			for (const key of [
				'file',
				'kind',
				'rows',
				'inserted',
				'updated',
				'unchanged',
				'errors',
				'warnings'
			]) {
				expect(f).toHaveProperty(key);
			}
		}
		expect(report.files.map((f: { kind: string }) => f.kind)).toEqual(['areas', null]);
		expect(report.files[0]).toMatchObject({ file: 'areas.csv', rows: 1, inserted: 1 });
		expect(report.files[1].errors).toEqual([
			{ line: null, column: null, value: null, message: expect.any(String) }
		]);
		expect(r.stderr).toBe('');
	});

	test('several files are applied in dependency order, whatever the order given', async () => {
		const paths = Object.entries(SETUP)
			.reverse()
			.map(([name, text]) => file(name, text));
		const { code, report } = await importJson(paths);
		expect(code).toBe(0);
		expect(report.files.map((f) => [f.kind, f.inserted])).toEqual([
			['observations', 1],
			['indicators', 1],
			['framework', 4],
			['areas', 1]
		]);
	});

	test('several files in one call are one transaction: one refused file writes none of them', async () => {
		const paths = Object.entries(SETUP).map(([name, text]) => file(name, text));
		const bad = file('bad.csv', 'indicator_code,period,area_code,value\nC,2024-02,N9,1\n');
		const { code, report } = await importJson([...paths, bad]);
		expect(code).toBe(1);
		expect(report.ok).toBe(false);
		for (const kind of ['areas', 'framework', 'indicators', 'observations']) {
			expect(await exported(kind)).toEqual([]);
		}
	});

	test('a missing file is a refusal with a message, and the other files are not written', async () => {
		const areas = file('areas.csv', SETUP['areas.csv']);
		const missing = join(tempDir(), 'missing.csv');
		const r = await cpas('import', areas, missing, '--json');
		expect(r.code).toBe(1);
		const report = JSON.parse(r.stdout);
		expect(report.ok).toBe(false);
		expect(report.files[1].errors[0].message).toContain('missing.csv');
		expect(await exported('areas')).toEqual([]);
	});

	test('--dry-run validates and reports what would change, writing nothing', async () => {
		const paths = Object.entries(SETUP).map(([name, text]) => file(name, text));
		const { code, report } = await importJson(paths, '--dry-run');
		expect(code).toBe(0);
		expect(report).toMatchObject({ ok: true, dryRun: true });
		expect(report.files.map((f) => f.inserted)).toEqual([1, 4, 1, 1]);
		for (const kind of ['areas', 'framework', 'indicators', 'observations']) {
			expect(await exported(kind)).toEqual([]);
		}
	});

	test('without --json the report is plain words', async () => {
		const r = await cpas('import', file('areas.csv', SETUP['areas.csv']));
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/areas\.csv: areas, 1 rows? — 1 inserted/);
		expect(() => JSON.parse(r.stdout)).toThrow();
	});
});
