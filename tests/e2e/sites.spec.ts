import { expect, test } from '@playwright/test';

// Sites of a year no demo figure has, so no map of the shared e2e mission draws them meanwhile.
const SITES = [
	'site_code,site_name,site_type,latitude,longitude,opened,closed,sensitivity',
	'E2E-TOB,Ardenne temporary base,temporary_base,5.7622,20.6705,1990-02-01,1990-06-30,internal',
	'E2E-PP,Ardenne police post,police_post,8.4109,20.6473,1990-03-15,1990-09-30,restricted'
].join('\n');

test('a sites file imported is listed on the areas page, and undone from the import history', async ({
	page,
	request
}) => {
	const response = await request.post('/api/v1/imports?file_name=e2e-sites.csv', {
		data: SITES,
		headers: { 'content-type': 'text/csv' }
	});
	expect(response.status()).toBe(200);
	const report = (await response.json()) as { batchId: number; kind: string; inserted: number };
	expect(report).toMatchObject({ kind: 'sites', inserted: 2 });
	let undone = false;
	try {
		await page.goto('/areas');
		const section = page.getByRole('region', { name: 'Mission sites' });
		await expect(section).toBeVisible();
		// the demo administrator is cleared: the restricted post is listed, and said to be
		const post = section.getByRole('row', { name: /Ardenne police post/ });
		await expect(post.getByRole('cell')).toHaveText([
			'E2E-PP',
			'Police post',
			'8.4109',
			'20.6473',
			'15 Mar 1990',
			/^30 Sept? 1990$/,
			'restricted'
		]);
		await expect(section.getByRole('row', { name: /Ardenne temporary base/ })).toContainText(
			'Temporary operating base'
		);

		await page.goto('/import/history');
		await page
			.locator('#batches tbody tr', { hasText: 'e2e-sites.csv' })
			.getByRole('link')
			.first()
			.click();
		await page.getByRole('button', { name: 'Undo this import' }).click();
		await expect(page.locator('.outcome').first()).toContainText(
			'sites it had added, deleted: 2; sites it had changed, given back their previous version: 0.'
		);
		undone = true;
		await page.goto('/areas');
		await expect(page.getByRole('row', { name: /Ardenne/ })).toHaveCount(0);
	} finally {
		if (!undone) await request.post(`/api/v1/imports/${report.batchId}/undo`);
	}
});
