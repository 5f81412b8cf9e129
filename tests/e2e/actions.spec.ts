/**
 * The action points tracker (/actions, docs/actions.md) on the demo mission: filters in the URL
 * through a plain GET form, a decision recorded and followed to its end with the keyboard,
 * leadership closing (and refused a drop without its reason), and the clearance rule on links
 * to restricted indicators.
 */
import { expect, test } from '@playwright/test';
import { pageAs } from './auth';

test('the tracker filters by the URL, counts, and exports what it shows', async ({ page }) => {
	await page.goto('/actions');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Action points');
	await expect(page.getByRole('table', { name: 'Action points, by deadline' })).toBeVisible();
	await expect(page.locator('.counts')).toContainText('overdue');

	const filters = page.getByRole('form', { name: 'Filter the action points' });
	await filters.getByLabel('Origin').selectOption('jpt_mission');
	await filters.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/\/actions\?origin=jpt_mission/);
	const rows = page.getByRole('table', { name: 'Action points, by deadline' }).locator('tbody tr');
	await expect(rows).toHaveCount(3);
	for (const row of await rows.all()) await expect(row).toContainText('Joint protection team');

	// overdue only, from the overview's link
	await page.goto('/');
	await page
		.getByRole('region', { name: 'Action points' })
		.getByRole('link', { name: /overdue/ })
		.click();
	await expect(page).toHaveURL(/\/actions\?overdue=1$/);
	await expect(rows.first()).toContainText('Overdue');
	for (const row of await rows.all()) await expect(row).toHaveClass(/overdue/);

	const csv = await page.request.get('/actions/actions.csv?origin=jpt_mission');
	expect(csv.status()).toBe(200);
	const lines = (await csv.text()).trim().split('\n');
	expect(lines[0]).toMatch(/^reference,origin,origin_reference/);
	expect(lines).toHaveLength(4);
	expect((await page.request.get('/actions/actions.csv?origin=nowhere')).status()).toBe(400);
});

test('a decision is recorded, started and closed with the keyboard; its history says each step', async ({
	page
}) => {
	await page.goto('/actions');
	const create = page.getByRole('form', { name: 'Record an action point' });
	await create.getByLabel('Origin').selectOption('smg_p_meeting');
	await create.getByLabel('Where and when').fill('SMG-P, e2e');
	// a refusal first: no decision, a bad deadline
	await create.getByLabel('Owner').fill('Civil Affairs');
	await create.getByLabel('Framework nodes').fill('PO1; NOPE');
	await create.getByLabel('Framework nodes').press('Enter');
	await expect(create.getByRole('alert')).toContainText('Write the decision.');
	await expect(create.getByRole('alert')).toContainText('NOPE');

	await create.getByLabel('Decision').fill('Hold a town hall in Quillhaven on the alert network');
	await create.getByLabel('Deadline').fill('2030-01-31');
	await create.getByLabel('Framework nodes').fill('PO1');
	await create.getByLabel('Indicators').fill('1.1.1');
	await create.getByLabel('Indicators').press('Enter');
	await expect(page).toHaveURL(/\/actions\/AP-\d{4}\?created=1$/);
	await expect(page.getByRole('status')).toContainText('recorded');
	const links = page.getByRole('region', { name: 'What it concerns' });
	await expect(links.getByRole('link', { name: 'PO1' })).toBeVisible();
	await expect(links.getByRole('link', { name: '1.1.1' })).toBeVisible();

	const update = page.getByRole('form', { name: 'Record an update' });
	await update.getByLabel('Status').selectOption('in_progress');
	await update.getByLabel('Note').fill('Venue booked.');
	await update.getByRole('button', { name: 'Record the update' }).focus();
	await page.keyboard.press('Enter');
	await expect(update.getByRole('status')).toHaveText('Update recorded.');
	const history = page.getByRole('table', { name: /oldest first/ });
	await expect(history.locator('tbody tr')).toHaveCount(2);
	await expect(history.locator('tbody tr').nth(1)).toContainText('Open → In progress');
	await expect(history.locator('tbody tr').nth(1)).toContainText('Venue booked.');
});

test('leadership closes, but a drop needs its reason; it records nothing else', async ({
	browser
}) => {
	const page = await pageAs(browser, 'leadership');
	await page.goto('/actions');
	await expect(page.getByRole('form', { name: 'Record an action point' })).toHaveCount(0);
	// the Brackenford liaison office (demo): open, due in a month
	await page.getByRole('link', { name: 'AP-0012' }).click();
	const update = page.getByRole('form', { name: 'Record an update' });
	const status = update.getByLabel('Status');
	await expect(status.locator('option')).toHaveText(['Open', 'Done', 'Dropped']);
	await status.selectOption('dropped');
	await update.getByRole('button', { name: 'Record the update' }).click();
	await expect(update.getByRole('alert')).toContainText('Say why it is dropped.');
	await update.getByLabel('Note').fill('The office will open with the new county administration.');
	await update.getByRole('button', { name: 'Record the update' }).click();
	await expect(update.getByRole('status')).toHaveText('Update recorded.');
	await expect(page.getByRole('region', { name: 'Decision' })).toContainText('Dropped');
	await expect(page.getByRole('region', { name: 'Decision' })).toContainText(
		'The office will open with the new county administration.'
	);
	await page.context().close();
});

test('an uncleared reader never sees a restricted indicator linked', async ({ browser, page }) => {
	// the referral pathways (demo AP-0010) are linked to 1.2.5, a restricted indicator
	await page.goto('/actions/AP-0010');
	await expect(page.getByRole('region', { name: 'What it concerns' })).toContainText('1.2.5');
	const viewer = await pageAs(browser, 'viewer');
	await viewer.goto('/actions/AP-0010');
	await expect(viewer.getByRole('region', { name: 'What it concerns' })).toContainText('PO3-IM1');
	expect(await viewer.content()).not.toContain('1.2.5');
	await viewer.goto('/actions');
	expect(await viewer.content()).not.toContain('1.2.5');
	const csv = await viewer.request.get('/actions/actions.csv');
	expect(await csv.text()).not.toContain('1.2.5');
	await viewer.context().close();
});
