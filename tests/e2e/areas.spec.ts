import { expect, test } from '@playwright/test';

test('a population is edited on the areas page with the keyboard, a wrong one refused on its field', async ({
	page
}) => {
	await page.goto('/areas');
	await page.getByRole('link', { name: 'Edit Pellinor' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Edit Pellinor (SOL-PEL)' })).toBeVisible();
	const form = page.locator('form', { has: page.getByRole('button', { name: 'Save population' }) });
	const year = form.getByLabel('Year');
	const population = form.getByLabel('Population');

	// a far-off year: no figure of the demo mission takes its population from it
	await year.focus();
	await page.keyboard.type('2040');
	await page.keyboard.press('Tab');
	await expect(population).toBeFocused();
	await page.keyboard.type('lots');
	await page.keyboard.press('Enter');
	await expect(form.getByRole('alert')).toContainText('Nothing was saved: fix the marked field.');
	await expect(form.getByRole('alert')).toContainText('Population: "lots" is not a number');
	await expect(population).toHaveAttribute('aria-invalid', 'true');
	await expect(population).toHaveAccessibleDescription(/"lots" is not a number/);

	await population.fill('190,000');
	await population.press('Enter');
	await expect(form.getByRole('status')).toHaveText(
		'Population of SOL-PEL for 2040 set to 190,000.'
	);
	await expect(population).not.toHaveAttribute('aria-invalid', 'true');
	const row = page.getByRole('row', { name: /Pellinor SOL-PEL/ });
	await expect(page.getByRole('columnheader', { name: '2040' })).toBeVisible();
	await expect(row).toContainText('190,000');

	// the change went through the importer: it is in the history
	await page.goto('/import/history');
	await expect(page.locator('#batches tbody tr').first()).toContainText(
		'areas page, population of SOL-PEL for 2040.csv'
	);
});

test('an areas file with an error is refused with line, column and value', async ({ page }) => {
	await page.goto('/areas');
	await page.getByLabel('Areas file (CSV)').setInputFiles({
		name: 'new-areas.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('area_code,area_name,parent_area\nSOL-NEW,Newhaven,SOLX\n')
	});
	await page.getByRole('button', { name: 'Import areas file' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'new-areas.csv' })).toContainText(
		'new-areas.csv was refused and nothing was written: 1 error to fix.'
	);
	const errors = page.getByRole('table', { name: 'Errors' });
	await expect(errors.locator('tbody tr').first().getByRole('cell')).toHaveText([
		'2',
		'parent_area',
		'SOLX',
		/Unknown parent area "SOLX"/
	]);
	await expect(page.getByRole('row', { name: /Newhaven/ })).toHaveCount(0);
});

test.describe('area outlines from a GeoJSON file', () => {
	const outlines = {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				properties: { shapeName: 'BRACKENFORD' },
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[20, 5],
							[21, 5],
							[21, 6],
							[20, 5]
						]
					]
				}
			},
			{
				type: 'Feature',
				properties: { shapeName: 'Atlantis' },
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[22, 5],
							[23, 5],
							[23, 6],
							[22, 5]
						]
					]
				}
			}
		]
	};

	test('a valid file is checked: what would be outlined, what matches nothing', async ({
		page
	}) => {
		await page.goto('/areas');
		await expect(page.getByRole('columnheader', { name: 'Outline' })).toBeVisible();
		const section = page.getByRole('region', { name: 'Area outlines for maps' });
		await expect(section.getByLabel('Property to match areas by')).toHaveValue('shapeName');
		await section.getByLabel('GeoJSON file').setInputFiles({
			name: 'territories.geojson',
			mimeType: 'application/geo+json',
			buffer: Buffer.from(JSON.stringify(outlines))
		});
		await section.getByRole('button', { name: 'Check only' }).click();
		await expect(section.getByRole('status')).toHaveText(
			'territories.geojson is valid: nothing was written (check only).'
		);
		await expect(section).toContainText('Matched by "shapeName": 1 area would be outlined.');
		await expect(
			section.getByRole('heading', { name: '1 feature matches no area (not imported)' })
		).toBeVisible();
		await expect(section.getByRole('listitem').filter({ hasText: 'Atlantis' })).toHaveText(
			'feature 2: Atlantis'
		);
		await expect(
			section.getByRole('heading', { name: '7 areas have no feature in this file' })
		).toBeVisible();
	});

	test('without JavaScript, an unclosed ring is refused with the feature and its name', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/areas');
		const section = page.getByRole('region', { name: 'Area outlines for maps' });
		await section.getByLabel('Property to match areas by').fill('name');
		await section
			.getByLabel('GeoJSON file')
			.setInputFiles('tests/fixtures/boundaries/unclosed-ring.geojson');
		await section.getByRole('button', { name: 'Import outlines' }).click();
		const refused = page.getByRole('region', { name: 'Area outlines for maps' });
		await expect(refused.getByRole('alert')).toHaveText(
			'unclosed-ring.geojson was refused for 1 problem: nothing was written.'
		);
		await expect(
			refused
				.getByRole('table', { name: 'Problems to correct' })
				.locator('tbody tr')
				.getByRole('cell')
		).toHaveText([
			'2',
			'North Two',
			/ring 1 is not closed: it starts at \[21,5\] and ends at \[21,5.5\]/
		]);
		// what was typed stays in the form
		await expect(refused.getByLabel('Property to match areas by')).toHaveValue('name');
		await context.close();
	});
});
