/**
 * Restricted indicators (the demo's 1.2.5, sexual violence, and 1.2.6, grave violations
 * against children) do not exist for an uncleared account: not in any page's HTML (which also
 * carries the page's data), the API, the CSV and XLSX exports, the RBB report or the IPTT.
 * The same requests by a cleared account find them, so the test would notice if they vanished
 * for everyone. Small cells of a restricted breakdown are shown "< 5" even to the cleared.
 */
import { expect, test, type Page } from '@playwright/test';
import { readWorkbook } from '../helpers/xlsx';
import { pageAs } from './auth';

const RESTRICTED = ['1.2.5', '1.2.6'];
const MARKS = [
	'/indicators/1.2.5',
	'/indicators/1.2.6',
	'recorded victims of conflict related sexual violence',
	'grave violations against children (differentiate'
];

const PAGES = [
	'/',
	'/objectives/PO3',
	// the map's picker, asked for a restricted indicator by its code
	'/objectives/PO3?map=1.2.5',
	'/indicators',
	'/framework',
	'/reports/iptt?by=fy',
	'/reports/rbb/FY2024-25',
	'/import/history/4'
];

async function text(page: Page, path: string): Promise<string> {
	const response = await page.request.get(path);
	expect(response.status(), path).toBe(200);
	return response.text();
}

async function workbookText(page: Page, path: string): Promise<string> {
	const response = await page.request.get(path);
	expect(response.status(), path).toBe(200);
	const book = await readWorkbook(await response.body());
	const cells: string[] = [];
	book.eachSheet((sheet) =>
		sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))))
	);
	return cells.join('\n');
}

test('an uncleared account never receives a restricted indicator; a cleared one does', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const viewer = await pageAs(browser, 'viewer');
	const verifier = await pageAs(browser, 'verifier');

	for (const path of PAGES) {
		const hidden = await text(viewer, path);
		for (const mark of MARKS) expect(hidden, `${path} as viewer`).not.toContain(mark);
	}
	// the DPO catalogue lists the public standard texts for everyone, but not that the mission
	// adopted them as restricted indicators
	const catalogue = await text(viewer, '/framework/catalogue');
	expect(catalogue).not.toContain('#indicator-1.2.5');
	expect(catalogue).not.toContain('#indicator-1.2.6');
	expect(await text(verifier, '/framework/catalogue')).toContain('#indicator-1.2.5');
	// the cleared verifier sees them on the pages that list every indicator
	for (const path of ['/indicators', '/objectives/PO3', '/reports/iptt?by=fy']) {
		const shown = await text(verifier, path);
		expect(shown, `${path} as verifier`).toContain('/indicators/1.2.5');
	}

	// the API: not listed, and their series do not exist
	const listed = (await (await viewer.request.get('/api/v1/indicators')).json()) as {
		code: string;
	}[];
	expect(listed.length).toBeGreaterThan(10);
	expect(listed.map((i) => i.code)).not.toEqual(expect.arrayContaining(['1.2.5']));
	expect(listed.map((i) => i.code)).not.toEqual(expect.arrayContaining(['1.2.6']));
	const cleared = (await (await verifier.request.get('/api/v1/indicators')).json()) as {
		code: string;
	}[];
	expect(cleared.map((i) => i.code)).toEqual(expect.arrayContaining(RESTRICTED));
	for (const code of RESTRICTED) {
		expect((await viewer.request.get(`/api/v1/indicators/${code}/series`)).status()).toBe(404);
		expect((await verifier.request.get(`/api/v1/indicators/${code}/series`)).status()).toBe(200);
		expect((await viewer.request.get(`/indicators/${code}`)).status()).toBe(404);
		expect((await viewer.request.get(`/indicators/${code}/series.csv`)).status()).toBe(404);
		// its map, on the page and as an export
		expect((await viewer.request.get(`/indicators/${code}/map.svg`)).status()).toBe(404);
		expect((await verifier.request.get(`/indicators/${code}/map.svg`)).status()).toBe(200);
	}

	// exports and reports
	const rbbCsv = await text(viewer, '/reports/rbb/FY2024-25/rbb.csv');
	for (const mark of MARKS) expect(rbbCsv).not.toContain(mark);
	const rbbBook = await workbookText(viewer, '/reports/rbb/FY2024-25/rbb.xlsx');
	const ipttBook = await workbookText(viewer, '/reports/iptt/iptt.xlsx?by=fy');
	for (const mark of MARKS.slice(2)) {
		expect(rbbBook).not.toContain(mark);
		expect(ipttBook).not.toContain(mark);
	}
	expect(await workbookText(verifier, '/reports/iptt/iptt.xlsx?by=fy')).toContain(MARKS[2]);
});

test('small cells of a restricted breakdown show as "< 5", raw only for the cleared who ask', async ({
	browser
}) => {
	const verifier = await pageAs(browser, 'verifier');
	await verifier.goto('/indicators/1.2.6?breakdown=perpetrator');
	// in the table of numbers beside the chart
	expect(await verifier.locator('td', { hasText: /^\s*< 5/ }).count()).toBeGreaterThan(0);

	const suppressed = await text(verifier, '/indicators/1.2.6/breakdown.csv?breakdown=perpetrator');
	expect(suppressed).toContain('<5');
	const raw = await text(verifier, '/indicators/1.2.6/breakdown.csv?breakdown=perpetrator&raw=1');
	expect(raw).not.toContain('<5');
});
