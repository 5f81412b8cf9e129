/**
 * Screenshots of the running app for the docs: `npx tsx scripts/screenshots.ts [BASE_URL]
 * [NAME...]` (default http://localhost:3000, every page) writes PNGs at desktop and phone
 * widths to docs/screenshots/. Naming pages (e.g. `areas`) takes only those.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { CHROMIUM_LAUNCH } from '../tests/chromium';

const [base = 'http://localhost:3000', ...only] = process.argv.slice(2);
const out = 'docs/screenshots';
const pages = [
	['overview', '/'],
	['objective', '/objectives/PO1'],
	['objective-by-sex', '/objectives/PO1?breakdown=sex&by=quarter'],
	['indicator', '/indicators/1.1.1?area=AMB&by=quarter&from=2024'],
	['indicator-survey', '/indicators/3.2.5'],
	['framework', '/framework'],
	['framework-catalogue', '/framework/catalogue?category=capacity&q=counties'],
	['framework-adopt', '/framework/catalogue/2.2.1'],
	['import-history', '/import/history'],
	['areas', '/areas']
];
const widths = [
	['desktop', 1280, 900],
	['phone', 360, 740]
] as const;

mkdirSync(out, { recursive: true });
const browser = await chromium.launch(CHROMIUM_LAUNCH);
for (const [device, width, height] of widths) {
	const page = await browser.newPage({ viewport: { width, height } });
	for (const [name, path] of pages) {
		if (only.length > 0 && !only.includes(name)) continue;
		await page.goto(base + path, { waitUntil: 'networkidle' });
		await page.waitForTimeout(300);
		const file = `${out}/${name}-${device}.png`;
		await page.screenshot({ path: file, fullPage: device === 'desktop' && name !== 'framework' });
		console.log(`wrote ${file}`);
	}
	await page.close();
}
await browser.close();
