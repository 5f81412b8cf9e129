import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BudgetYear } from '../../../../src/lib/domain/budget-year';
import { splitStages } from '../../../../src/lib/domain/milestones';
import { formatValue, stageName } from '../../../../src/lib/format';
import { LOCAL_ADMINISTRATOR } from '../../../../src/lib/server/actor';
import { createDb, type Db } from '../../../../src/lib/server/db';
import { loadDemoIfEmpty } from '../../../../src/lib/server/demo/load-demo';
import { listIndicators } from '../../../../src/lib/server/indicators/list';
import { lastCompleteBudgetYear } from '../../../../src/lib/server/reports/rbb/budget-years';
import { loadSeries } from '../../../../src/lib/server/series/load-series';
import { cpas } from '../../../helpers/cli';

const admin = LOCAL_ADMINISTRATOR;

let dir: string;
let db: Db;
let year: BudgetYear;

/** What the series API says for the year: GET /api/v1/indicators/{code}/series?by=fy. */
/** A milestone's stage names: its cells show the stage, not its position. */
function stagesOf(code: string): string[] {
	return splitStages(
		db.$client.prepare('SELECT stages FROM indicators WHERE code = ?').pluck().get(code) as
			string | null
	);
}

/** A figure as the report's files hold it: the number, or a milestone's stage name. */
function cellOf(code: string, value: number | null): number | string | null {
	const stages = stagesOf(code);
	return value !== null && stages.length > 0 ? stageName(value, stages) : value;
}

function apiPoint(code: string) {
	const s = loadSeries(db, admin, code, { by: 'fy' });
	if (!s.ok) throw new Error(s.message);
	return s.series.points.find((p) => p.period === year.label) ?? null;
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-rbb-'));
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
	db = createDb(process.env.DATABASE_PATH);
	expect((await loadDemoIfEmpty(db, admin))?.ok).toBe(true);
	year = lastCompleteBudgetYear(db, admin)!;
}, 120_000);

afterAll(() => {
	db.$client.close();
	delete process.env.DATABASE_PATH;
	rmSync(dir, { recursive: true, force: true });
});

