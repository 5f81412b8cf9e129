/**
 * Screenshots of the running app for the docs: `npx tsx scripts/screenshots.ts [BASE_URL]
 * [NAME...]` (default http://localhost:3000, every page) writes PNGs at desktop and phone
 * widths to docs/screenshots/. Naming pages (e.g. `areas`) takes only those. It signs in as
 * the demo administrator (`SCREENSHOT_USER` / `SCREENSHOT_PASSWORD` to use another account).
 *
 * `SCREENSHOT_LANG=fr` takes the product in French instead: every page of the route table at
 * the addresses the French e2e check reads (tests/e2e/addresses.ts), the sign-in page and a
 * staged upload's check, named from the address with a `-fr` suffix
 * (`indicators-1.1.1-desktop-fr.png`).
 *
 * `public` takes the public view as a visitor without an account sees it (overview and an
 * indicator page, desktop and phone, English and French: `public-*`), turning it on for the
 * shots and back as it was.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { demoPassword } from '../src/lib/server/demo/demo-password';
import { CHROMIUM_LAUNCH } from '../tests/chromium';

const [base = 'http://localhost:3000', ...only] = process.argv.slice(2);
const out = 'docs/screenshots';
const pages = [
	['overview', '/'],
	['objective', '/objectives/PO1'],
	['objective-by-sex', '/objectives/PO1?breakdown=sex&by=quarter'],
	['indicator', '/indicators/1.1.1?area=AMB&by=quarter&from=2024'],
	['indicator-survey', '/indicators/3.2.5'],
	// the maps alone (their section of the page): *-map names shoot that section only
	['indicator-map', '/indicators/1.1.1?map_per=100k'],
	['indicator-map-territories', '/indicators/1.1.1?area=KES'],
	['objective-map', '/objectives/PO1?map=1.1.1'],
	// a milestone: the stage of each territory's local protection plan, and a benchmark met
	['milestone', '/indicators/PO3-K3?by=quarter&from=2024-Q1'],
	['milestone-benchmark', '/indicators/PO3-K4'],
	['framework', '/framework'],
	['framework-catalogue', '/framework/catalogue?category=capacity&q=counties'],
	['framework-adopt', '/framework/catalogue/2.2.1'],
	['import', '/import'],
	['import-history', '/import/history'],
	['areas', '/areas'],
	['sources', '/sources'],
	['accounts', '/admin/users'],
	['account', '/account'],
	['actions', '/actions'],
	['actions-detail', '/actions/AP-0002'],
	// the API described (docs/api.md), and the token form with its scope (its section only)
	['api', '/api'],
	['api-token-form', '/account']
];
/** The real-data example's pages (`npm run example:car`): taken only when named. */
const carPages = [
	['car-indicator', '/indicators/1.2.3?area=CF&by=year'],
	['car-objective', '/objectives/CAR-PO1?area=CF&by=year'],
	['car-indicator-map', '/indicators/1.1.1?area=CF&by=year']
];
const widths = [
	['desktop', 1280, 900],
	['phone', 360, 740]
] as const;

mkdirSync(out, { recursive: true });
const browser = await chromium.launch(CHROMIUM_LAUNCH);

if (process.env.SCREENSHOT_LANG === 'fr') {
	await inFrench();
	await browser.close();
	process.exit(0);
}

