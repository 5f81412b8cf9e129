import { expect, test } from '@playwright/test';

/** The e2e server runs with CPAS_UPLOAD_LIMIT_MB=2 (playwright.config.ts). */
const MESSAGE = 'The file is 3 MB; the limit is 2 MB (CPAS_UPLOAD_LIMIT_MB).';
const threeMb = () => Buffer.alloc(3 * 1024 * 1024, 'a\n');

test('the import page refuses a file past the limit with both sizes and stays on the page', async ({
	page
}) => {
	await page.goto('/import');
	await page.waitForLoadState('networkidle');
	await page.setInputFiles('#file', { name: 'big.csv', mimeType: 'text/csv', buffer: threeMb() });
	await page.getByRole('button', { name: 'Upload and map columns' }).click();
	await expect(page.getByRole('alert')).toHaveText(MESSAGE);
	await expect(page).toHaveURL(/\/import$/);
});

test('without JavaScript the import and areas forms say the same', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/import');
	await page.setInputFiles('#file', { name: 'big.csv', mimeType: 'text/csv', buffer: threeMb() });
	await page.getByRole('button', { name: 'Upload and map columns' }).click();
	await expect(page.getByRole('alert')).toHaveText(MESSAGE);

	await page.goto('/areas');
	await page
		.getByLabel('Areas file (CSV)')
		.setInputFiles({ name: 'areas.csv', mimeType: 'text/csv', buffer: threeMb() });
	await page.getByRole('button', { name: 'Import areas file' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'CPAS_UPLOAD_LIMIT_MB' })).toHaveText(
		MESSAGE
	);
	await context.close();
});

test('POST /api/v1/imports answers 413 with the API error shape', async ({ request }) => {
	const response = await request.post('/api/v1/imports?dry_run=1', {
		headers: { 'content-type': 'text/csv' },
		data: threeMb()
	});
	expect(response.status()).toBe(413);
	expect(await response.json()).toEqual({ error: MESSAGE });
});
