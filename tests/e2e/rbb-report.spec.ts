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

/**
 * Planned outputs and resources of the demo's last complete year (FY2025/26, demo/rbb-plans.ts):
 * shown under each expected accomplishment and in the resources table; the SPU explains a
 * variance, sets the threshold, and is told why the report cannot be issued yet. Everything
 * written is put back, so the shared database is left as it was found.
 */
test('the report shows planned outputs and resources; the SPU explains a variance and sets the threshold', async ({
	page
}) => {
	await page.goto('/reports/rbb/FY2025-26');
	const po1 = page.locator('[data-objective="PO1"]');
	await expect(po1.getByRole('heading', { name: 'Planned outputs' })).toBeVisible();
	const patrols = po1.locator('[data-plan="PO1-OP1"]');
	await expect(patrols.locator('[data-planned]')).toHaveText('Planned: 2,000');
	await expect(patrols.locator('[data-completed]')).toContainText('1,684');
	await expect(patrols.locator('[data-completed]')).toContainText('Below plan');
	await expect(patrols.locator('[data-remarks]')).toContainText(
		'Two axes closed by the rainy season'
	);
	// a deliverable reads Yes/No
	const returns = page.locator('[data-plan="PO2-OP4"]');
	await expect(returns.locator('[data-planned]')).toHaveText('Planned: Yes');
	await expect(returns.locator('[data-completed]')).toContainText('No');
	// the output indicators stay
	await expect(po1.getByRole('heading', { name: 'Outputs', exact: true })).toBeVisible();

	const resources = page.getByTestId('rbb-resources');
	const line = resources.locator('[data-line="Expected accomplishment PO2 · Operational costs"]');
	await expect(line.locator('[data-variance]')).toHaveText('420,000');
	await expect(line.locator('[data-variance-percent]')).toContainText('20.0%');
	await expect(line.locator('[data-missing]')).toHaveText('Explanation required: not written yet');
	await expect(resources.locator('[data-total]')).toContainText('81,900,000');
	await expect(page.getByTestId('rbb-explanations-missing')).toContainText(
		'Expected accomplishment PO2 · Operational costs'
	);

	// issuing is refused while the explanation is missing, naming the line
	const issue = page.locator('form[action="?/issue"]');
	await issue.getByRole('checkbox').check();
	await issue.getByRole('button').click();
	await expect(issue.getByRole('alert')).toContainText(
		'Expected accomplishment PO2 · Operational costs'
	);
	await expect(page.getByTestId('rbb-status')).not.toHaveText(/Issued/);

	// the SPU explains it
	const label = 'Explanation of the variance of Expected accomplishment PO2 · Operational costs';
	const words = 'Community alert network equipment delivered by a partner at no cost';
	await page.getByLabel(label).fill(words);
	const form = line.locator('form');
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(form.getByRole('status')).toHaveText('Saved.');
	await expect(line.locator('[data-missing]')).toHaveCount(0);
	await expect(page.getByTestId('rbb-explanations-missing')).toHaveCount(0);
	await page.reload();
	await expect(page.getByLabel(label)).toHaveValue(words);

	// the threshold: above 20 % the line needs no explanation
	const threshold = page.locator('form[action="?/threshold"]');
	await page.getByLabel('Explain a variance above (%)').fill('25');
	await threshold.getByRole('button', { name: 'Set the threshold' }).click();
	await expect(threshold.getByRole('status')).toHaveText(
		'Explanations are now required above 25%.'
	);
	await expect(line.locator('[data-variance-percent]')).not.toContainText('Explanation required');
	await page.getByLabel('Explain a variance above (%)').fill('200');
	await threshold.getByRole('button', { name: 'Set the threshold' }).click();
	await expect(threshold.getByRole('alert')).toContainText('from 0 to 100');

	// put everything back
	await page.getByLabel('Explain a variance above (%)').fill('5');
	await threshold.getByRole('button', { name: 'Set the threshold' }).click();
	await expect(threshold.getByRole('status')).toHaveText('Explanations are now required above 5%.');
	await page.getByLabel(label).fill('');
	await line.locator('form').getByRole('button', { name: 'Save' }).click();
	await expect(line.locator('[data-missing]')).toHaveCount(1);
	// an explanation is the line's: it starts no report
	await expect(page.getByTestId('rbb-status')).toHaveText('Draft (not started)');
});

test('a planned output is entered on the output’s page of the framework editor and shows in the report', async ({
	page
}) => {
	await page.goto('/framework/nodes/PO1-OP4');
	const form = page.getByRole('form', { name: 'Planned output for FY2025/26' });
	await expect(form.getByLabel('Planned (number, or yes/no)')).toHaveValue('30');
	await expect(form.getByLabel('Completed (number, or yes/no)')).toHaveValue('24');
	// a refusal comes back on its field
	await form.getByLabel('Completed (number, or yes/no)').fill('yes');
	await form.getByRole('button', { name: 'Save the plan for FY2025/26' }).click();
	await expect(form.getByRole('alert').first()).toContainText('not a number');
	await form.getByLabel('Completed (number, or yes/no)').fill('28');
	await form.getByRole('button', { name: 'Save the plan for FY2025/26' }).click();
	await expect(form.getByRole('status')).toHaveText(
		'Planned output of PO1-OP4 for FY2025/26 saved.'
	);

	await page.goto('/reports/rbb/FY2025-26');
	await expect(page.locator('[data-plan="PO1-OP4"] [data-completed]')).toContainText('28');

	// put it back
	await page.goto('/framework/nodes/PO1-OP4');
	const again = page.getByRole('form', { name: 'Planned output for FY2025/26' });
	await again.getByLabel('Completed (number, or yes/no)').fill('24');
	await again.getByRole('button', { name: 'Save the plan for FY2025/26' }).click();
	await expect(again.getByRole('status')).toBeVisible();
});
