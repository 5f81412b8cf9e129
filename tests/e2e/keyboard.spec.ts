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
	const area = page.getByLabel('Area');
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
