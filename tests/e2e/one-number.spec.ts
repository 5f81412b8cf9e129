import { expect, test, type Page } from '@playwright/test';
import { formatValue } from '../../src/lib/format';
import type { Measure } from '../../src/lib/domain/vocabulary';
import { readWorkbook } from '../helpers/xlsx';

import Papa from 'papaparse';

/**
 * One number everywhere: a budget year's figure of every indicator of an objective is the same
 * on the dashboard, in the API and in every report format (the IPTT page and workbook, the RBB
 * report's page, CSV and workbook), as long as the data does not change.
 */
const FY = 'FY2024/25';
const OBJECTIVE = 'PO1';

interface ApiIndicator {
	code: string;
	measure: Measure;
	objective_code: string;
}

async function apiFigures(page: Page) {
	const indicators = (
		(await (await page.request.get('/api/v1/indicators')).json()) as ApiIndicator[]
	).filter((i) => i.objective_code === OBJECTIVE);
	const figures = new Map<
		string,
		{ actual: number | null; target: number | null; measure: Measure }
	>();
	for (const i of indicators) {
		const series = await (
			await page.request.get(`/api/v1/indicators/${i.code}/series?by=fy&from=${FY}&to=${FY}`)
		).json();
		const point = series.points.find((p: { period: string }) => p.period === FY);
		figures.set(i.code, {
			actual: point?.actual ?? null,
			target: point?.target ?? null,
			measure: i.measure
		});
	}
	return figures;
}

test('a budget year figure is the same on the dashboard, in the API and in the IPTT', async ({
	page
}) => {
	const figures = await apiFigures(page);
	expect(figures.size).toBeGreaterThan(3);
	expect([...figures.values()].filter((f) => f.actual !== null).length).toBeGreaterThan(3);
	// among them an average (days to respond, weighed by alerts): every view must agree on it too
	expect(figures.get('2.2.3')).toMatchObject({ measure: 'average', actual: expect.any(Number) });

	// the objective page, by budget year, in each chart's table of numbers
	await page.goto(
		`/objectives/${OBJECTIVE}?by=fy&from=${encodeURIComponent(FY)}&to=${encodeURIComponent(FY)}`
	);
	for (const [code, f] of figures) {
		const row = page.locator(`article[data-indicator="${code}"] tr`, {
			has: page.locator('th', { hasText: FY })
		});
		const articles = await page.locator(`article[data-indicator="${code}"]`).count();
		expect(articles, code).toBe(1);
		const cells = row.locator('td');
		const shown = (await cells.first().textContent())!.trim();
		// the page adds the unit to counts; the number itself must be the API's
		expect(shown.startsWith(formatValue(f.actual, f.measure)), `${code}: ${shown}`).toBe(true);
		// an average shows one decimal at most, with its unit
		if (f.measure === 'average') expect(shown, code).toMatch(/^\d+(\.\d)? days$/);
	}

	// the IPTT page and its workbook
	const query = `objective=${OBJECTIVE}&by=fy&from=${encodeURIComponent(FY)}&to=${encodeURIComponent(FY)}`;
	await page.goto(`/reports/iptt?${query}`);
	for (const [code, f] of figures) {
		const cells = page.locator(`tr[data-indicator="${code}"] td`);
		// baseline, then target, actual, % met of the one period
		const actual = (await cells.nth(2).textContent())!.trim();
		expect(actual.startsWith(formatValue(f.actual, f.measure)), `${code}: ${actual}`).toBe(true);
	}
	const workbook = await readWorkbook(
		await (await page.request.get(`/reports/iptt/iptt.xlsx?${query}`)).body()
	);
	const sheet = workbook.getWorksheet('IPTT')!;
	const seen = new Set<string>();
	sheet.eachRow((row, n) => {
		if (n < 3) return;
		const code = String(row.getCell(2).value);
		const f = figures.get(code);
		if (!f) return;
		seen.add(code);
		expect(row.getCell(11).value ?? null, `${code} target`).toBe(f.target);
		expect(row.getCell(12).value ?? null, `${code} actual`).toBe(f.actual);
	});
	expect(seen.size).toBe(figures.size);
});

test('a budget year figure is the same in the RBB report page, CSV and workbook as in the API', async ({
	page
}) => {
	const figures = await apiFigures(page);
	const year = FY.replace('/', '-');

	await page.goto(`/reports/rbb/${year}`);
	for (const [code, f] of figures) {
		const shown = (await page
			.locator(`[data-indicator="${code}"] [data-actual]`)
			.first()
			.textContent())!.trim();
		expect(shown.startsWith(formatValue(f.actual, f.measure)), `${code}: ${shown}`).toBe(true);
	}

	const csv = await (await page.request.get(`/reports/rbb/${year}/rbb.csv`)).text();
	const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
	for (const [code, f] of figures) {
		const row = rows.find((r) => r.indicator_code === code);
		expect(row, code).toBeDefined();
		expect(row!.actual === '' ? null : Number(row!.actual), `${code} actual`).toBe(f.actual);
		expect(row!.planned === '' ? null : Number(row!.planned), `${code} planned`).toBe(f.target);
	}

	const workbook = await readWorkbook(
		await (await page.request.get(`/reports/rbb/${year}/rbb.xlsx`)).body()
	);
	const sheet = workbook.getWorksheet(OBJECTIVE)!;
	const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
	const column = (name: string) => header.indexOf(name);
	const seen = new Set<string>();
	sheet.eachRow((row, n) => {
		if (n === 1) return;
		const code = String(row.getCell(column('Indicator code')).value ?? '');
		const f = figures.get(code);
		if (!f) return;
		seen.add(code);
		expect(row.getCell(column('Actual')).value ?? null, `${code} actual`).toBe(f.actual);
		expect(row.getCell(column('Planned')).value ?? null, `${code} planned`).toBe(f.target);
	});
	expect(seen.size).toBe(figures.size);
});
