/**
 * The choropleth on the demo mission (Corvania's fictional outlines): drawn on the server, one
 * link per area, the period control and the indicator picker working without JavaScript, the
 * exports, and the keyboard reaching every area.
 */
import { expect, test, type Page } from '@playwright/test';

const INDICATOR = '1.1.1';

/** The drawn areas' links of the first map on the page. */
const areaLinks = (page: Page) => page.locator('[data-area-map] svg a[data-area]');

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the indicator page draws one linked area per province, and the period control changes the bucket', async ({
		page
	}) => {
		await page.goto(`/indicators/${INDICATOR}`);
		const map = page.locator('[data-area-map]');
		await expect(map).toHaveCount(1);
		await expect(areaLinks(page)).toHaveCount(3);
		const caption = map.locator('figcaption');
		const first = await caption.textContent();

		// each area is a link with its name and figure, and the table gives the same figures
		for (const link of await areaLinks(page).all()) {
			const code = await link.getAttribute('data-area');
			const label = await link.getAttribute('aria-label');
			expect(label).toMatch(/: /);
			const row = map.locator(`tbody tr[data-area="${code}"]`);
			await expect(row).toHaveCount(1);
			const name = (await row.locator('th a').textContent())!.trim();
			expect(label!.startsWith(name)).toBe(true);
			const value = (await row.locator('td').textContent())!.trim();
			expect(label!.endsWith(value) || (label!.includes('no data') && value === 'No data')).toBe(
				true
			);
		}

		const select = map.getByLabel('Period');
		const options = await select.locator('option').allTextContents();
		expect(options.length).toBeGreaterThan(1);
		const earlier = options[1]!;
		await select.selectOption({ label: earlier });
		await map.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(/map_period=/);
		await expect(caption).not.toHaveText(first!);
		await expect(caption).toContainText(earlier);
		await expect(areaLinks(page)).toHaveCount(3);
	});

	test("an area's link opens that area's view with the map of the level below", async ({
		page
	}) => {
		await page.goto(`/indicators/${INDICATOR}`);
		const link = areaLinks(page).first();
		const code = await link.getAttribute('data-area');
		await link.click();
		await expect(page).toHaveURL(new RegExp(`/indicators/${INDICATOR}\\?.*area=${code}`));
		const below = await areaLinks(page).evaluateAll((links) =>
			links.map((l) => l.getAttribute('data-area'))
		);
		expect(below.length).toBeGreaterThan(0);
		for (const c of below) expect(c).toMatch(new RegExp(`^${code}-`));
	});

	test('the objective page shows one map, and the picker changes its indicator', async ({
		page
	}) => {
		await page.goto('/objectives/PO1');
		const section = page.locator('[data-objective-map]');
		await expect(section.locator('[data-area-map]')).toHaveCount(1);
		const picker = section.getByLabel('Indicator on the map');
		const values = await picker
			.locator('option')
			.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		expect(values.length).toBeGreaterThan(1);
		await picker.selectOption(values[1]!);
		await section.getByRole('button', { name: 'Show' }).first().click();
		await expect(page).toHaveURL(new RegExp(`map=${values[1]!.replace(/\./g, '\\.')}`));
		await expect(section.locator('figcaption')).toContainText(values[1]!);
	});
});

test('the map exports as SVG (with title, source and date) and as PNG', async ({ page }) => {
	await page.goto(`/indicators/${INDICATOR}`);
	const map = page.locator('[data-area-map]');
	const svgLink = map.getByRole('link', { name: 'Download the map (SVG)' });
	const href = (await svgLink.getAttribute('href'))!;
	const svg = await page.request.get(href);
	expect(svg.status()).toBe(200);
	expect(svg.headers()['content-type']).toContain('image/svg+xml');
	const text = await svg.text();
	expect(text).toContain(`${INDICATOR} ·`);
	expect(text).toContain('Source:');
	expect(text).toContain('Produced');
	expect(text.match(/<path d="M/g)?.length ?? 0).toBeGreaterThanOrEqual(3);

	const download = page.waitForEvent('download');
	await map.getByRole('button', { name: 'Download the map (PNG)' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(
		new RegExp(`^${INDICATOR.replace(/\./g, '\\.')}-.*\\.png$`)
	);
	const path = await file.path();
	expect(path).toBeTruthy();
});

test('the keyboard reaches every area of the map, each with its name', async ({ page }) => {
	await page.goto(`/indicators/${INDICATOR}`);
	const codes = await areaLinks(page).evaluateAll((links) =>
		links.map((l) => l.getAttribute('data-area'))
	);
	await areaLinks(page).first().focus();
	const reached: string[] = [];
	for (let i = 0; i < codes.length; i++) {
		const focused = await page.evaluate(() => {
			const el = document.activeElement;
			return el?.getAttribute('data-area') ?? null;
		});
		if (focused) reached.push(focused);
		await page.keyboard.press('Tab');
	}
	expect(reached).toEqual(codes);
});
