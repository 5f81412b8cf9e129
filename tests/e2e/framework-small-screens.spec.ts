import { expect, test, type Page } from '@playwright/test';

// The framework editor's pages, as small-screens.spec.ts checks the others.
test.use({ viewport: { width: 360, height: 740 } });

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

for (const path of [
	'/framework/catalogue',
	'/framework/catalogue?accomplishment=B&tier=II&category=capacity&q=alert',
	'/framework/catalogue/3.1.3',
	'/framework/nodes/new?level=outcome&parent=PO1-IM1',
	'/framework/nodes/PO1-OC1',
	'/framework/indicators/new?node=PO1-OC1',
	'/framework/indicators/1.2.1'
]) {
	test(`${path} fits a 360 px screen without scrolling sideways`, async ({ page }) => {
		await page.goto(path);
		expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
	});
}

test('a refused adoption, with its problems listed, fits a 360 px screen', async ({ page }) => {
	await page.goto('/framework/catalogue/3.1.3');
	await page.getByRole('button', { name: 'Adopt 3.1.3' }).click();
	await expect(page.getByRole('alert')).toContainText('Words for [counties]');
	expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
});
