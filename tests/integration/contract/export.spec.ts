/**
 * formats.md §3 `export`: CSV on stdout in the import format, UTF-8, that `import` takes back
 * unchanged (0 inserted, 0 updated), for each kind and for the demo mission.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateDemoMission } from '../../../src/lib/server/demo/generate';
import {
	CONTRACT_FIXTURES,
	exportCsv,
	file,
	importJson,
	tempDir,
	useTempDatabase
} from '../../helpers/contract';

useTempDatabase();

const MISSION = join(CONTRACT_FIXTURES, 'mission');
const MISSION_FILES = readdirSync(MISSION)
	.filter((f) => f.endsWith('.csv'))
	.map((f) => join(MISSION, f));

const KINDS = ['areas', 'framework', 'indicators', 'observations'] as const;

/** The columns of each kind, as formats.md §1.1–§1.4 list them. */
const CONTRACT_COLUMNS: Record<(typeof KINDS)[number], string[]> = {
	areas: ['area_code', 'area_name', 'parent_area', 'area_level', 'population', 'population_year'],
	framework: [
		'result_code',
		'result_level',
		'result_title',
		'parent_result',
		'driver_of_change',
		'critical_condition',
		'component',
		'tier',
		'description'
	],
	indicators: [
		'indicator_code',
		'indicator_title',
		'result_code',
		'category',
		'direction',
		'measure',
		'aggregation',
		'frequency',
		'dimensions',
		'baseline_value',
		'baseline_period',
		'tier',
		'unit',
		'data_source',
		'component',
		'definition',
		'sensitivity'
	],
	observations: [
		'indicator_code',
		'period',
		'area_code',
		'value',
		'value_type',
		'verification',
		'numerator',
		'denominator',
		'sample_size',
		'ci_low',
		'ci_high',
		'source',
		'comment',
		// the dimensions the indicators declare
		'sex',
		'age'
	]
};

async function importOk(paths: string[]) {
	const { code, report } = await importJson(paths);
	expect(report.files.flatMap((f) => f.errors)).toEqual([]);
	expect(code).toBe(0);
	return report;
}

/** Exports every kind into the test folder; returns the paths and the texts. */
async function exportAll(
	prefix: string,
	observationArgs: string[] = []
): Promise<{ paths: string[]; texts: string[] }> {
	const texts: string[] = [];
	for (const kind of KINDS) {
		const r = await exportCsv(kind, ...(kind === 'observations' ? observationArgs : []));
		expect(r.code).toBe(0);
		texts.push(r.stdout);
	}
	return { paths: KINDS.map((k, i) => file(`${prefix}-${k}.csv`, texts[i]!)), texts };
}

describe('§3 export', () => {
	test.each(KINDS)('export %s writes the import format: the contract’s columns', async (kind) => {
		await importOk(MISSION_FILES);
		const r = await exportCsv(kind);
		expect(r.code).toBe(0);
		const header = r.stdout.split('\n')[0]!.split(',');
		expect(header).toEqual(CONTRACT_COLUMNS[kind]);
	});

	test.each(KINDS)('export %s, imported back, reports 0 inserted and 0 updated', async (kind) => {
		const first = await importOk(MISSION_FILES);
		const r = await exportCsv(kind);
		const back = await importOk([file(`exported-${kind}.csv`, r.stdout)]);
		const f = back.files[0]!;
		expect(f.kind).toBe(kind);
		expect([f.inserted, f.updated]).toEqual([0, 0]);
		// every figure or row came back as unchanged
		const written = first.files.filter((x) => x.kind === kind).reduce((n, x) => n + x.inserted, 0);
		expect(f.unchanged).toBe(written);
		expect(f.warnings).toEqual([]);
	});

	test('the export is UTF-8 and keeps every character', async () => {
		await importOk(MISSION_FILES);
		const r = await exportCsv('areas');
		const bytes = Buffer.from(r.stdout, 'utf8');
		expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toContain('Lubéro');
		expect(r.stdout).toContain('"Djugu, Fataki–Largu"');
	});

	test('an export imported into a fresh database exports the same text again', async () => {
		await importOk(MISSION_FILES);
		const first = await exportAll('first');
		process.env.DATABASE_PATH = join(tempDir(), 'second.sqlite');
		const report = await importOk(first.paths);
		expect(report.files.map((f) => [f.updated, f.unchanged])).toEqual(KINDS.map(() => [0, 0]));
		const second = await exportAll('second');
		expect(second.texts).toEqual(first.texts);
	});

	test('export observations --indicator CODE exports that indicator’s figures only', async () => {
		await importOk(MISSION_FILES);
		const r = await exportCsv('observations', '--indicator', 'PO1-K5');
		expect(r.code).toBe(0);
		const rows = r.stdout.trim().split('\n');
		expect(rows[0]!.split(',')).toEqual(CONTRACT_COLUMNS.observations);
		// 1 long-form row and 4 wide-form cells
		expect(rows.slice(1)).toHaveLength(5);
		expect(rows.slice(1).every((row) => row.startsWith('PO1-K5,'))).toBe(true);
		const back = await importOk([file('k5.csv', r.stdout)]);
		expect(back.files[0]).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
	});

	test('an empty database exports the header only', async () => {
		const r = await exportCsv('observations');
		expect(r.code).toBe(0);
		expect(r.stdout.trim().split('\n')).toEqual([
			CONTRACT_COLUMNS.observations.slice(0, 13).join(',')
		]);
	});
});

describe('§3 export: the demo mission', () => {
	// the demo has restricted indicators with small cells: the command line writes them as stored
	test('the demo mission exports and imports back with 0 inserted and 0 updated', async () => {
		const demo = generateDemoMission().map((f) => file(`demo-${f.name}`, f.content));
		await importOk(demo);
		const exported = await exportAll('export', []);
		const back = await importOk(exported.paths);
		expect(back.files.map((f) => [f.kind, f.inserted, f.updated])).toEqual(
			KINDS.map((k) => [k, 0, 0])
		);
		const observations = readFileSync(demo[3]!, 'utf8').trim().split('\n').length - 1;
		expect(back.files[3]!.unchanged).toBe(observations);
	}, 30_000);

	test('--suppress-small-cells writes the small cells of restricted indicators <5', async () => {
		const demo = generateDemoMission().map((f) => file(`demo-${f.name}`, f.content));
		await importOk(demo);
		const raw = await exportCsv('observations');
		const shared = await exportCsv('observations', '--suppress-small-cells');
		expect(raw.stdout).not.toMatch(/,<5,/);
		expect(shared.stdout).toMatch(/,<5,/);
		expect(shared.stdout.split('\n')).toHaveLength(raw.stdout.split('\n').length);
	}, 30_000);
});
