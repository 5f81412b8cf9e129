import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

test('the import history lists every import, with its fingerprint on demand', async ({ page }) => {
	await page.goto('/import/history');
	const imports = page.locator('#batches tbody tr');
	// the demo mission's four files, imported when the server started
	for (const file of ['areas.csv', 'framework.csv', 'indicators.csv', 'observations.csv']) {
		await expect(imports.filter({ hasText: file }).first()).toContainText('local-admin');
	}
	const demo = imports.filter({ hasText: 'observations.csv' }).last();
	await demo.locator('summary').focus();
	await page.keyboard.press('Enter');
	await expect(demo.locator('code.full')).toHaveText(/^[0-9a-f]{64}$/);
	await demo.getByRole('link').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('observations.csv');
	await expect(page.getByRole('region', { name: 'Figures it wrote' })).toContainText(
		"hold this import's values today"
	);
});

/** The demo figures of indicator 2.3.2 (a perception survey) for the second half of 2021. */
const FIGURES = '/indicators/2.3.2?from=2021-H2&to=2021-H2';

async function figureValues(page: Page) {
	await page.goto(FIGURES);
	const rows = page.getByRole('region', { name: 'Figures and where they come from' });
	return {
		female: rows.locator('tbody tr', { hasText: 'sex: female' }),
		male: rows.locator('tbody tr', { hasText: 'sex: male' })
	};
}

async function importCsv(request: APIRequestContext, name: string, text: string) {
	const response = await request.post(`/api/v1/imports?file_name=${name}`, {
		data: text,
		headers: { 'content-type': 'text/csv' }
	});
	expect(response.status()).toBe(200);
}

async function openImport(page: Page, file: string) {
	await page.goto('/import/history');
	await page.locator('#batches tbody tr', { hasText: file }).getByRole('link').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(file);
}

test('undo from the browser puts the old values back, asking first about later changes', async ({
	page,
	request
}) => {
	let figures = await figureValues(page);
	await expect(figures.female).toContainText('31.7 %');
	await expect(figures.male).toContainText('33.4 %');

	await importCsv(
		request,
		'e2e-correction.csv',
		'indicator_code,period,sex,value\n2.3.2,2021-H2,female,35.1\n2.3.2,2021-H2,male,36\n'
	);
	await importCsv(
		request,
		'e2e-second-correction.csv',
		'indicator_code,period,sex,value\n2.3.2,2021-H2,female,40.2\n'
	);
	figures = await figureValues(page);
	await expect(figures.female).toContainText('40.2 %');
	await expect(figures.female).toContainText('e2e-second-correction.csv');

	// the first correction: a later import changed one of its figures, so undo asks first
	await openImport(page, 'e2e-correction.csv');
	await page.getByRole('button', { name: 'Undo this import' }).click();
	await expect(page.getByRole('alert')).toContainText('1 figure that import #');
	await expect(page.getByRole('alert')).toContainText('has since been changed by a later import');
	await expect(
		page.getByRole('table', { name: "Later imports that changed this import's figures" })
	).toContainText('e2e-second-correction.csv');
	await page
		.getByRole('button', { name: 'Undo anyway, leaving those figures as they are' })
		.click();
	await expect(page.locator('.outcome').first()).toContainText(
		'1 figure it had changed given its previous value back. 1 figure that a later import changed was left as it is.'
	);
	// the undo is recorded under the signed-in account (the demo administrator)
	await expect(page.getByRole('note').filter({ hasText: 'Undone on' })).toContainText('by admin.');

	figures = await figureValues(page);
	await expect(figures.male).toContainText('33.4 %');
	await expect(figures.female).toContainText('40.2 %');

	// the second correction: undone, the figure goes back past the undone first one
	await openImport(page, 'e2e-second-correction.csv');
	await page.getByRole('button', { name: 'Undo this import' }).click();
	await expect(page.locator('.outcome').first()).toContainText(
		'1 figure it had changed given its previous value back.'
	);
	figures = await figureValues(page);
	await expect(figures.female).toContainText('31.7 %');
	await expect(figures.female).toContainText('observations.csv');
});

test('the undo endpoint refuses a second undo and kinds without previous versions', async ({
	request
}) => {
	// the demo's first import is its areas file
	const areas = await request.post('/api/v1/imports/1/undo');
	expect(areas.status()).toBe(422);
	expect((await areas.json()).error).toContain(
		'Only files of figures (observations, lists) and of sites can be undone'
	);
	const unknown = await request.post('/api/v1/imports/999999/undo');
	expect(unknown.status()).toBe(404);
	const bad = await request.post('/api/v1/imports/abc/undo');
	expect(bad.status()).toBe(400);
});
