import { expect, test } from '@playwright/test';

/**
 * The RBB report of the demo mission's last complete budget year: a narrative written on the
 * page is kept. The spec clears it again at the end, and a draft with nothing written is no
 * report, so the shared database is left as it was found.
 */
test('a narrative written on the RBB page is kept, and cleared again', async ({ page }) => {
	await page.goto('/reports');
	await page.getByRole('link', { name: 'Results-based budget performance reports' }).click();
	await expect(
		page.getByRole('heading', { name: 'Results-based budget performance reports' })
	).toBeVisible();
	const complete = page.getByRole('row', { name: /Complete/ }).first();
	const year = (await complete.getByRole('link').textContent())!.trim();
	await expect(complete).toContainText('Not started');
	await complete.getByRole('link').click();

	await expect(page.getByRole('heading', { level: 1, name: `Budget year ${year}` })).toBeVisible();
	await expect(page).toHaveURL(`/reports/rbb/${year.replace('/', '-')}`);
	await expect(page.getByTestId('rbb-status')).toHaveText('Draft (not started)');
	// every objective is a section, with its indicators of achievement and outputs
	await expect(page.locator('[data-objective]')).toHaveCount(3);
	await expect(page.getByRole('heading', { name: 'Indicators of achievement' })).toHaveCount(3);

	const narrative = page.getByLabel('Narrative for PO1');
	const words =
		'Violence against civilians fell in the east as joint patrols reached more localities.';
	await narrative.fill(words);
	const form = page.locator('form[data-field="section:PO1"]');
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(form.getByRole('status')).toHaveText('Saved.');
	await expect(page.getByTestId('rbb-status')).toHaveText('Draft');

	await page.reload();
	await expect(page.getByLabel('Narrative for PO1')).toHaveValue(words);
	// the address with the period syntax's slash leads to the same report
	await page.goto(`/reports/rbb/${encodeURIComponent(year)}`);
	await expect(page).toHaveURL(`/reports/rbb/${year.replace('/', '-')}`);
	await expect(page.getByLabel('Narrative for PO1')).toHaveValue(words);

	// the CSV download carries the narrative too
	const csv = await (
		await page.request.get(`/reports/rbb/${year.replace('/', '-')}/rbb.csv`)
	).text();
	expect(csv).toContain(words);

	await page.getByLabel('Narrative for PO1').fill('');
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(form.getByRole('status')).toHaveText('Saved.');
	await expect(page.getByTestId('rbb-status')).toHaveText('Draft (not started)');
});

test('an unknown budget year and a badly written one are explained, not crashed on', async ({
	page
}) => {
	const missing = await page.goto('/reports/rbb/FY2040-41');
	expect(missing?.status()).toBe(404);
	await expect(page.getByText('No figures fall in the budget year FY2040/41.')).toBeVisible();
	const bad = await page.goto('/reports/rbb/FY2024-26');
	expect(bad?.status()).toBe(400);
	await expect(page.getByText('"FY2024-26" is not a budget year')).toBeVisible();
});
