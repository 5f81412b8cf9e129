import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 360, height: 740 } });

for (const path of [
	'/',
	'/objectives/PO1',
	'/objectives/PO1?breakdown=sex',
	'/indicators/1.2.1',
	'/indicators',
	'/framework',
	'/import',
	'/import/history',
	'/import/history/4',
	'/areas',
	'/areas?edit=AMB-DUN',
	'/reports',
	'/reports/iptt?by=fy',
	'/reports/cycles',
	'/actions'
]) {
	test(`${path} fits a 360 px screen without scrolling sideways`, async ({ page }) => {
		await page.goto(path);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(360);
	});
}
