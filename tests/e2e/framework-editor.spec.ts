import { expect, test, type Page } from '@playwright/test';

/** The table of numbers under an indicator's chart, opened. */
async function numbersOf(page: Page, code: string) {
	const article = page.locator(`article[data-indicator="${code}"]`);
	await article.getByText('Table of the numbers').click();
	return article.getByRole('table');
}

test('a DPO indicator adopted with its placeholder filled, a baseline and targets shows on its objective page', async ({
	page
}) => {
	await page.goto('/framework');
	await page.getByRole('link', { name: 'Standard DPO indicators: browse and adopt' }).click();

	// the filters are a plain GET form: they end up in the URL
	await page.getByLabel('Category').selectOption('capacity');
	await page.getByLabel('Words').fill('alert systems');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/category=capacity.*q=alert\+systems/);
	await expect(page.getByRole('status')).toHaveText(/2 of 52 indicators/);
	await page.getByRole('link', { name: 'Adopt 2.2.1', exact: true }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Adopt standard indicator 2.2.1'
	);
	await page.getByLabel('Code').fill('PO2-K9');
	await page.getByLabel('Framework node it measures').selectOption('PO2-OC2');
	await page.getByLabel('Reporting frequency').selectOption('year');
	await page.getByLabel('Baseline value').fill('3');
	await page.getByLabel('Baseline period').fill('2024');
	await page.getByLabel('Target 1, period').fill('2026');
	await page.getByLabel('Target 1, value').fill('5');
	await page.getByLabel('Target 2, period').fill('2027');
	await page.getByLabel('Target 2, value').fill('8');

	// the placeholder left blank: refused, the problem announced and focused, the field marked
	await page.getByRole('button', { name: 'Adopt 2.2.1' }).click();
	const problems = page.getByRole('alert');
	await expect(problems).toContainText('Words for [counties]');
	await expect(problems).toBeFocused();
	const words = page.getByLabel('Words for [counties]');
	await expect(words).toHaveAttribute('aria-invalid', 'true');
	await expect(words).toHaveAccessibleDescription(/Write the mission's own words for \[counties\]/);
	// what was typed is still there
	await expect(page.getByLabel('Target 2, value')).toHaveValue('8');

	await words.fill('territories');
	await expect(page.getByTestId('preview')).toHaveText(
		'Increase in the number and proportion of territories where effective alert systems are in place'
	);
	await page.getByRole('button', { name: 'Adopt 2.2.1' }).click();

	await expect(page).toHaveURL(/\/framework\?saved=PO2-K9#indicator-PO2-K9$/);
	await expect(page.getByRole('status')).toHaveText('PO2-K9 saved.');
	const adopted = page.locator('[data-node="PO2-OC2"] > .indicators [data-indicator="PO2-K9"]');
	await expect(adopted).toContainText('proportion of territories where');
	await expect(adopted).toContainText('(Capacity)');

	await page.goto('/objectives/PO2');
	const capacity = page.getByRole('region', { name: 'Capacity', exact: true });
	await expect(capacity.locator('article[data-indicator="PO2-K9"]')).toContainText(
		'PO2-K9 Increase in the number and proportion of territories'
	);
	const numbers = await numbersOf(page, 'PO2-K9');
	// actual, target, status: targets set, no figures yet
	await expect(numbers.getByRole('row', { name: /^2026/ }).getByRole('cell')).toHaveText([
		'—',
		'5',
		'No data'
	]);
	await expect(numbers.getByRole('row', { name: /^2027/ }).getByRole('cell')).toHaveText([
		'—',
		'8',
		'No data'
	]);

	// the catalogue now says where it was adopted
	await page.goto('/framework/catalogue?q=2.2.1');
	await expect(page.locator('[data-dpo="2.2.1"]')).toContainText('Adopted as PO2-K9');
});

test('a planner creates an output, moves it to another outcome and retires it', async ({
	page
}) => {
	await page.goto('/framework');
	await page.getByRole('link', { name: 'Add output under PO2-OC1' }).click();
	await page.getByLabel('Code').fill('PO2-OP9');
	await page.locator('[name="result_title"]').fill('Women mediators trained in the highlands');
	await page.getByLabel('Responsible components').fill('Civil Affairs;Gender Unit');
	await page.getByLabel('Tier of POC action').selectOption('I');
	await page.getByRole('button', { name: 'Add output' }).click();

	await expect(page.getByRole('status')).toHaveText('PO2-OP9 saved.');
	const underOC1 = page.locator('[data-node="PO2-OC1"] [data-node="PO2-OP9"]');
	await expect(underOC1).toContainText('Women mediators trained in the highlands');
	await expect(underOC1).toContainText('Components: Civil Affairs;Gender Unit');

	await page.getByRole('link', { name: 'Edit, move or retire PO2-OP9' }).click();
	const move = page.getByRole('form', { name: 'Move PO2-OP9' });
	await move.getByLabel('New parent').selectOption('PO2-OC2');
	await move.getByRole('button', { name: 'Move PO2-OP9' }).click();
	await expect(page.getByRole('status')).toHaveText('PO2-OP9 saved.');
	await expect(page.locator('[data-node="PO2-OC2"] [data-node="PO2-OP9"]')).toBeVisible();
	await expect(page.locator('[data-node="PO2-OC1"] [data-node="PO2-OP9"]')).toHaveCount(0);

	// an outcome with active outputs and indicators below it is not retired on its own
	await page.goto('/framework/nodes/PO2-OC2');
	const retireOutcome = page.getByRole('form', { name: 'Retire PO2-OC2' });
	await retireOutcome.getByRole('button', { name: 'Retire PO2-OC2' }).click();
	await expect(retireOutcome.getByRole('alert')).toContainText(
		'PO2-OC2 still has active nodes below it (PO2-OP2, PO2-OP3, PO2-OP9)'
	);

	await page.goto('/framework/nodes/PO2-OP9');
	await page.getByRole('button', { name: 'Retire PO2-OP9' }).click();
	await expect(page.getByRole('status')).toHaveText('PO2-OP9 retired; its history is kept.');
	const retired = page.locator('[data-node="PO2-OP9"]');
	await expect(retired).toContainText('Retired');
	await expect(retired.getByRole('link', { name: 'Reinstate PO2-OP9' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Add indicator to PO2-OP9' })).toHaveCount(0);
});

test('a node is moved with the keyboard alone', async ({ page }) => {
	await page.goto('/framework');
	await page.getByRole('link', { name: 'Edit, move or retire PO3-OP2' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Output PO3-OP2');
	const parent = page.getByRole('form', { name: 'Move PO3-OP2' }).getByLabel('New parent');
	await parent.focus();
	await expect(parent).toHaveValue('PO3-OC1');
	// the next outcome in the list, chosen with the arrow key; then Tab to the button and Enter
	await page.keyboard.press('ArrowDown');
	await expect(parent).toHaveValue('PO3-OC2');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Move PO3-OP2' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText('PO3-OP2 saved.');
	await expect(page.locator('[data-node="PO3-OC2"] [data-node="PO3-OP2"]')).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the forms still refuse and save, as plain forms', async ({ page }) => {
		await page.goto('/framework/nodes/new?level=impact&parent=PO3');
		await page.getByLabel('Code').fill('PO3-IM9');
		await page.getByRole('button', { name: 'Add impact' }).click();
		await expect(page.getByRole('alert')).toContainText('Title: result_title is required.');
		await expect(page.getByLabel('Code')).toHaveValue('PO3-IM9');
		await expect(page.getByLabel('Parent')).toHaveValue('PO3');

		await page.locator('[name="result_title"]').fill('Armed groups release abducted civilians');
		await page
			.getByLabel('Driver of change', { exact: true })
			.fill('Armed groups depend on abductions for income');
		await page.getByRole('button', { name: 'Add impact' }).click();
		await expect(page).toHaveURL(/\/framework\?saved=PO3-IM9/);
		await expect(page.locator('[data-node="PO3"] > ul > [data-node="PO3-IM9"]')).toContainText(
			'Driver of change: Armed groups depend on abductions for income'
		);
	});
});
