import { expect, test, type APIRequestContext } from '@playwright/test';

// A figure no other spec reads: Mirefield's (SOL-MIR) PO2-K1 count for November 2025, 0 in the
// demo. Imported after the cycle is issued, and undone at the end whatever happens.
const INDICATOR = 'PO2-K1';
const LATE_FIGURE = 'indicator_code,period,area_code,value\nPO2-K1,2025-11,SOL-MIR,9\n';

async function wholeMissionActual(request: APIRequestContext): Promise<number> {
	const response = await request.get(
		`/api/v1/indicators/${INDICATOR}/series?from=2025-11&to=2025-11`
	);
	const series = (await response.json()) as { points: { actual: number }[] };
	return series.points[0]!.actual;
}

test('a cycle is created, rated, recommended on and issued; it keeps its figures after a later import and says what differs', async ({
	page,
	request
}) => {
	let batchId: number | undefined;
	try {
		await page.goto('/reports');
		await page.getByRole('link', { name: 'Performance assessment cycles' }).click();
		await expect(page).toHaveURL('/reports/cycles');

		// a bad period is refused, announced and tied to its field
		const code = page.getByLabel('Period assessed');
		await code.fill('2025-H3');
		await page.getByRole('button', { name: 'Create the cycle' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'problem' })).toContainText(
			'"2025-H3" is not a period'
		);
		await expect(code).toHaveAttribute('aria-invalid', 'true');

		await code.fill('2025-H2');
		await page.getByLabel('Rating scale').fill('progressing, stalled, regressing');
		await page.getByRole('button', { name: 'Create the cycle' }).click();
		await expect(page).toHaveURL(/\/reports\/cycles\/2025-H2\?created=\d+$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Assessment cycle 2025-H2');
		await expect(page.getByRole('status').filter({ hasText: 'Cycle created' })).toBeVisible();

		// rate an objective
		const rate = page.getByRole('form', { name: 'Rate PO2', exact: true });
		await rate.getByLabel('Rating').selectOption('stalled');
		await rate.getByLabel('Narrative').fill('Disputes over cattle routes rose in the dry season.');
		await rate.getByRole('button', { name: 'Save PO2', exact: true }).click();
		await expect(rate.getByRole('status')).toHaveText('Saved');

		// a recommendation whose deadline has passed is overdue, in colour and in words
		const recommend = page.getByRole('form', { name: 'Add a recommendation' });
		await recommend
			.getByLabel('Recommendation')
			.fill('Mediate grazing agreements before the next dry season');
		await recommend.getByLabel('Owner').fill('Civil Affairs');
		await recommend.getByLabel('Deadline').fill('2025-01-31');
		await recommend.getByLabel('Objective or outcome').selectOption('PO2');
		await recommend.getByRole('button', { name: 'Add the recommendation' }).click();
		const row = page.locator('tr', { hasText: 'Mediate grazing agreements' });
		await expect(row).toContainText('Civil Affairs');
		await expect(row).toContainText('Overdue');
		await expect(row).toHaveClass(/overdue/);

		// issuing asks for confirmation
		const issue = page.getByRole('form', { name: 'Issue the cycle' });
		await issue.getByRole('button', { name: 'Issue 2025-H2' }).click();
		await expect(issue.getByRole('alert')).toContainText('Tick the box to confirm');
		await issue.getByLabel('I confirm: issue 2025-H2 now').check();
		await issue.getByRole('button', { name: 'Issue 2025-H2' }).click();
		await expect(page.getByText(/Issued.* on \d{4}-\d{2}-\d{2} by admin: read-only/)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Save PO2', exact: true })).toHaveCount(0);
		await expect(page.getByRole('form', { name: 'Add a recommendation' })).toHaveCount(0);
		await expect(page.getByRole('article', { name: /^Objective PO2 ·/ })).toContainText('stalled');

		// new data after the issue
		const frozen = await wholeMissionActual(request);
		const response = await request.post('/api/v1/imports?file_name=late-mirefield.csv', {
			data: LATE_FIGURE,
			headers: { 'content-type': 'text/csv' }
		});
		expect(response.status()).toBe(200);
		const report = (await response.json()) as { batchId: number; updated: number };
		batchId = report.batchId;
		expect(report.updated).toBe(1);
		const current = await wholeMissionActual(request);
		expect(current).toBe(frozen + 9);

		await page.reload();
		await expect(page.locator('p.warning')).toContainText(
			'Current data differ from the frozen figures for 1 indicator'
		);
		const note = page.getByRole('note', { name: /Current data differ/ });
		await expect(note).toContainText(INDICATOR);
		await expect(note.getByRole('listitem')).toHaveText(
			`2025-11, actual: ${frozen} sessions → ${current} sessions`
		);
		// the frozen series still has the frozen figure
		await page.locator('summary', { hasText: 'Every frozen figure of PO2' }).click();
		const frozenRow = page
			.locator('details tr')
			.filter({ has: page.getByRole('cell', { name: INDICATOR, exact: true }) })
			.filter({ has: page.getByRole('cell', { name: '2025-11', exact: true }) });
		await expect(frozenRow).toContainText(`${frozen} sessions`);

		// the action points tracker follows the recommendation up after the issue (the old
		// address leads there)
		await page.goto('/reports/recommendations');
		await expect(page).toHaveURL(/\/actions\?origin=assessment_cycle$/);
		await page.goto('/actions?origin=assessment_cycle&overdue=1');
		const tracked = page.locator('tr', { hasText: 'Mediate grazing agreements' });
		await expect(tracked).toContainText('2025-H2');
		await expect(tracked).toContainText('Overdue');
		await tracked.getByLabel(/Status of/).selectOption('done');
		await tracked.getByRole('button', { name: 'Update' }).click();
		// under the overdue filter the row leaves the list; the page says the status was saved
		await expect(page.getByRole('status').filter({ hasText: 'Status saved' })).toHaveText(
			'Status saved: Done.'
		);
		await expect(tracked).toHaveCount(0);
		await page.goto('/actions?owner=Civil+Affairs');
		await expect(page.locator('tr', { hasText: 'Mediate grazing agreements' })).not.toContainText(
			'Overdue'
		);
	} finally {
		if (batchId !== undefined) {
			const undone = await request.post(`/api/v1/imports/${batchId}/undo`);
			expect(undone.status()).toBe(200);
		}
	}
});

test.describe('on a 360 px screen', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('a draft cycle page, with its forms and tables, fits without scrolling sideways', async ({
		page
	}) => {
		await page.goto('/reports/cycles');
		await page.getByLabel('Period assessed').fill('2024-Q3');
		await page.getByRole('button', { name: 'Create the cycle' }).click();
		await expect(page).toHaveURL(/\/reports\/cycles\/2024-Q3\?created=\d+$/);
		const recommend = page.getByRole('form', { name: 'Add a recommendation' });
		await recommend.getByLabel('Recommendation').fill('Publish the alert network map');
		await recommend.getByLabel('Owner').fill('JOC');
		await recommend.getByLabel('Deadline').fill('2024-12-31');
		await recommend.getByRole('button', { name: 'Add the recommendation' }).click();
		await expect(page.locator('tr', { hasText: 'Publish the alert network map' })).toBeVisible();
		await page.locator('summary', { hasText: 'Every frozen figure of PO1' }).click();
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(360);
	});
});
