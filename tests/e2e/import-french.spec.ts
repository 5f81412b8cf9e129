import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/**
 * A French reader (the browser asks `Accept-Language: fr-FR`; the demo administrator has no
 * language of their own) imports in French: the upload page, the mapping of a broken file from
 * tests/fixtures (a value that is not a number), its check report with the errors table, and a
 * list's step and preview; the importer's own messages (messages/import-messages) in French too.
 */
test.use({ locale: 'fr-FR' });

const NBSP = '\u00a0';
const FIXTURE = join(import.meta.dirname, '../fixtures/broken/observations-value-not-a-number.csv');

async function upload(page: Page, name: string, buffer: Buffer) {
	await page.goto('/import');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await page.setInputFiles('#file', { name, mimeType: 'text/csv', buffer });
	await page.getByRole('button', { name: 'Déposer et faire correspondre les colonnes' }).click();
	await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
	await page.waitForLoadState('networkidle');
}

test('a broken file is uploaded, mapped and checked in French', async ({ page }) => {
	await page.goto('/import');
	await expect(page).toHaveTitle('Importation · CPAS');
	await expect(page.getByRole('heading', { name: 'Déposer un fichier' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Importations récentes' })).toBeVisible();
	await expect(
		page.getByRole('group', { name: 'Déposez un fichier ici ou choisissez-en un' })
	).toBeVisible();

	await upload(page, 'observations-value-not-a-number.csv', readFileSync(FIXTURE));
	await expect(
		page.getByRole('heading', { name: '1. Faire correspondre les colonnes' })
	).toBeVisible();
	await expect(page.getByText('Reconnu comme fichier de type observations.')).toBeVisible();
	await expect(page.getByRole('columnheader', { name: 'Colonne du fichier' })).toBeVisible();
	await expect(page.getByLabel('value', { exact: true })).toHaveValue('value');

	await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
	const report = page.getByRole('region', { name: '2. Ce que le fichier changerait' });
	await expect(report.getByRole('status')).toContainText(`sur 1 ligne${NBSP}: rien n’a été écrit.`);
	const errors = report.getByRole('table', { name: 'Erreurs' });
	for (const name of ['Ligne', 'Colonne', 'Valeur', 'Problème']) {
		await expect(errors.getByRole('columnheader', { name })).toBeVisible();
	}
	// the file's second line: the value that is not a number, with the importer's message
	const abc = errors.locator('tbody tr', { hasText: 'abc' });
	await expect(abc).toContainText('2');
	await expect(abc).toContainText('value');
	// the importer's own messages, in French (messages/import-messages)
	await expect(abc).toContainText(`« abc » n’est pas un nombre${NBSP}:`);
	await expect(errors.locator('tbody tr', { hasText: 'K1' })).toContainText(
		`Indicateur inconnu${NBSP}: «${NBSP}K1${NBSP}»`
	);
	await expect(
		report.getByRole('link', { name: 'Télécharger les erreurs et les avertissements (CSV)' })
	).toBeVisible();
	await expect(report.getByRole('button', { name: 'Importer les lignes valides' })).toBeDisabled();
	await expect(report.getByText(/Importer seulement les lignes valides/)).toBeVisible();

	await page.getByRole('button', { name: 'Abandonner ce dépôt' }).click();
	await page.waitForURL(/\/import$/);
});

test('a list of incidents is taken as its source’s list and previewed in French', async ({
	page
}) => {
	const list = [
		'incident_id,incident_date,territory,incident_type,summary',
		'FR-1,2026-09-03,Dunmarrow,Intercommunal clash,Test',
		'FR-2,2026-09-10,Dunmarow,Revenge killing,Test',
		''
	].join('\n');
	await upload(page, 'incidents-fr.csv', Buffer.from(list));
	await expect(page.getByRole('heading', { name: '1. La liste et ses zones' })).toBeVisible();
	await expect(page.getByText(/2 lignes, traitées comme une liste de la source/)).toBeVisible();
	await expect(page.getByLabel('Ce fichier est une liste de la source')).toBeVisible();
	await expect(page.getByRole('group', { name: /Zones de « territory »/ })).toBeVisible();
	await page.getByLabel('Dunmarow').selectOption('AMB-DUN');
	await page.getByRole('button', { name: 'Vérifier la liste' }).click();
	const preview = page.getByRole('region', { name: '2. Ce que la liste changerait' });
	await expect(preview.getByRole('status')).toHaveText(
		`La liste est sans erreur${NBSP}: 2 lignes comptées, rien n’a encore été écrit.`
	);
	await expect(preview.getByText('Lignes retenues').first()).toBeVisible();
	await expect(
		preview.getByRole('button', { name: 'Importer les valeurs de la liste' })
	).toBeEnabled();
	await page.getByRole('button', { name: 'Abandonner ce dépôt' }).click();
	await page.waitForURL(/\/import$/);
});

test('the import history and an import’s page in French', async ({ page }) => {
	await page.goto('/import/history');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Historique des importations' })
	).toBeVisible();
	await expect(page.getByRole('columnheader', { name: 'Importée le' })).toBeVisible();
	await page.goto('/import/history/1');
	await expect(page.getByRole('heading', { name: 'Le fichier' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Annulation' })).toBeVisible();
});
