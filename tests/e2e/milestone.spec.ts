import { expect, test } from '@playwright/test';
import { demoPassword } from './auth';

const BASE = `http://localhost:${process.env.CPAS_E2E_PORT ?? 4173}`;

/**
 * A milestone indicator's page (docs/formats.md "The measure `milestone`"): the demo's local
 * protection plans (PO3-K3, drafted → adopted → implemented per territory). The status line,
 * the step chart's words and its table name the stages; the table counts the territories at
 * each point's stage; the API keeps the positions; a French reader reads French stage names.
 */
const QUARTERS = 'by=quarter&from=2024-Q1&to=2026-Q3';

test('the step chart’s words and table say the stages and the areas that reached them', async ({
	page
}) => {
	await page.goto(`/indicators/PO3-K3?${QUARTERS}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Stage of the local protection plan'
	);
	await expect(page.locator('.status-line')).toContainText('“adopted”');
	const chart = page.locator('figure.indicator-chart').first();
	await expect(chart.locator('canvas')).toBeVisible();
	await expect(chart.locator('.visually-hidden').first()).toContainText(
		'Step chart of Stage of the local protection plan'
	);
	await chart.getByText('Table of the numbers').click();
	const table = chart.locator('table');
	await expect(table.getByRole('columnheader', { name: 'Stage reached' })).toBeVisible();
	const q3 = table.getByRole('row', { name: /Q3 2026|2026-Q3/ });
	await expect(q3).toContainText('7 of 8 areas reporting have reached “adopted”');
	await expect(table.getByRole('row', { name: /Q1 2024|2024-Q1/ })).toContainText(
		'3 of 3 areas reporting have reached “drafted”'
	);
	// no map: each province's own step chart instead
	const byArea = page.getByRole('region', { name: 'By area' });
	await expect(byArea.getByRole('heading', { name: 'Kestrelmark' })).toBeVisible();
	await expect(byArea.locator('svg')).toHaveCount(0);
});

test('the series API keeps positions and gives the areas at or beyond each stage', async ({
	request
}) => {
	const api = await (
		await request.get('/api/v1/indicators/PO3-K3/series?by=quarter&from=2026-Q3&to=2026-Q3')
	).json();
	expect(api.points[0]).toMatchObject({ actual: 2, stages: [8, 7, 3] });
});

test.describe('in French', () => {
	test.use({ locale: 'fr-FR', storageState: { cookies: [], origins: [] } });

	test('a French reader reads the French stage names', async ({ page }) => {
		// signed in through the form's own request, as french.spec.ts does
		const signedIn = await page.request.post('/login', {
			form: { username: 'admin', password: demoPassword('admin'), next: '/' },
			headers: { origin: BASE, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(signedIn.status()).toBe(303);
		await page.goto(`/indicators/PO3-K3?${QUARTERS}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		const chart = page.locator('figure.indicator-chart').first();
		await chart.locator('details summary').click();
		await expect(chart.locator('table')).toContainText(
			'7 zones sur 8 qui rendent compte ont atteint « adopté »'
		);
		await expect(page.locator('.status-line')).toContainText('« adopté »');
	});
});
