/**
 * Accessibility checked by a machine: axe-core's WCAG 2.1 A and AA rules over every page each
 * role can open, on the demo mission, plus the sign-in page signed out and the
 * first-administrator page on the empty server. A serious or critical violation fails, named
 * by page, rule and element. What a machine cannot judge (reading order, wording, what a
 * screen reader announces while a form is used) is left to the other specs and to people.
 *
 * The pages come from the route table (the files under src/routes), so a new page fails the
 * first test until it has an address here; which role opens which page is the gate's own rule.
 */
import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ROLES, type Role } from '../../src/lib/domain/roles';
import { accessFor } from '../../src/lib/server/http/route-access';
import { can } from '../../src/lib/server/permissions';
import { declaredRoutes } from '../helpers/routes';
import { ADDRESSES, CYCLE } from './addresses';
import { pageAs } from './auth';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** How many rows of each table are checked. */
const TABLE_ROWS = 12;
const EMPTY = `http://localhost:${Number(process.env.CPAS_E2E_PORT ?? 4173) + 1}`;

/** An upload this spec stages (one bad value, so the preview lists an error), then discards. */
const UPLOAD = 'indicator_code,period,area_code,value\n1.2.1,2026-01,AMB,x\n';

const PAGES = declaredRoutes().filter((r) => r.page);

/** Whether the gate lets a role open a page: the app's own rule, not a copy of it. */
function opens(role: Role, routeId: string): boolean {
	const access = accessFor({ routeId, method: 'GET', action: null });
	if (access === 'signed-in') return true;
	if (access === null || access === 'public' || access === 'setup') return false;
	return can(
		{ username: role, role, cleared: true },
		access === 'read-or-public' ? 'read' : access
	);
}

/**
 * The serious and critical violations on the page as it is now, one line each. Rows of a long
 * table repeat their first rows' markup: the first rows are checked (axe takes seconds per
 * hundred cells), and folded parts only where `unfold` asks (the table behind every chart is
 * the same component).
 */
async function problems(page: Page, where: string, unfold = false): Promise<string[]> {
	if (unfold) {
		await page
			.locator('details')
			.evaluateAll((all: HTMLDetailsElement[]) => all.forEach((d) => (d.open = true)));
	}
	const { violations } = await new AxeBuilder({ page })
		.withTags(WCAG_21_AA)
		.exclude(`tbody > tr:nth-child(n+${TABLE_ROWS + 1})`)
		.options({ resultTypes: ['violations'] })
		.analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) =>
			v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${v.help}`)
		);
}

/**
 * Pages already checked, by their title and main content as the server sent them. Many pages
 * look the same to several roles; the same markup is checked once (axe is slow on long
 * tables), and a page seen before is not even waited on. The header, the only other part
 * that differs by role, is checked on each role's first page.
 */
const seen = new Set<string>();

function fingerprint(html: string): string {
	const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '';
	const main = /<main[\s>][\s\S]*<\/main>/.exec(html)?.[0] ?? html;
	return createHash('sha256').update(`${title}\n${main}`).digest('hex');
}

/** Pages checked with their folded parts open: the tables behind charts and breakdowns. */
const UNFOLD = new Set([
	'/indicators/1.2.1?breakdown=sex&area=AMB',
	'/objectives/PO2?breakdown=sex'
]);

async function check(page: Page, path: string, who: string, always = false): Promise<string[]> {
	const response = await page.goto(path, { waitUntil: 'commit' });
	expect(response?.status(), `${who} opens ${path}`).toBeLessThan(400);
	const key = fingerprint(await response!.text());
	if (seen.has(key) && !always) return [];
	seen.add(key);
	// charts and enhanced forms are drawn once the scripts have run
	await page.waitForLoadState('networkidle');
	return problems(page, `${path} as ${who}`, UNFOLD.has(path));
}

/** Stages a file with a bad value and checks it: the mapping page with its preview. */
async function uploadForMapping(page: Page, who: string): Promise<string[]> {
	await page.goto('/import');
	await page.setInputFiles('#file', {
		name: 'a11y-check.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(UPLOAD)
	});
	await page.getByRole('button', { name: 'Upload and map columns' }).click();
	await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
	await page.waitForLoadState('networkidle');
	const found = await problems(page, `the mapping page as ${who}`);
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByRole('region', { name: 'What the file would change' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	found.push(...(await problems(page, `the mapping page's preview as ${who}`)));
	await page.getByRole('button', { name: /^Discard/ }).click();
	await page.waitForURL(/\/import$/);
	return found;
}

test('every page of the route table has an address to check', () => {
	const missing = PAGES.map((r) => r.id).filter((id) => !(id in ADDRESSES));
	expect(missing, 'pages without an address in ADDRESSES').toEqual([]);
});

test.describe('signed in', () => {
	test.beforeAll(async ({ browser }) => {
		// a draft cycle, so the page with its rating and recommendation forms can be checked
		const page = await pageAs(browser, 'admin');
		await page.goto('/reports/cycles');
		if ((await page.getByRole('link', { name: CYCLE, exact: true }).count()) === 0) {
			await page.getByLabel('Period assessed').fill(CYCLE);
			await page.getByRole('button', { name: 'Create the cycle' }).click();
			await page.waitForURL(new RegExp(`/reports/cycles/${CYCLE}`));
		}
		await page.context().close();
	});

	for (const role of ROLES) {
		test(`no serious or critical violation on the pages the ${role} opens`, async ({ browser }) => {
			// axe takes seconds on a page with long tables: several minutes for the administrator's
			test.setTimeout(900_000);
			const page = await pageAs(browser, role);
			const found: string[] = [];
			let first = true;
			for (const route of PAGES) {
				if (!opens(role, route.id)) continue;
				for (const path of ADDRESSES[route.id] ?? []) {
					found.push(...(await check(page, path, role, first)));
					first = false;
				}
			}
			if (opens(role, '/import/[id]')) found.push(...(await uploadForMapping(page, role)));
			await page.context().close();
			expect(found, `axe found:\n${found.join('\n')}\n`).toEqual([]);
		});
	}
});

test.describe('signed out', () => {
	test.use({ storageState: { cookies: [], origins: [] } });

	test('no serious or critical violation on the sign-in page, with and without a mistake', async ({
		page
	}) => {
		const found = await check(page, '/login', 'nobody', true);
		await page.getByLabel('User name').fill('no-such-user');
		await page.getByLabel('Password').fill('not the password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toBeVisible();
		found.push(...(await problems(page, '/login after a wrong password')));
		expect(found, `axe found:\n${found.join('\n')}\n`).toEqual([]);
	});

	test('no serious or critical violation on the first-administrator page of an empty server', async ({
		page
	}) => {
		const found = await check(page, `${EMPTY}/setup`, 'nobody on the empty server', true);
		expect(found, `axe found:\n${found.join('\n')}\n`).toEqual([]);
	});
});
