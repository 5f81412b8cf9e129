import { expect, test } from '@playwright/test';
import { pageAs } from './auth';

/** A batch changing two figures of 2.3.2 (a perception survey), imported by the administrator. */
async function freshBatch(request: import('@playwright/test').APIRequestContext) {
	const response = await request.post('/api/v1/imports?file_name=e2e-to-verify.csv', {
		data: 'indicator_code,period,sex,value\n2.3.2,2021-H2,female,31.9\n2.3.2,2021-H2,male,33.6\n',
		headers: { 'content-type': 'text/csv' }
	});
	expect(response.status()).toBe(200);
	return ((await response.json()) as { batchId: number }).batchId;
}

test('a verifier marks chosen figures of an import verified, and others see no such controls', async ({
	browser,
	request
}) => {
	const id = await freshBatch(request);
	const verifier = await pageAs(browser, 'verifier');
	await verifier.goto(`/import/history/${id}`);
	await verifier.waitForLoadState('networkidle');
	const figures = verifier.getByRole('region', { name: 'Figures it wrote' });
	const female = figures.getByRole('checkbox', {
		name: /Choose 2\.3\.2, 2021-H2, mission, line 2/
	});
	await female.focus();
	await verifier.keyboard.press('Space');
	await expect(female).toBeChecked();
	await expect(figures).toContainText('1 figure chosen');
	await verifier.getByRole('button', { name: 'Mark verified' }).click();
	await expect(verifier.getByRole('status').filter({ hasText: 'marked' })).toContainText(
		'1 figure marked verified.'
	);
	await expect(figures.locator('tbody tr', { hasText: 'female' })).toContainText('verified');
	await expect(female).not.toBeChecked();

	await verifier.getByRole('checkbox', { name: 'Choose every figure on this page' }).check();
	await verifier.getByRole('button', { name: 'Mark unverified' }).click();
	await expect(verifier.getByRole('status').filter({ hasText: 'marked' })).toContainText(
		'2 figures marked unverified.'
	);

	const planner = await pageAs(browser, 'planner');
	await planner.goto(`/import/history/${id}`);
	await expect(planner.getByRole('heading', { level: 1 })).toContainText('e2e-to-verify.csv');
	await expect(planner.getByRole('button', { name: 'Mark verified' })).toHaveCount(0);
	await expect(planner.getByRole('checkbox')).toHaveCount(0);

	// leave the demo mission as it was
	expect((await request.post(`/api/v1/imports/${id}/undo?confirm=1`)).status()).toBe(200);
});
