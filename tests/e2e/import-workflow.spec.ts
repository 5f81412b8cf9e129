import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';

/**
 * The planner's import workflow in the browser, on the demo mission: a file with its own
 * headers (French, with local area names and F/H for sex) is mapped, checked, corrected,
 * committed, seen on the objective page, undone; the next file from the same source is mapped
 * by itself. Figures go to Amberlake (AMB), which has no figures of its own for 2.3.5 in
 * 2026-Q3 (its territories do), so the province's point shows exactly what was imported.
 */
const HEADER = 'Indicateur;Période;Région;Sexe;Valeur';

async function upload(page: Page, name: string, content: string | Buffer) {
	await page.goto('/import');
	const buffer = typeof content === 'string' ? Buffer.from(content) : content;
	await page.setInputFiles('#file', { name, mimeType: 'application/octet-stream', buffer });
	await page.getByRole('button', { name: 'Upload and map columns' }).click();
	await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
	// the page hydrates after its scripts load; a choice made before could be reset
	await page.waitForLoadState('networkidle');
}

async function amberlakeQ3(page: Page): Promise<string> {
	await page.goto('/objectives/PO1?area=AMB&from=2026-Q3&to=2026-Q3');
	const row = page.locator('article[data-indicator="2.3.5"] tr', {
		has: page.locator('th', { hasText: '2026-Q3' })
	});
	return (await row.locator('td').first().textContent())!.trim();
}

test('map, check, correct, commit, see, undo; the same source is then mapped by itself', async ({
	page
}) => {
	const before = await amberlakeQ3(page);

	await upload(
		page,
		'incidents-sept.csv',
		`${HEADER}\n2.3.5;2026-Q3;Amberlake;F;7\n2.3.5;2026-Q3;Amberlake;H;x\n`
	);
	await expect(page.getByText('Recognised as observations')).toBeVisible();
	await expect(page.getByLabel('Indicateur')).toHaveValue('indicator_code');
	await expect(page.getByLabel('Région')).toHaveValue('area_code');
	// local values: the province's name and the French letters for sex
	await expect(page.getByLabel('Amberlake')).toHaveValue('AMB');
	await expect(page.getByLabel('H', { exact: true })).toHaveValue('male');
	await page.getByRole('button', { name: 'Check the file' }).click();

	const preview = page.getByRole('region', { name: 'What the file would change' });
	await expect(preview).toContainText('1 error on 1 line: nothing has been written.');
	const errors = preview.getByRole('table', { name: 'Errors' });
	await expect(errors.locator('tbody tr')).toHaveCount(1);
	await expect(errors.locator('tbody tr').first()).toContainText('3');
	await expect(errors.locator('tbody tr').first()).toContainText('value');
	await expect(errors.locator('tbody tr').first()).toContainText('x');
	await expect(preview.getByRole('button', { name: 'Import the valid rows' })).toBeDisabled();
	const download = await (
		await Promise.all([
			page.waitForEvent('download'),
			preview.getByRole('link', { name: /Download the errors/ }).click()
		])
	)[0];
	expect(download.suggestedFilename()).toBe('incidents-sept-problems.csv');

	// the corrected file
	await upload(
		page,
		'incidents-sept.csv',
		`${HEADER}\n2.3.5;2026-Q3;Amberlake;F;7\n2.3.5;2026-Q3;Amberlake;H;9\n`
	);
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(preview).toContainText('The file is clean');
	await expect(preview.getByRole('definition').nth(1)).toHaveText('2'); // new
	await preview.getByLabel(/Save this mapping/).fill('Incident database, quarterly export');
	await preview.getByRole('button', { name: 'Import 2 rows' }).click();
	await page.waitForURL(/\/import\/history\/\d+$/);
	const batchPage = page.url();

	expect(await amberlakeQ3(page)).toBe('16 people trained');

	// undo restores what was there before
	await page.goto(batchPage);
	await page.getByRole('button', { name: /^Undo/ }).click();
	await expect(page.getByRole('alert').or(page.getByRole('status')).first()).toBeVisible();
	await expect.poll(() => amberlakeQ3(page)).toBe(before);

	// a later file from the same source: mapped as saved, values included
	await upload(page, 'incidents-dec.csv', `${HEADER}\n2.3.5;2026-Q4;Amberlake;H;1\n`);
	await expect(
		page.getByText('Mapped as the saved source “Incident database, quarterly export”')
	).toBeVisible();
	await expect(page.getByLabel('Région')).toHaveValue('area_code');
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(preview).toContainText('The file is clean');
	await page.getByRole('button', { name: 'Discard this upload' }).click();
	await page.waitForURL(/\/import$/);
});

test('an Excel workbook with two sheets: the sheet is chosen, then mapped and checked', async ({
	page
}) => {
	const book = new ExcelJS.Workbook();
	book.addWorksheet('Read me').addRow(['Monthly incidents, exported 2026-11-01']);
	const sheet = book.addWorksheet('Incidents');
	sheet.addRow(['Indicator', 'Month', 'Province', 'Sex', 'Total']);
	const row = sheet.addRow(['2.3.5', '2026-Q3', 'Kestrelmark', 'female', 4]);
	row.getCell(5).numFmt = '0';
	await upload(page, 'incidents.xlsx', Buffer.from(await book.xlsx.writeBuffer()));

	await expect(page.getByText('This workbook has 2 sheets')).toBeVisible();
	await page.getByLabel('Incidents').check();
	await page.getByRole('button', { name: 'Use this sheet' }).click();
	await expect(page.getByText('Recognised as observations')).toBeVisible();
	await expect(page.getByText('sheet “Incidents”')).toBeVisible();
	await expect(page.getByLabel('Month')).toHaveValue('period');
	await expect(page.getByLabel('Kestrelmark')).toHaveValue('KES');
	await page.getByRole('button', { name: 'Check the file' }).click();
	const preview = page.getByRole('region', { name: 'What the file would change' });
	await expect(preview).toContainText('The file is clean');
	await page.getByRole('button', { name: 'Discard this upload' }).click();
});

test('the mapping and preview fit a 360 px screen', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await upload(
		page,
		'narrow.csv',
		`${HEADER}\n2.3.5;2026-Q3;Amberlake;F;not a number with a long explanation\n`
	);
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByRole('region', { name: 'What the file would change' })).toBeVisible();
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(360);
	await page.getByRole('button', { name: 'Discard this upload' }).click();
});