/** A file name for an address: `/indicators/1.2.1?breakdown=sex` → `indicators-1.2.1-breakdown-sex`. */
function nameOf(path: string): string {
	return path === '/'
		? 'overview'
		: path
				.replace(/^\//, '')
				.replace(/[^\w.]+/g, '-')
				.replace(/-$/, '');
}

/** Every page in French, by a French browser (Accept-Language fr-FR), signed in by request. */
async function inFrench() {
	const context = await browser.newContext({ locale: 'fr-FR' });
	const page = await context.newPage();
	const shoot = async (name: string, device: string, fullPage: boolean) => {
		const file = `${out}/${name}-${device}-fr.png`;
		await page.screenshot({ path: file, fullPage });
		console.log(`wrote ${file}`);
	};
	for (const [device, width, height] of widths) {
		await page.setViewportSize({ width, height });
		await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
		await shoot('login', device, false);
	}
	const signedIn = await page.request.post(`${base}/login`, {
		form: {
			username: process.env.SCREENSHOT_USER ?? 'admin',
			password: process.env.SCREENSHOT_PASSWORD ?? demoPassword('admin'),
			next: '/'
		},
		headers: { origin: base, accept: 'text/html' },
		maxRedirects: 0
	});
	if (signedIn.status() !== 303) throw new Error(`sign-in refused (${signedIn.status()})`);
	const { ADDRESSES } = await import('../tests/e2e/addresses');
	const paths = Object.values(ADDRESSES).flatMap((p) => p ?? []);
	for (const [device, width, height] of widths) {
		await page.setViewportSize({ width, height });
		for (const path of paths) {
			const name = nameOf(path);
			if (only.length > 0 && !only.includes(name)) continue;
			const response = await page.goto(base + path, { waitUntil: 'networkidle' });
			if (!response || response.status() >= 400) {
				console.log(`skipped ${path}: ${response?.status()}`);
				continue;
			}
			await page.waitForTimeout(200);
			await shoot(name, device, device === 'desktop');
		}
		// a staged upload with one mistake: its mapping page, then its check
		if (only.length === 0 || only.includes('import-check')) {
			await page.goto(`${base}/import`, { waitUntil: 'networkidle' });
			await page.setInputFiles('#file', {
				name: 'incidents-partenaire.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(
					'indicator_code,period,area_code,value\n1.2.1,2026-01,AMB,x\n1.2.1,2026-02,AMB,4\n'
				)
			});
			await page.locator('form:has(#file) button[type="submit"]').click();
			await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
			await page.waitForLoadState('networkidle');
			await shoot('import-mapping', device, true);
			await page.locator('form[action="?/preview"] button[type="submit"]').first().click();
			await page.locator('#preview').waitFor();
			await shoot('import-check', device, true);
		}
	}
	await context.close();
}

async function signIn(page: import('playwright').Page) {
	await page.goto(`${base}/login`);
	await page.getByLabel('User name').fill(process.env.SCREENSHOT_USER ?? 'admin');
	await page.getByLabel('Password').fill(process.env.SCREENSHOT_PASSWORD ?? demoPassword('admin'));
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => url.pathname !== '/login');
}

// the sign-in page, as someone who is not signed in sees it
if (only.length === 0 || only.includes('login')) {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
	await page.screenshot({ path: `${out}/login-desktop.png`, fullPage: true });
	console.log(`wrote ${out}/login-desktop.png`);
	await page.close();
}

// every other page as a signed-in account
const context = await browser.newContext();
await signIn(await context.newPage());
async function newPage(viewport: { width: number; height: number }) {
	const page = await context.newPage();
	await page.setViewportSize(viewport);
	return page;
}
for (const [device, width, height] of widths) {
	const page = await newPage({ width, height });
	for (const [name, path] of [...pages, ...carPages.filter(([n]) => only.includes(n))]) {
		if (only.length > 0 && !only.includes(name)) continue;
		await page.goto(base + path, { waitUntil: 'networkidle' });
		await page.waitForTimeout(300);
		const file = `${out}/${name}-${device}.png`;
		if (name.startsWith('milestone')) {
			// a step chart's words are in its table: shown open; on a phone, the chart's section
			await page.locator('figure.indicator-chart details summary').first().click();
			if (device === 'phone') {
				await page.locator('section.card:has(figure.indicator-chart)').first().screenshot({
					path: file
				});
				console.log(`wrote ${file}`);
				continue;
			}
		}
		if (name === 'api-token-form') {
			await page.locator('section:has(#tokens)').screenshot({ path: file });
		} else if (/-map(-|$)/.test(name)) {
			await page.locator('section:has([data-area-map])').first().screenshot({ path: file });
		} else {
			await page.screenshot({ path: file, fullPage: device === 'desktop' && name !== 'framework' });
		}
		console.log(`wrote ${file}`);
	}
	await page.close();
}

// The RBB report of the demo's last complete year with its planned outputs and resources, at
// desktop and phone widths (its resources section), and as printed: `print` emulates print
// media at an A4 width, as the browser lays the report out on paper.
if (only.length === 0 || only.includes('rbb')) {
	const report = `${base}/reports/rbb/FY2025-26`;
	for (const [device, width, height] of widths) {
		const page = await newPage({ width, height });
		await page.goto(report, { waitUntil: 'networkidle' });
		const file = `${out}/rbb-report-${device}.png`;
		await page.locator('[data-objective="PO1"]').scrollIntoViewIfNeeded();
		await page.screenshot({ path: file, fullPage: false });
		const resources = `${out}/rbb-resources-${device}.png`;
		await page.getByTestId('rbb-resources').screenshot({ path: resources });
		console.log(`wrote ${file}, ${resources}`);
		await page.close();
	}
	const page = await newPage({ width: 794, height: 1123 });
	await page.emulateMedia({ media: 'print' });
	await page.goto(report, { waitUntil: 'networkidle' });
	await page.getByTestId('rbb-resources').screenshot({ path: `${out}/rbb-report-print.png` });
	await page.locator('[data-objective="PO1"]').screenshot({ path: `${out}/rbb-outputs-print.png` });
	console.log(`wrote ${out}/rbb-report-print.png, ${out}/rbb-outputs-print.png`);
	await page.goto(`${base}/framework/nodes/PO1-OP4`, { waitUntil: 'networkidle' });
	await page.emulateMedia({ media: 'screen' });
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.locator('section.plans').screenshot({ path: `${out}/rbb-output-plans-desktop.png` });
	console.log(`wrote ${out}/rbb-output-plans-desktop.png`);
	await page.close();
}

