import { expect, test } from '@playwright/test';

test('the first Tab reaches "Skip to content", which moves focus past the navigation', async ({
	page
}) => {
	await page.goto('/objectives/PO1');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
});

test('the filters work with the keyboard alone', async ({ page }) => {
	await page.goto('/objectives/PO1');
	const area = page.getByRole('combobox', { name: /^Area/ });
	await area.focus();
	// the first area below the whole mission, chosen with the arrow key, applied with Enter
	await page.keyboard.press('ArrowDown');
	const chosen = await area.inputValue();
	expect(chosen).not.toBe('');
	await page.getByLabel('From').focus();
	await page.keyboard.type('2025');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`area=${chosen}.*from=2025`));
});

test('charts have a text alternative and their numbers as a table', async ({ page }) => {
	await page.goto('/indicators/1.2.1');
	const figure = page.locator('figure.indicator-chart').first();
	await expect(figure.locator('canvas')).toHaveAttribute('aria-hidden', 'true');
	await expect(figure.locator('.visually-hidden').first()).toContainText('periods with data');
	await figure.getByText('Table of the numbers').focus();
	await page.keyboard.press('Enter');
	await expect(figure.getByRole('table')).toBeVisible();
});

test('what is typed before the scripts have loaded is kept (slow links)', async ({ page }) => {
	// hold the app's scripts back until the user has typed, as a slow connection would
	let release: () => void = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await released;
		await route.continue();
	});
	await page.goto('/objectives/PO1', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('From').fill('2025');
	release();
	await page.waitForLoadState('networkidle');
	// hydrated now: a client-side navigation proves the scripts run
	await expect(page.getByLabel('From')).toHaveValue('2025');
	await page.getByLabel('From').press('Enter');
	await expect(page).toHaveURL(/from=2025/);
});

test('a form opened before the scripts have loaded stays open (slow links)', async ({ page }) => {
	let release: () => void = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await released;
		await route.continue();
	});
	await page.goto('/indicators/1.1.1', { waitUntil: 'domcontentloaded' });
	const add = page.getByRole('region', { name: 'Caveats' }).locator('details.add');
	await add.locator('summary').click();
	await expect(add).toHaveAttribute('open', '');
	release();
	await page.waitForLoadState('networkidle');
	// hydrated now: the chart is drawn by the scripts, and the form is still open
	await expect(page.locator('figure.indicator-chart canvas').first()).toBeVisible();
	await expect(add).toHaveAttribute('open', '');
});
