import { expect, test } from '@playwright/test';
import Papa from 'papaparse';

const FILTERS = 'area=AMB&by=quarter&from=2024&to=2026-Q2';

test('the indicator page shows provenance for the figures behind the chart', async ({ page }) => {
	await page.goto(`/indicators/1.1.1?${FILTERS}`);
	const provenance = page.getByRole('region', { name: 'Figures and where they come from' });
	await expect(provenance.locator('tbody tr').first()).toContainText(/observations\.csv, line \d+/);
	await expect(provenance.locator('tbody tr').first()).toContainText('local-admin');
});

test('a caveat added by a planner is listed and drawn on the chart', async ({ page }) => {
	await page.goto(`/indicators/1.1.1?${FILTERS}`);
	// hydration sets the form's open state: open it after, or a busy machine may close it again
	await page.waitForLoadState('networkidle');
	const caveats = page.getByRole('region', { name: 'Caveats' });
	await caveats.getByText('Add a caveat').click();
	await caveats.getByLabel('Period').fill('2025-Q7');
	await caveats.getByLabel('Caveat', { exact: true }).fill('No access to the north in Q3');
	await caveats.getByRole('button', { name: 'Add caveat' }).click();
	// a bad period is refused with the accepted forms, and nothing is saved
	await expect(caveats.getByRole('alert')).toContainText('quarters run Q1 to Q4');
	await caveats.getByLabel('Period').fill('2025-Q3');
	await caveats.getByRole('button', { name: 'Add caveat' }).click();
	await expect(caveats.getByRole('listitem')).toContainText(['No access to the north in Q3']);
	await expect(page.locator('figure.indicator-chart').first()).toHaveAttribute(
		'data-caveat-ranges',
		'1:2025-Q3-2025-Q3'
	);
});

test('the CSV export holds exactly the series the API gives for the same filters', async ({
	page,
	request
}) => {
	await page.goto(`/indicators/1.2.1?${FILTERS}`);
	const href = await page
		.getByRole('link', { name: 'Download these numbers (CSV)' })
		.getAttribute('href');
	const csv = await (await request.get(href!)).text();
	const api = await (await request.get(`/api/v1/indicators/1.2.1/series?${FILTERS}`)).json();
	const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
	const num = (s: string) => (s === '' ? null : Number(s));
	expect(
		rows.map((r) => ({
			period: r.period,
			start: r.start,
			end: r.end,
			partial: r.partial === 'true',
			actual: num(r.actual!),
			target: num(r.target!),
			status: r.status
		}))
	).toEqual(api.points);
	expect(rows.every((r) => r.indicator === '1.2.1' && r.area === api.area && r.by === api.by)).toBe(
		true
	);
});

test('breakdown, same-season comparison and areas are drawn from the same filters', async ({
	page
}) => {
	await page.goto('/indicators/1.2.1?by=quarter&from=2023');
	await page.getByLabel('Breakdown').selectOption('sex');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/breakdown=sex/);
	const bySex = page.getByRole('region', { name: 'By sex' });
	await bySex.getByText('Table of the numbers').click();
	await expect(bySex.getByRole('columnheader')).toHaveText(['Period', 'female', 'male']);
	const season = page.getByRole('region', { name: 'Same season, year on year' });
	await season.getByRole('link', { name: 'July to June (budget years)' }).click();
	await expect(page).toHaveURL(/season=budget/);
	await season.getByText('Table of the numbers').click();
	await expect(season.getByRole('rowheader').first()).toHaveText(/^FY\d{4}\/\d{2}$/);
	const areas = page.getByRole('region', { name: 'By area' });
	// one small chart per area, each headed by a link to the area (the map's heading is not one)
	await expect(
		areas.getByRole('heading', { level: 3 }).filter({ has: page.getByRole('link') })
	).toHaveCount(3);
});

test('the chart downloads as a PNG with its title, source and date', async ({ page }) => {
	await page.goto('/indicators/1.2.1?by=quarter');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the chart (PNG)' }).first().click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('1.2.1-mission-quarter.png');
	const path = await file.path();
	const { readFileSync } = await import('node:fs');
	const bytes = readFileSync(path);
	// the PNG signature, and a picture taller than the chart alone (title above, source below)
	expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
	const height = bytes.readUInt32BE(20);
	expect(height).toBeGreaterThan(320);
	const { writeFileSync } = await import('node:fs');
	writeFileSync('test-results/e2e/chart-export.png', bytes);
});