// A cycle page needs a cycle: created (with a rating and a recommendation) when the app has
// none for 2025-H1 — this writes to the app's database, like a planner would.
if (only.length === 0 || only.includes('cycle')) {
	const page = await newPage({ width: 1280, height: 900 });
	const cycle = `${base}/reports/cycles/2025-H1`;
	if ((await page.goto(cycle))?.status() === 404) {
		await page.goto(`${base}/reports/cycles`, { waitUntil: 'networkidle' });
		await page.getByLabel('Period assessed').fill('2025-H1');
		await page.getByRole('button', { name: 'Create the cycle' }).click();
		await page.waitForURL(/\/reports\/cycles\/2025-H1/);
		await page.waitForLoadState('networkidle');
		const rate = page.getByRole('form', { name: 'Rate PO1', exact: true });
		await rate.getByLabel('Rating').selectOption('stalled');
		await rate
			.getByLabel('Narrative')
			.fill('Casualties fell in Amberlake but armed groups returned to the Kestrelmark roads.');
		await rate.getByRole('button', { name: 'Save PO1', exact: true }).click();
		await rate.getByRole('status').waitFor();
		const recommend = page.getByRole('form', { name: 'Add a recommendation' });
		await recommend
			.getByLabel('Recommendation')
			.fill('Extend joint patrols to the Kestrelmark market roads');
		await recommend.getByLabel('Owner').fill('Force');
		await recommend.getByLabel('Deadline').fill('2025-09-30');
		await recommend.getByLabel('Objective or outcome').selectOption('PO1');
		await recommend.getByRole('button', { name: 'Add the recommendation' }).click();
		await page.locator('tr', { hasText: 'Extend joint patrols' }).waitFor();
	}
	await page.goto(cycle, { waitUntil: 'networkidle' });
	await page.screenshot({ path: `${out}/cycle-desktop.png`, fullPage: false });
	console.log(`wrote ${out}/cycle-desktop.png`);
	await page.close();
}

// The mapping step and its preview need an upload: a partner's file with French headers, local
// area names, F/H for sex and one bad value. Checked, never imported.
if (only.length === 0 || only.includes('import-preview')) {
	for (const [device, width, height] of widths) {
		const page = await newPage({ width, height });
		await page.goto(base + '/import', { waitUntil: 'networkidle' });
		await page.setInputFiles('#file', {
			name: 'incidents-partner.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				[
					'Indicateur;Période;Région;Sexe;Valeur',
					'2.3.5;2026-Q3;Amberlake;F;7',
					'2.3.5;2026-Q3;Amberlake;H;9',
					'2.3.5;2026-Q3;Kestrelmark;F;trois',
					'2.3.5;2026-Q3;Quillhaven;H;2'
				].join('\n')
			)
		});
		await page.getByRole('button', { name: 'Upload and map columns' }).click();
		await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
		await page.waitForLoadState('networkidle');
		await page.getByRole('button', { name: 'Check the file' }).click();
		await page.locator('#preview').waitFor();
		const file = `${out}/import-preview-${device}.png`;
		await page.screenshot({ path: file, fullPage: true });
		console.log(`wrote ${file}`);
		await page.getByRole('button', { name: 'Discard this upload' }).click();
		await page.close();
	}
}
// A list of the demo's incident log (one row per incident) with an area spelt as no area is:
// the list step with its spelling to map, then the preview per rule. Checked, never imported.
if (only.length === 0 || only.includes('list-preview')) {
	const territories = ['Dunmarrow', 'Orrin Falls', 'Quillhaven', 'Fennoway', 'Mirrowgate'];
	const types = ['Intercommunal clash', 'Cattle raid with violence', 'Armed robbery'];
	const rows = Array.from({ length: 36 }, (_, i) => {
		const month = 7 + (i % 3);
		const day = String(1 + ((i * 7) % 28)).padStart(2, '0');
		const territory = i === 4 ? 'Dunmarow' : territories[(i * 3) % territories.length];
		return `INC-${1000 + i},2026-0${month}-${day},${territory},${types[Math.floor(i / 2) % types.length]},Incident (fictional)`;
	});
	const list = ['incident_id,incident_date,territory,incident_type,summary', ...rows].join('\n');
	for (const [device, width, height] of widths) {
		const page = await newPage({ width, height });
		await page.goto(base + '/import', { waitUntil: 'networkidle' });
		await page.setInputFiles('#file', {
			name: 'incident-log-2026-q3.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(list)
		});
		await page.getByRole('button', { name: 'Upload and map columns' }).click();
		await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
		await page.waitForLoadState('networkidle');
		const mapping = `${out}/list-mapping-${device}.png`;
		await page.screenshot({ path: mapping, fullPage: true });
		console.log(`wrote ${mapping}`);
		await page.getByLabel('Dunmarow', { exact: true }).selectOption('AMB-DUN');
		await page.getByRole('button', { name: 'Check the list' }).click();
		await page.locator('#preview').waitFor();
		await page.waitForTimeout(300);
		const file = `${out}/list-preview-${device}.png`;
		await page.screenshot({ path: file, fullPage: true });
		console.log(`wrote ${file}`);
		await page.getByRole('button', { name: 'Discard this upload' }).click();
		await page.close();
	}
}

