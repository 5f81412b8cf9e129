import { expect, test, type Locator, type Page } from '@playwright/test';
import { pageAs } from './auth';

/**
 * A planner drops a list of the demo's incident log (one row per incident) in the browser: it
 * is recognised by its columns, an area spelt in a way no area is gets mapped (and is kept
 * with the source), the preview shows per rule the rows matched, the figures and what they
 * change, the import writes the figures, the objective page shows them, and undo takes them
 * back. Incidents of September 2026 in Dunmarrow (AMB-DUN) feed indicator 1.2.8 (objective
 * PO2), which the demo loads from its own incident log.
 */
const HEADER = 'incident_id,incident_date,territory,incident_type,summary';

function incidentList(id: string): string {
	return [
		HEADER,
		`${id}-1,2026-09-03,Dunmarow,Intercommunal clash,Clash at the water point (test)`,
		`${id}-2,2026-09-10,Dunmarrow,Cattle raid with violence,Cattle taken at night (test)`,
		`${id}-3,2026-09-12,Dunmarow,Revenge killing,Retaliation (test)`,
		`${id}-4,2026-09-20,Orrin Falls,Armed robbery,Shop robbed (test)`,
		''
	].join('\n');
}

async function upload(page: Page, name: string, content: string) {
	await page.goto('/import');
	await page.setInputFiles('#file', {
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(content)
	});
	await page.getByRole('button', { name: 'Upload and map columns' }).click();
	await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
	await page.waitForLoadState('networkidle');
}

/** What the objective page shows for 1.2.8 in Dunmarrow in September 2026. */
async function dunmarrowSeptember(page: Page): Promise<string> {
	await page.goto('/objectives/PO2?area=AMB-DUN&from=2026-09&to=2026-09');
	const row = page.locator('article[data-indicator="1.2.8"] tr', {
		has: page.locator('th', { hasText: '2026-09' })
	});
	return (await row.locator('td').first().textContent())!.trim();
}

/** Moves the focus with the Tab key until `target` has it (keyboard only, as a user would). */
async function tabTo(page: Page, target: Locator, limit = 80) {
	for (let i = 0; i < limit; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('the element was not reached with the Tab key');
}

test('a planner drops a list, maps an area spelling, previews, commits, sees it, undoes it', async ({
	browser
}) => {
	const page = await pageAs(browser, 'planner');
	const before = await dunmarrowSeptember(page);

	await upload(page, 'incidents-2026-09.csv', incidentList('A'));
	await expect(page.getByText('taken as a list of the source demo-incident-log')).toBeVisible();
	await expect(page.getByText('(recognised from its columns)').first()).toBeVisible();
	const spelling = page.getByLabel('Dunmarow', { exact: true });
	await expect(spelling).toBeVisible();
	await spelling.selectOption('AMB-DUN');
	await page.getByRole('button', { name: 'Check the list' }).click();

	const preview = page.getByRole('region', { name: 'What the list would change' });
	await expect(preview).toContainText('The list is clean: 4 rows counted');
	const rule = preview.getByRole('article', { name: /demo-incident-log → 1\.2\.8/ });
	await expect(rule.getByRole('definition').nth(0)).toHaveText('3'); // rows matched
	await expect(rule).toContainText('Covers 2026-09');
	// Dunmarrow's figure changes to 3; the other territories of the month become 0
	const dunmarrow = rule.locator('tbody tr', { hasText: 'AMB-DUN' });
	await expect(dunmarrow).toContainText('changed');
	await expect(dunmarrow.locator('td').nth(4)).toContainText('3');
	await expect(rule.getByRole('figure')).toBeVisible();

	await preview.getByRole('button', { name: "Import the list's figures" }).click();
	await page.waitForURL(/\/import\/history\/\d+$/);
	const batchPage = page.url();
	await expect(page.getByText('incidents-2026-09.csv').first()).toBeVisible();

	expect(await dunmarrowSeptember(page)).toBe('3 incidents');

	// the figure's provenance names the rows, the file, its hash and the rule
	await page.goto('/indicators/1.2.8?area=AMB-DUN&from=2026-09&to=2026-09');
	await expect(
		page
			.getByRole('region', { name: 'Table of the figures behind the chart' })
			.getByText(
				/3 rows of incidents-2026-09\.csv \(SHA-256 [0-9a-f]{12}…\) by rule demo-incident-log → 1\.2\.8/
			)
	).toBeVisible();

	// the spelling was kept with the source: the next export maps itself
	await upload(page, 'incidents-2026-09-b.csv', incidentList('B'));
	await expect(page.getByLabel('Dunmarow', { exact: true })).toHaveCount(0);
	await page.getByRole('button', { name: 'Discard this upload' }).click();
	await page.waitForURL(/\/import$/);

	// undo, like any batch of figures
	await page.goto(batchPage);
	await page.getByRole('button', { name: /^Undo/ }).click();
	await expect(page.getByRole('alert').or(page.getByRole('status')).first()).toBeVisible();
	await expect.poll(() => dunmarrowSeptember(page)).toBe(before);
	await page.context().close();
});

test('at 360 px, with the keyboard: a list is checked and discarded; nothing overflows', async ({
	browser
}) => {
	const page = await pageAs(browser, 'planner');
	await page.setViewportSize({ width: 360, height: 740 });
	const csv = incidentList('C').replace(/Dunmarow/g, 'Sabel Hils');
	await upload(page, 'incidents-narrow.csv', csv);

	const spelling = page.getByLabel('Sabel Hils', { exact: true });
	await tabTo(page, spelling);
	// a closed select takes type-ahead: the first area named so
	await page.keyboard.type('Sabelle');
	await expect(spelling).toHaveValue('AMB-SAB');
	const check = page.getByRole('button', { name: 'Check the list' });
	await tabTo(page, check);
	await page.keyboard.press('Enter');

	const preview = page.getByRole('region', { name: 'What the list would change' });
	await expect(preview).toContainText('The list is clean');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	const discard = page.getByRole('button', { name: 'Discard this upload' });
	await tabTo(page, discard, 200);
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/import$/);
	await page.context().close();
});

test('a list with an unreadable date is refused whole, naming line, column and value', async ({
	page
}) => {
	const csv = incidentList('D')
		.replace(/Dunmarow/g, 'Dunmarrow')
		.replace('2026-09-10', '10/09/2026');
	await upload(page, 'incidents-bad.csv', csv);
	await page.getByRole('button', { name: 'Check the list' }).click();
	const preview = page.getByRole('region', { name: 'What the list would change' });
	await expect(preview).toContainText('nothing has been written');
	const errors = preview.getByRole('table', { name: 'Errors' });
	await expect(errors.locator('tbody tr').first()).toContainText('3');
	await expect(errors.locator('tbody tr').first()).toContainText('incident_date');
	await expect(errors.locator('tbody tr').first()).toContainText('10/09/2026');
	await expect(preview.getByRole('button', { name: "Import the list's figures" })).toBeDisabled();
	await page.getByRole('button', { name: 'Discard this upload' }).click();
});
