import { expect, test } from '@playwright/test';
import { pageAs } from './auth';

/**
 * HXL in the browser (docs/formats.md "HXL"): a list whose rules name its columns by hashtag,
 * uploaded on the import page with its tag row, is recognised by those hashtags and imports by
 * its rules; the indicator page offers the CSV with HXL hashtags, and the downloads with
 * `hxl=1` have the tag row under the header. The list's month (January 2020) is before the
 * demo's figures, and the import is undone at the end.
 */
const RULES = [
	'source,indicator_code,value,date_column,area_column,where',
	'e2e-hxl,1.2.8,count,#date+occurred,#adm2+name,#event+type=Violence against civilians'
].join('\n');

const LIST = [
	'event_id_cnty,event_date,event_type,admin1,admin2,fatalities',
	'#event+code,#date+occurred,#event+type,#adm1+name,#adm2+name,#affected+killed',
	'E2E1,2020-01-03,Violence against civilians,,Dunmarrow,1',
	'E2E2,2020-01-11,Violence against civilians,,Dunmarrow,0',
	'E2E3,2020-01-20,Battles,,Dunmarrow,3',
	''
].join('\n');

test('a tagged list uploaded on the import page imports by its hashtag rules', async ({
	browser,
	request
}) => {
	const rules = await request.post('/api/v1/imports?file_name=e2e-hxl-rules.csv', {
		data: RULES,
		headers: { 'content-type': 'text/csv' }
	});
	expect(rules.status(), await rules.text()).toBe(200);

	const page = await pageAs(browser, 'planner');
	await page.goto('/import');
	await page.setInputFiles('#file', {
		name: 'acled-2020-01.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(LIST)
	});
	await page.getByRole('button', { name: 'Upload and map columns' }).click();
	await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
	await expect(page.getByText('taken as a list of the source e2e-hxl')).toBeVisible();
	await page.getByRole('button', { name: 'Check the list' }).click();
	const preview = page.getByRole('region', { name: 'What the list would change' });
	// three rows counted: the tag row is no row
	await expect(preview).toContainText('The list is clean: 3 rows counted');
	const rule = preview.getByRole('article', { name: /e2e-hxl → 1\.2\.8/ });
	await expect(rule.getByRole('definition').nth(0)).toHaveText('2'); // rows matched
	await preview.getByRole('button', { name: "Import the list's figures" }).click();
	await page.waitForURL(/\/import\/history\/\d+$/);
	const batch = page.url().split('/').pop();

	const csv = await request.get('/indicators/1.2.8/observations.csv?hxl=1');
	expect(csv.status()).toBe(200);
	const [header, tags] = (await csv.text()).split('\n');
	expect(header).toMatch(/^indicator_code,period,area_code,value,/);
	expect(tags).toMatch(/^#indicator\+code,#date\+period,#loc\+code,#indicator\+value\+num,/);
	expect(await csv.text()).toContain('1.2.8,2020-01,AMB-DUN,2');

	const undone = await request.post(`/api/v1/imports/${batch}/undo`);
	expect(undone.status()).toBe(200);
	await page.context().close();
});

test('the indicator page links to the CSV with HXL hashtags; the API answers it too', async ({
	page,
	request
}) => {
	await page.goto('/indicators/1.2.1');
	const link = page.getByRole('link', { name: 'CSV with HXL hashtags' }).first();
	await expect(link).toBeVisible();
	const href = await link.getAttribute('href');
	expect(href).toContain('hxl=1');
	const series = await request.get(href!);
	expect((await series.text()).split('\n')[1]).toMatch(/^#indicator\+code,#loc\+code,/);
	expect(series.headers()['content-disposition']).toContain('-hxl.csv');

	const api = await request.get('/api/v1/observations?indicator=1.2.1&hxl=1');
	expect(api.status()).toBe(200);
	expect(api.headers()['content-type']).toContain('text/csv');
	expect((await api.text()).split('\n')[1]).toMatch(/^#indicator\+code,#date\+period,/);

	await page.goto('/reports/iptt');
	const iptt = page.getByRole('link', { name: 'CSV with HXL hashtags' });
	const ipttCsv = await request.get((await iptt.getAttribute('href'))!);
	expect((await ipttCsv.text()).split('\n')[1]).toMatch(/^#activity\+code\+objective,/);
});