describe('cpas report rbb on the demo mission’s last complete budget year', () => {
	test('the last complete budget year is one the actual figures cover to its end', () => {
		expect(year.label).toMatch(/^FY\d{4}\/\d{2}$/);
		const lastActual = db.$client
			.prepare(`SELECT MAX(period_end) AS d FROM observations WHERE value_type = 'actual'`)
			.get() as { d: string };
		expect(lastActual.d >= year.end).toBe(true);
		// the next budget year is not complete
		expect(lastActual.d < `${Number(year.end.slice(0, 4)) + 1}-06-30`).toBe(true);
	});

	test('xlsx: read back, every indicator’s planned and actual are numbers equal to the series API’s', async () => {
		const out = join(dir, 'rbb.xlsx');
		const r = await cpas('report', 'rbb', year.label, '--format', 'xlsx', '--out', out);
		expect(r.code, r.stderr).toBe(0);
		const book = new ExcelJS.Workbook();
		await book.xlsx.readFile(out);
		const names = book.worksheets.map((s) => s.name);
		expect(names).toEqual(['Summary', 'PO1', 'PO2', 'PO3', 'Resources']);

		const seen = new Set<string>();
		for (const sheet of book.worksheets.slice(1, 4)) {
			const header = (sheet.getRow(1).values as unknown[]).slice(1);
			const col = (name: string) => header.indexOf(name) + 1;
			expect(header).toContain('Planned');
			expect(sheet.getColumn(col('Indicator')).width).toBeGreaterThan(30);
			sheet.eachRow((row, n) => {
				if (n === 1) return;
				const code = row.getCell(col('Indicator code')).value;
				if (typeof code !== 'string') return; // an output without indicators
				const p = apiPoint(code);
				for (const [column, expected] of [
					['Planned', cellOf(code, p?.target ?? null)],
					['Actual', cellOf(code, p?.actual ?? null)]
				] as const) {
					const cell = row.getCell(col(column)).value;
					if (expected === null) expect(cell, `${code} ${column}`).toBeNull();
					else {
						expect(typeof cell, `${code} ${column} is a ${typeof expected}`).toBe(typeof expected);
						expect(cell, `${code} ${column}`).toBe(expected);
					}
				}
				seen.add(code);
			});
		}
		// every indicator of the mission is in the report, and has figures for the year
		expect([...seen].sort()).toEqual(
			listIndicators(db, admin)
				.map((i) => i.code)
				.sort()
		);
		expect([...seen].every((code) => apiPoint(code)?.actual != null)).toBe(true);
	});

	test('csv on stdout: the same numbers, written plainly', async () => {
		const r = await cpas('report', 'rbb', year.label, '--format', 'csv');
		expect(r.code, r.stderr).toBe(0);
		const { data } = Papa.parse<Record<string, string>>(r.stdout, {
			header: true,
			skipEmptyLines: true
		});
		const figures = data.filter((row) => row.indicator_code);
		expect(figures).toHaveLength(listIndicators(db, admin).length);
		for (const row of figures) {
			const code = row.indicator_code!;
			const p = apiPoint(code);
			const read = (cell: string) =>
				cell === '' ? null : stagesOf(code).length > 0 ? cell : Number(cell);
			expect(read(row.planned!), code).toBe(cellOf(code, p?.target ?? null));
			expect(read(row.actual!), code).toBe(cellOf(code, p?.actual ?? null));
		}
	});

	test('html on stdout: the page’s report, self-contained, A4 with a running header, every figure shown', async () => {
		const r = await cpas('report', 'rbb', year.slug, '--format', 'html');
		expect(r.code, r.stderr).toBe(0);
		const html = r.stdout;
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain(`<title>RBB performance report ${year.label}</title>`);
		expect(html).toMatch(/@page \{ size: A4;/);
		expect(html).toContain(`@top-left { content: "RBB performance report ${year.label}"`);
		expect(html).toContain('Demo mission: fictional data');
		expect(html).not.toMatch(/<link|<script/);
		for (const i of listIndicators(db, admin)) {
			const p = apiPoint(i.code)!;
			const at = html.indexOf(`data-indicator="${i.code}"`);
			expect(at, i.code).toBeGreaterThan(-1);
			const shown = formatValue(
				p.actual,
				i.measure,
				db.$client.prepare('SELECT unit FROM indicators WHERE code = ?').pluck().get(i.code) as
					string | null,
				stagesOf(i.code)
			);
			expect(html.slice(at, at + 3000), i.code).toContain(`data-actual="">${shown}<`);
		}
	});

	test('as a real process: npm run --silent cpas -- report rbb … --format html', () => {
		const out = join(dir, 'rbb.html');
		execFileSync(
			'npm',
			[
				'run',
				'--silent',
				'cpas',
				'--',
				'report',
				'rbb',
				year.label,
				'--format',
				'html',
				'--out',
				out
			],
			{
				env: process.env,
				stdio: 'pipe'
			}
		);
		const html = execFileSync('cat', [out], { encoding: 'utf8' });
		expect(html).toContain(`Budget year ${year.label}`);
		expect(html).toContain('data-objective="PO3"');
	}, 60_000);
});

describe('cpas report refusals', () => {
	test.each([
		[['report'], 2, 'report needs a kind: rbb.'],
		[['report', 'iptt', 'FY2024/25', '--format', 'csv'], 2, '"iptt" is not a report'],
		[['report', 'rbb', '--format', 'csv'], 2, 'exactly one BUDGET_YEAR'],
		[['report', 'rbb', 'FY2024/25'], 2, '--format is required'],
		[['report', 'rbb', 'FY2024/25', '--format', 'pdf'], 2, '"pdf" is not a format'],
		[['report', 'rbb', 'FY2024/25', '--format', 'xlsx'], 2, '--format xlsx needs --out FILE'],
		[['report', 'rbb', 'FY2024/26', '--format', 'csv'], 2, '"FY2024/26" is not a budget year'],
		[
			['report', 'rbb', 'FY2024/25', '--format', 'csv', '--page', '2'],
			2,
			"Unknown option '--page'"
		],
		[
			['report', 'rbb', 'FY2040/41', '--format', 'csv'],
			1,
			'No figures fall in the budget year FY2040/41.'
		]
	])('%j exits %i: %s', async (argv, code, message) => {
		const r = await cpas(...argv);
		expect(r.code).toBe(code);
		expect(r.stderr).toContain(message);
		expect(r.stderr).not.toMatch(/\n\s+at /);
		expect(r.stdout).toBe('');
	});
});
