import { expect, test, type Locator } from '@playwright/test';

/** How many pixels of the canvas have been painted: a drawn chart has many. */
async function paintedPixels(canvas: Locator): Promise<number> {
	return canvas.evaluate((el: HTMLCanvasElement) => {
		const ctx = el.getContext('2d');
		if (!ctx || el.width === 0 || el.height === 0) return 0;
		const { data } = ctx.getImageData(0, 0, el.width, el.height);
		let painted = 0;
		for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
		return painted;
	});
}

test('the overview lists the demo mission objectives', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('note')).toContainText('fictional');
	const objectives = page.locator('main section h2 a');
	await expect(objectives).toHaveCount(3);
	await expect(objectives.first()).toHaveAttribute('href', '/objectives/PO1');
});

test('an objective page has the three panels with charts actually drawn', async ({ page }) => {
	await page.goto('/objectives/PO1');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('PO1');
	for (const name of ['Situation', 'Perception', 'Capacity']) {
		const panel = page.getByRole('region', { name, exact: true });
		await expect(panel).toBeVisible();
		const canvases = panel.locator('canvas');
		await expect(canvases.first()).toBeVisible();
		// Chart.js draws after hydration; wait until the first chart has painted.
		await expect
			.poll(() => paintedPixels(canvases.first()), { timeout: 10_000 })
			.toBeGreaterThan(500);
	}
});

test('choosing an area changes the URL and the figures, and survives a reload', async ({
	page
}) => {
	await page.goto('/objectives/PO1');
	const firstTable = page.locator('article.indicator').first().locator('table');
	const missionText = await firstTable.textContent();
	const area = page.getByRole('combobox', { name: /^Area/ });
	const second = await area.locator('option').nth(1).getAttribute('value');
	await area.selectOption(second!);
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(new RegExp(`area=${second}`));
	await expect.poll(() => firstTable.textContent()).not.toBe(missionText);
	await page.reload();
	await expect(page.getByRole('combobox', { name: /^Area/ })).toHaveValue(second!);
});

test('the indicator page shows the chart and the table of numbers', async ({ page, request }) => {
	const indicators = await (await request.get('/api/v1/indicators')).json();
	const code = indicators[0].code as string;
	await page.goto(`/indicators/${code}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(code);
	await expect.poll(() => paintedPixels(page.locator('canvas').first())).toBeGreaterThan(500);
	await page.getByText('Table of the numbers').first().click();
	await expect(page.locator('figure tbody tr').first()).toBeVisible();
});

test('a breakdown by sex on the objective page is kept in the URL and splits the charts', async ({
	page
}) => {
	await page.goto('/objectives/PO1');
	await page.getByLabel('Breakdown').selectOption('sex');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/breakdown=sex/);
	const split = page.locator('article.indicator figure', { hasText: 'By sex' }).first();
	await split.getByText('Table of the numbers').click();
	await expect(split.getByRole('columnheader')).toHaveText(['Period', 'female', 'male']);
	await page.reload();
	await expect(page.getByLabel('Breakdown')).toHaveValue('sex');
});

test('caveats show on the objective page charts, and chain nodes link to the framework', async ({
	page,
	baseURL
}) => {
	const added = await page.request.post('/indicators/1.2.2?/addCaveat', {
		headers: { origin: baseURL! },
		form: { period: '2024-Q2', area: '', scope: 'indicator', text: 'Survey teams could not travel' }
	});
	expect(added.ok()).toBe(true);
	await page.goto('/objectives/PO1?by=quarter');
	const article = page.locator('article[data-indicator="1.2.2"]');
	await expect(article.getByRole('list', { name: 'Caveats for 1.2.2' })).toContainText(
		'Survey teams could not travel'
	);
	await expect(article.locator('figure')).toHaveAttribute(
		'data-caveat-ranges',
		/1:2024-Q2-2024-Q2/
	);
	await page.getByRole('link', { name: 'PO1-IM1' }).click();
	await expect(page).toHaveURL(/\/framework#PO1-IM1$/);
});