// A source's page needs a source: the KoboToolbox template applied when the app has none called
// kobo-perception (this writes to the app's database, like a planner would), then a sample list
// read so the rule editor offers its values.
if (only.length === 0 || only.includes('source')) {
	const source = `${base}/sources/kobo-perception`;
	for (const [device, width, height] of widths) {
		const page = await newPage({ width, height });
		if ((await page.goto(source))?.status() === 404) {
			await page.goto(`${base}/sources`, { waitUntil: 'networkidle' });
			await page
				.getByRole('form', { name: 'Start from the KoboToolbox perception survey template' })
				.getByRole('button', { name: 'Start from this template' })
				.click();
			await page.waitForURL(/\/sources\/kobo-perception/);
		}
		await page.goto(`${source}?edit=3.2.5#rule-editor`, { waitUntil: 'networkidle' });
		await page.getByLabel('Sample list', { exact: true }).setInputFiles({
			name: 'perception-2025.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				[
					'_submission_time,group_location/province,group_respondent/sex,group_social/trust_other_communities,weight',
					'2025-03-02T10:01:00+01:00,Amberlake,female,yes,1.2',
					'2025-03-02T11:15:00+01:00,Kestrelmark,male,rather_yes,0.8',
					'2025-03-03T09:40:00+01:00,Solvanne,female,no,1.1',
					'2025-03-04T16:05:00+01:00,Amberlake,male,rather_no,0.9'
				].join('\n')
			)
		});
		await page.getByRole('button', { name: 'Read its columns' }).click();
		await page.getByText('Nothing of the file was kept').waitFor();
		const file = `${out}/source-${device}.png`;
		await page.screenshot({ path: file, fullPage: true });
		console.log(`wrote ${file}`);
		await page.close();
	}
}
// The public view (docs/security.md "The public view") as a visitor without an account sees it,
// in English and in French: turned on through the settings page as an administrator would (this
// writes to the app's database, audited), shot, then left as it was found.
if (only.length === 0 || only.includes('public')) {
	const settings = await newPage({ width: 1280, height: 900 });
	const switchTo = async (on: boolean) => {
		await settings.goto(`${base}/admin/settings`, { waitUntil: 'networkidle' });
		const box = settings.locator('#settings-public_view');
		const was = await box.isChecked();
		await box.setChecked(on);
		await settings.getByRole('button', { name: 'Save' }).click();
		await settings.locator('[data-public-view-state]').waitFor();
		return was;
	};
	const before = await switchTo(true);
	try {
		for (const locale of ['en-GB', 'fr-FR']) {
			const suffix = locale === 'fr-FR' ? '-fr' : '';
			const visitor = await browser.newContext({ locale });
			for (const [device, width, height] of widths) {
				const page = await visitor.newPage();
				await page.setViewportSize({ width, height });
				for (const [name, path] of [
					['public-overview', '/'],
					['public-indicator', '/indicators/1.2.1?by=quarter&from=2024']
				]) {
					await page.goto(base + path, { waitUntil: 'networkidle' });
					await page.waitForTimeout(300);
					const file = `${out}/${name}-${device}${suffix}.png`;
					await page.screenshot({ path: file, fullPage: device === 'desktop' });
					console.log(`wrote ${file}`);
				}
				await page.close();
			}
			await visitor.close();
		}
	} finally {
		await switchTo(before);
		await settings.close();
	}
}
await browser.close();
