import { expect, test } from '@playwright/test';
import { ADMIN_STATE } from './auth';

// A French reader generates an RBB report: it is written in French (headings, numbers), says
// so, and its downloads carry lang=fr, the CSV keeping its header of codes.
test('an RBB report generated in French', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'fr-FR', storageState: ADMIN_STATE });
	const page = await context.newPage();
	await page.goto('/reports/rbb');
	await expect(
		page.getByRole('heading', {
			level: 1,
			name: 'Rapports de performance sur le budget axé sur les résultats'
		})
	).toBeVisible();
	// the oldest year: the English spec writes in the latest complete one
	const year = (await page.getByRole('row').last().getByRole('link').textContent())!.trim();
	await page.getByRole('link', { name: year, exact: true }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: `Exercice budgétaire ${year}` })
	).toBeVisible();
	await expect(page.getByTestId('rbb-language')).toHaveText('Rédigé en français.');
	await expect(page.getByRole('heading', { name: 'Indicateurs de succès' }).first()).toBeVisible();
	await expect(page.locator('article.rbb')).toHaveAttribute('lang', 'fr');
	// figures written the French way: a decimal comma, or thousands grouped by a narrow space
	const figures = await page.locator('[data-actual], [data-planned]').allTextContents();
	expect(figures.some((t) => /\d,\d|\d\u202f\d{3}/.test(t))).toBe(true);

	const href = await page.getByRole('link', { name: 'Télécharger en CSV' }).getAttribute('href');
	expect(href).toContain('lang=fr');
	const csv = await (await page.request.get(href!)).text();
	expect(csv.split('\n')[0]).toContain('indicator_code');
	expect(csv).toContain('Indicateur de succès');
	await context.close();
});
