/**
 * The API described, in the browser (issue 18): a read-only token made on the account page
 * reads and cannot import; the page at /api renders the OpenAPI document server-side, in
 * English and French, with no script of its own.
 */
import { expect, request as apiRequest, test } from '@playwright/test';

const CSV = 'indicator_code,period,area_code,value\n1.2.1,2025-01,AMB,3\n';

test('a read-only token made on the account page: GET works, POST /api/v1/imports is refused 403', async ({
	page,
	baseURL
}) => {
	await page.goto('/account');
	const tokens = page.locator('section', { has: page.locator('#tokens') });
	await tokens.getByLabel('Token name').fill('partner dashboard');
	// read only is the form's choice unless changed: the safer scope
	await expect(tokens.getByRole('radio', { name: /Read only/ })).toBeChecked();
	await expect(tokens.getByRole('radio', { name: /Full/ })).not.toBeChecked();
	await tokens.getByRole('button', { name: 'Create a token' }).click();
	await expect(tokens.getByText('This token may only read.')).toBeVisible();
	const secret = await page.locator('#new-token-secret').inputValue();
	expect(secret).toMatch(/^cpas_/);
	await expect(page.getByRole('row', { name: /partner dashboard/ })).toContainText('Read only');

	const api = await apiRequest.newContext({ baseURL });
	const bearer = { authorization: `Bearer ${secret}` };
	const list = await api.get('/api/v1/indicators', { headers: bearer });
	expect(list.status()).toBe(200);
	expect(((await list.json()) as unknown[]).length).toBeGreaterThan(0);
	const doc = await api.get('/api/v1/openapi.json', { headers: bearer });
	expect(doc.status()).toBe(200);
	expect((await doc.json()).openapi).toBe('3.1.0');

	const refused = await api.post('/api/v1/imports?dry_run=1', {
		headers: { ...bearer, 'content-type': 'text/csv' },
		data: CSV
	});
	expect(refused.status()).toBe(403);
	expect(refused.headers()['content-type']).toMatch(/^application\/json/);
	expect((await refused.json()).error).toMatch(/only read/);
	await api.dispose();
});

test('a full token is chosen on purpose, and imports', async ({ page, baseURL }) => {
	await page.goto('/account');
	const tokens = page.locator('section', { has: page.locator('#tokens') });
	await tokens.getByLabel('Token name').fill('etl script');
	await tokens.getByRole('radio', { name: /Full/ }).check();
	await tokens.getByRole('button', { name: 'Create a token' }).click();
	await expect(tokens.getByText('This token may do everything its account may.')).toBeVisible();
	const secret = await page.locator('#new-token-secret').inputValue();
	const api = await apiRequest.newContext({ baseURL });
	const dry = await api.post('/api/v1/imports?dry_run=1', {
		headers: { authorization: `Bearer ${secret}`, 'content-type': 'text/csv' },
		data: CSV
	});
	expect(dry.status()).toBe(200);
	await api.dispose();
});

test('/api: every operation, how to get a token, the JSON linked; no script of its own', async ({
	page
}) => {
	const scripts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script') scripts.push(r.url());
	});
	await page.goto('/');
	await page.getByRole('contentinfo').getByRole('link', { name: 'The API' }).click();
	await expect(page).toHaveURL('/api');
	// read afresh: what the page itself loads (the overview before it had its own scripts)
	scripts.length = 0;
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'The API' })).toBeVisible();
	for (const [method, path] of [
		['GET', '/api/v1/indicators'],
		['GET', '/api/v1/indicators/{code}/series'],
		['POST', '/api/v1/imports'],
		['POST', '/api/v1/imports/{id}/undo'],
		['GET', '/api/v1/openapi.json']
	]) {
		await expect(
			page.getByRole('heading', { level: 2, name: `${method} ${path}`, exact: true })
		).toBeVisible();
	}
	const series = page.locator('section', { has: page.locator('#indicatorSeries') });
	await expect(series.getByRole('row', { name: /^by/ })).toContainText(
		'month, quarter, half, year, fy'
	);
	await expect(series.locator('pre')).toContainText('/api/v1/indicators/1.2.1/series?by=year');
	await expect(page.getByRole('link', { name: 'your account page' })).toHaveAttribute(
		'href',
		'/account#tokens'
	);
	expect(scripts).toEqual([]);
	await page.getByRole('link', { name: '/api/v1/openapi.json' }).first().click();
	expect(JSON.parse((await page.locator('body').textContent()) ?? '').openapi).toBe('3.1.0');
});

test('/api in French: the page’s words in French, the document’s descriptions marked English', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({
		storageState: 'test-results/e2e/.auth/admin.json',
		locale: 'fr-FR',
		extraHTTPHeaders: { 'accept-language': 'fr' }
	});
	const page = await context.newPage();
	await page.goto(`${baseURL}/api`);
	await expect(page.getByRole('heading', { level: 1, name: 'L’API' })).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Obtenir un jeton, et ce qu’il peut faire' })
	).toBeVisible();
	await expect(page.locator('[lang="en"]').first()).toBeAttached();
	await context.close();
});
