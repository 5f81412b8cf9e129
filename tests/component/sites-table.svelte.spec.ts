/**
 * The areas page's list of mission sites: each site a row named by its name, with its type,
 * coordinates, open dates and sensitivity in the reader's words and language.
 */
import { page } from 'vitest/browser';
import { afterEach, describe, expect, test } from 'vitest';
import { render } from 'vitest-browser-svelte';
import '../../src/hooks.client';
import type { SiteListing } from '../../src/lib/server/sites/list';
import SitesTable from '../../src/routes/areas/SitesTable.svelte';

const sites: SiteListing[] = [
	{
		code: 'BAM-TOB',
		name: 'Bambari temporary operating base',
		type: 'temporary_base',
		latitude: 5.7622,
		longitude: 20.6705,
		opened: '2019-02-01',
		closed: '2021-06-30',
		sensitivity: 'internal'
	},
	{
		code: 'NDL-UNPOL',
		name: 'Ndélé police post',
		type: 'police_post',
		latitude: 8.4109,
		longitude: -20.64733,
		opened: null,
		closed: null,
		sensitivity: 'restricted'
	}
];

/** The cells of the row whose header is the site's name, as read. */
async function cellsOf(name: string): Promise<string[]> {
	const header = page.getByRole('rowheader', { name });
	await expect.element(header).toBeVisible();
	const row = header.element().closest('tr')!;
	return [...row.querySelectorAll('th, td')].map((c) => c.textContent!.trim());
}

afterEach(() => {
	document.documentElement.lang = 'en';
});

describe('the sites table', () => {
	test('a row per site, named by the site, with what a map draws and when', async () => {
		render(SitesTable, { sites, canImport: false });
		await expect.element(page.getByRole('heading', { name: 'Mission sites' })).toBeVisible();
		expect(await cellsOf('Bambari temporary operating base')).toEqual([
			'Bambari temporary operating base',
			'BAM-TOB',
			'Temporary operating base',
			'5.7622',
			'20.6705',
			'1 Feb 2019',
			'30 Jun 2021',
			'internal'
		]);
		// open dates not recorded, still open; coordinates to 4 decimals; restricted said so
		expect(await cellsOf('Ndélé police post')).toEqual([
			'Ndélé police post',
			'NDL-UNPOL',
			'Police post',
			'8.4109',
			'-20.6473',
			'not recorded',
			'still open',
			'restricted'
		]);
		await expect
			.element(page.getByRole('rowheader', { name: 'Ndélé police post' }))
			.toHaveAttribute('data-user-text');
		expect(page.getByRole('link', { name: 'Import a sites file' }).elements()).toHaveLength(0);
	});

	test('no sites: says so, and shows a planner where sites come from', async () => {
		render(SitesTable, { sites: [], canImport: true });
		await expect.element(page.getByText('No sites yet.')).toBeVisible();
		expect(page.getByRole('table').elements()).toHaveLength(0);
		await expect
			.element(page.getByRole('link', { name: 'Import a sites file' }))
			.toHaveAttribute('href', '/import');
	});

	test('in French', async () => {
		document.documentElement.lang = 'fr';
		render(SitesTable, { sites, canImport: true });
		await expect.element(page.getByRole('heading', { name: 'Sites de la mission' })).toBeVisible();
		await expect.element(page.getByRole('columnheader', { name: 'Ouverture' })).toBeVisible();
		const cells = await cellsOf('Bambari temporary operating base');
		expect(cells.slice(2, 6)).toEqual([
			'Base opérationnelle temporaire',
			'5,7622',
			'20,6705',
			'1 févr. 2019'
		]);
		await expect.element(page.getByText('toujours ouvert')).toBeVisible();
	});
});
