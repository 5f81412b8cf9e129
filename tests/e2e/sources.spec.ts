/**
 * Sources of lists and their rules on /sources, in Chromium: a source created and its rule
 * written with the keyboard, `where` picked from a sample list's values, a refused rule shown on
 * its field, a template applied in one click and one that does not fit refused whole, retire and
 * restore, what a viewer sees, a 360 px screen, and the machine's accessibility check on a
 * source page with a sample read (accessibility.spec.ts checks the demo's source without one).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pageAs } from './auth';

/** A sample of an incident log: dates and descriptions too many to pick from, categories few. */
const SAMPLE = [
	'event_date,province,event_type,victim_sex,fatalities,description',
	...Array.from({ length: 60 }, (_, i) =>
		[
			`2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
			['Amberlake', 'Kestrelmark', 'Solvanne'][i % 3],
			['Attack', 'Abduction', 'Looting'][i % 3],
			['female', 'male'][i % 2],
			String(i % 4),
			`report ${i}: what the patrol saw`
		].join(',')
	)
].join('\n');

const createForm = (page: Page) => page.getByRole('form', { name: 'Create a source' });
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function readSample(page: Page) {
	await page.getByLabel('Sample list', { exact: true }).setInputFiles({
		name: 'incidents-sample.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(SAMPLE)
	});
	await page.getByRole('button', { name: 'Read its columns' }).press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Read 6 columns' })).toContainText(
		'Read 6 columns from 60 rows of incidents-sample.csv; the values of 4 of them are offered below.'
	);
}

test('a source is created, and its rule written with the keyboard from a sample’s values', async ({
	page
}) => {
	await page.goto('/sources');
	await createForm(page).getByLabel('Name').focus();
	await page.keyboard.type('e2e-incidents');
	await page.keyboard.press('Tab');
	await page.keyboard.type('The JOC incident log, weekly');
	await page.getByRole('button', { name: 'Create source' }).press('Enter');
	await expect(page).toHaveURL(/\/sources\/e2e-incidents\?done=created/);
	await expect(page.getByRole('heading', { name: 'Source e2e-incidents' })).toBeVisible();
	await expect(page.getByText('Source created: add its rules below.')).toBeVisible();

	await readSample(page);
	const editor = page.getByRole('form', { name: 'Add a rule' });
	await editor.getByLabel('Indicator').selectOption('1.1.1');
	await editor.getByLabel('What to count').fill('count');
	await editor.getByLabel('Date column').selectOption('event_date');
	await editor.getByLabel('Area column').selectOption('province');
	// the free-text and number columns are not offered: too many or too long values
	await expect(editor.locator('summary')).toHaveText([
		/province/,
		/event_type/,
		/victim_sex/,
		/fatalities/
	]);
	await editor.locator('summary', { hasText: 'event_type' }).focus();
	await page.keyboard.press('Enter');
	await editor.getByLabel('Attack').focus();
	await page.keyboard.press('Space');
	await editor.getByLabel('Abduction').focus();
	await page.keyboard.press('Space');
	await editor.getByLabel('Breakdown').fill('perpetrator=event_type');
	await editor.getByRole('button', { name: 'Add the rule' }).press('Enter');

	await expect(page).toHaveURL(/done=rule/);
	await expect(page.getByText('Rule for 1.1.1 saved.')).toBeVisible();
	const row = page.getByRole('row', { name: /1\.1\.1/ });
	await expect(row).toContainText('event_type=Abduction|Attack');
	await expect(row).toContainText('perpetrator=event_type');
	await expect(row).toContainText('event_date · province');

	// the list on /sources says it has one rule
	await page.goto('/sources');
	await expect(page.getByRole('row', { name: /e2e-incidents/ })).toContainText(
		'The JOC incident log, weekly'
	);
});

test('the source page, with a sample read, passes the machine’s accessibility check', async ({
	page
}) => {
	// axe takes its time over a page this long on a busy machine
	test.setTimeout(120_000);
	await page.goto('/sources/e2e-incidents');
	await readSample(page);
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
});

test('a rule whose value does not fit the indicator is refused on its field, the sample kept', async ({
	page
}) => {
	await page.goto('/sources');
	await createForm(page).getByLabel('Name').fill('e2e-refused');
	await page.getByRole('button', { name: 'Create source' }).click();
	await readSample(page);
	const editor = page.getByRole('form', { name: 'Add a rule' });
	await editor.getByLabel('Indicator').selectOption('1.1.1');
	await editor.getByLabel('What to count').fill('share(event_type=Attack)');
	await editor.getByLabel('Date column').selectOption('event_date');
	await editor.getByLabel('Area column').selectOption('province');
	await editor.getByRole('button', { name: 'Add the rule' }).click();

	const refused = page.getByRole('form', { name: 'Add a rule' });
	await expect(refused.getByRole('alert')).toContainText(
		'share needs an indicator of measure percent; 1.1.1 is a count indicator.'
	);
	await expect(refused.getByLabel('What to count')).toHaveAttribute('aria-invalid', 'true');
	await expect(refused.getByLabel('What to count')).toHaveValue('share(event_type=Attack)');
	// the sample's columns are still offered, from the form itself: nothing was stored
	await expect(refused.getByLabel('Date column')).toHaveValue('event_date');
	await expect(refused.locator('summary', { hasText: 'event_type' })).toBeVisible();
	await expect(page.getByRole('row', { name: /1\.1\.1/ })).toHaveCount(0);
});

test('a template fitting the demo applies in one click; one that does not is refused whole', async ({
	page
}) => {
	await page.goto('/sources');
	const kobo = page.getByRole('form', {
		name: 'Start from the KoboToolbox perception survey template'
	});
	await expect(kobo.getByRole('checkbox')).toHaveCount(3);
	for (const box of await kobo.getByRole('checkbox').all()) await expect(box).toBeChecked();
	await kobo.getByRole('button', { name: 'Start from this template' }).click();
	await expect(page).toHaveURL(/\/sources\/kobo-perception\?done=template/);
	await expect(page.locator('tbody tr')).toHaveCount(3);
	await expect(page.getByRole('row', { name: /1\.3\.6/ })).toContainText(
		'share(group_safety/armed_groups_threat=yes)'
	);

	// UCDP's 1.2.1 sums deaths, and the demo's 1.2.1 is a rate: only 1.1.1 fits
	await page.goto('/sources');
	const ucdp = page.getByRole('form', {
		name: 'Start from the UCDP Georeferenced Event Dataset template'
	});
	await expect(ucdp.getByRole('checkbox', { name: /1\.1\.1/ })).toBeChecked();
	await expect(ucdp.getByRole('checkbox', { name: /1\.2\.1/ })).not.toBeChecked();
	await expect(ucdp.getByText('1.2.1 is a per_100k indicator')).toBeVisible();
	await ucdp.getByRole('checkbox', { name: /1\.2\.1/ }).check();
	await ucdp.getByRole('button', { name: 'Start from this template' }).click();
	const refused = page.getByRole('form', {
		name: 'Start from the UCDP Georeferenced Event Dataset template'
	});
	await expect(refused.getByRole('alert')).toContainText(
		"does not fit this mission's indicators, so nothing was applied"
	);
	await expect(refused.getByRole('alert')).toContainText('1.2.1: sum needs an indicator');
	await expect(page.getByRole('row', { name: /ucdp-ged/ })).toHaveCount(0);
});

test('a source is retired and restored; a viewer reads it without forms', async ({
	page,
	browser
}) => {
	await page.goto('/sources');
	await createForm(page).getByLabel('Name').fill('e2e-retired');
	await page.getByRole('button', { name: 'Create source' }).click();
	await page.getByRole('button', { name: 'Retire this source' }).click();
	await expect(page.getByText('Source retired: it takes no more lists.')).toBeVisible();
	await page.goto('/sources');
	await expect(page.getByRole('listitem').filter({ hasText: 'e2e-retired' })).toContainText(
		'retired'
	);
	await page.getByRole('button', { name: 'Restore e2e-retired' }).click();
	await expect(page.getByText('Source e2e-retired restored: it takes lists again.')).toBeVisible();

	const viewer = await pageAs(browser, 'viewer');
	await viewer.goto('/sources/e2e-retired');
	await expect(viewer.getByRole('heading', { name: 'Source e2e-retired' })).toBeVisible();
	await expect(viewer.getByRole('button', { name: 'Retire this source' })).toHaveCount(0);
	await expect(viewer.getByRole('form', { name: 'Add a rule' })).toHaveCount(0);
	await viewer.goto('/sources');
	await expect(viewer.getByRole('button', { name: 'Create source' })).toHaveCount(0);
	await viewer.context().close();
});

test.describe('on a 360 px screen', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('the sources list, the templates and a source with a sample fit without scrolling sideways', async ({
		page
	}) => {
		await page.goto('/sources');
		expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
		await createForm(page).getByLabel('Name').fill('e2e-phone');
		await page.getByRole('button', { name: 'Create source' }).click();
		await readSample(page);
		await page.locator('summary', { hasText: 'event_type' }).click();
		expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
	});
});
