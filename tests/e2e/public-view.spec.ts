/**
 * The public view (issue 18; docs/security.md "The public view"): an administrator turns it on
 * on the settings page; an anonymous visitor then sees the demo mission's public indicators and
 * nothing else — in the pages' HTML (which carries their data too), the API and the downloads —
 * with a banner saying so, no staff names, and every write refused. Turned off, every page
 * asks to sign in again.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { declaredRoutes } from '../helpers/routes';
import { ADDRESSES } from './addresses';
import { setPublicView } from './public-view';

const BASE = `http://localhost:${process.env.CPAS_E2E_PORT ?? 4173}`;
/** 1.1.1 (cease-fire violations) is internal; 1.2.5 (sexual violence) restricted */
const HIDDEN_MARKS = [
	'/indicators/1.1.1',
	'violations of cease-fire agreements',
	'/indicators/1.2.5',
	'recorded victims of conflict related sexual violence'
];
const PUBLIC_CODES = ['1.2.1', '1.2.2', '1.2.7', '1.2.11', '1.3.6', '2.3.4', '3.2.5', '3.3.4'];

let anonymous: APIRequestContext;
test.beforeAll(async () => {
	anonymous = await request.newContext({
		baseURL: BASE,
		storageState: { cookies: [], origins: [] }
	});
});
test.afterAll(async () => {
	await anonymous.dispose();
});

test.describe.configure({ mode: 'serial' });

test.describe('with the public view on', () => {
	test.beforeAll(async ({ browser }) => {
		const context = await browser.newContext({ storageState: 'test-results/e2e/.auth/admin.json' });
		await setPublicView(await context.newPage(), true);
		await context.close();
	});
	test.afterAll(async ({ browser }) => {
		const context = await browser.newContext({ storageState: 'test-results/e2e/.auth/admin.json' });
		await setPublicView(await context.newPage(), false);
		await context.close();
	});

	test('pages: public indicators only, never an internal or restricted one', async () => {
		for (const path of ['/', '/objectives/PO1', '/objectives/PO3', '/indicators']) {
			const response = await anonymous.get(path, { maxRedirects: 0 });
			expect(response.status(), path).toBe(200);
			const html = await response.text();
			for (const mark of HIDDEN_MARKS) expect(html, `${path}: ${mark}`).not.toContain(mark);
		}
		const list = await (await anonymous.get('/indicators')).text();
		for (const code of PUBLIC_CODES) expect(list).toContain(`/indicators/${code}"`);
		for (const path of ['/indicators/1.1.1', '/indicators/1.2.5']) {
			const response = await anonymous.get(path, { maxRedirects: 0 });
			expect(response.status(), path).toBe(404);
		}
	});

	test('the API: public indicators listed, an internal one’s series unknown', async () => {
		const listed = await anonymous.get('/api/v1/indicators');
		expect(listed.status()).toBe(200);
		const codes = ((await listed.json()) as { code: string }[]).map((i) => i.code);
		expect(codes.sort()).toEqual([...PUBLIC_CODES].sort());
		expect((await anonymous.get('/api/v1/indicators/1.2.1/series')).status()).toBe(200);
		expect((await anonymous.get('/api/v1/indicators/1.1.1/series')).status()).toBe(404);
		expect((await anonymous.get('/api/v1/indicators/1.2.5/series')).status()).toBe(404);
		// a bad token is refused, not read as the public
		const bad = await anonymous.get('/api/v1/indicators', {
			headers: { authorization: 'Bearer not-a-token' }
		});
		expect(bad.status()).toBe(401);
	});

	test('downloads: a public indicator’s, not an internal one’s', async () => {
		const ok = [
			'/indicators/1.2.1/series.csv',
			'/indicators/1.2.1/breakdown.csv?breakdown=sex',
			'/indicators/1.2.1/map.svg'
		];
		for (const path of ok) {
			const response = await anonymous.get(path);
			expect(response.status(), path).toBe(200);
			expect(response.headers()['cache-control'], path).toBe('public, max-age=60');
		}
		for (const path of [
			'/indicators/1.1.1/series.csv',
			'/indicators/1.1.1/breakdown.csv?breakdown=perpetrator',
			'/indicators/1.2.5/breakdown.csv?breakdown=sex&raw=1'
		]) {
			expect((await anonymous.get(path)).status(), path).toBe(404);
		}
	});

	test('the indicator page: a banner, no staff names, no links it cannot open', async ({
		browser
	}) => {
		const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
		const page = await context.newPage();
		await page.goto('/indicators/1.2.1');
		const banner = page.getByRole('note', { name: 'Public view' });
		await expect(banner).toContainText('Only the indicators this mission publishes are shown');
		await expect(banner.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
			'href',
			'/login?next=%2Findicators%2F1.2.1'
		);
		// the banner and the public menu pass the accessibility check the signed-in pages pass
		const { violations } = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.include('[data-public-view]')
			.include('header')
			.analyze();
		expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		const html = await page.content();
		// the demo was imported by the loader as local-admin; the page says when, not who
		expect(html).not.toContain('local-admin');
		await expect(page.getByText('the person who imported it')).toHaveCount(0);
		expect(html).not.toMatch(/href="\/(import|sources|framework|reports|admin|actions|account)/);
		await expect(page.getByRole('navigation', { name: 'Public view' })).toBeVisible();

		// the overview in French: the banner too
		await page.getByRole('button', { name: 'Français' }).click();
		await page.goto('/');
		await expect(page.getByRole('note', { name: 'Vue publique' })).toContainText(
			'Seuls les indicateurs que la mission publie'
		);
		await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
		await context.close();
	});

	test('anything posted asks to sign in', async () => {
		const posts = [
			['/indicators/1.2.1?/addCaveat', 'text/html'],
			['/admin/settings?/save', 'text/html'],
			['/api/v1/imports', 'application/json'],
			['/api/v1/indicators', 'application/json']
		];
		for (const [path, accept] of posts) {
			const response = await anonymous.post(path!, {
				headers: { origin: BASE, accept: accept! },
				form: { public_view: 'on' },
				maxRedirects: 0
			});
			expect([401, 303], path).toContain(response.status());
			if (response.status() === 303) expect(response.headers()['location']).toMatch(/^\/login/);
		}
	});

	test('pages outside the public view still ask to sign in', async () => {
		for (const path of ['/import/history', '/sources', '/framework', '/reports', '/actions']) {
			const response = await anonymous.get(path, { maxRedirects: 0 });
			expect(response.status(), path).toBe(303);
			expect(response.headers()['location'], path).toMatch(/^\/login/);
		}
	});
});

test('with the public view off, every page of the route table asks to sign in; the API answers 401', async () => {
	const pages = declaredRoutes()
		.filter((r) => r.page)
		.flatMap((r) => ADDRESSES[r.id] ?? []);
	expect(pages.length).toBeGreaterThan(30);
	for (const path of pages) {
		const response = await anonymous.get(path, {
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), path).toBe(303);
		expect(response.headers()['location'], path).toMatch(/^\/login/);
	}
	for (const path of ['/api/v1/indicators', '/api/v1/indicators/1.2.1/series']) {
		expect((await anonymous.get(path)).status(), path).toBe(401);
	}
});
