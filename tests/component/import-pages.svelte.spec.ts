/**
 * The import workspace's pieces read in French when the page is French (`<html lang="fr">`,
 * as the server sets it), and as before in English: headings, table headers, counts with their
 * plurals, the waiting text's time. The importer's own messages are shown as they come.
 */
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
// the browser's language hook, as the app runs it: messages follow <html lang>
import '../../src/hooks.client';
import ImportFileReport from '../../src/lib/components/ImportFileReport.svelte';
import FileProblems from '../../src/routes/import/[id]/FileProblems.svelte';
import PreviewReport from '../../src/routes/import/[id]/PreviewReport.svelte';
import SheetChoice from '../../src/routes/import/[id]/SheetChoice.svelte';
import { waitingText } from '../../src/routes/import/[id]/progress.svelte';

const NBSP = '\u00a0';

/** An element's text as written, no-break spaces kept (toHaveTextContent would fold them). */
function textOf(locator: ReturnType<typeof page.getByRole>) {
	return expect.poll(() => locator.element().textContent?.trim());
}

function inFrench() {
	document.documentElement.lang = 'fr';
}

afterEach(() => {
	document.documentElement.lang = 'en';
});

const errors = [
	{ line: 4, column: 'value', value: 'twelve', message: 'Message de l’importateur (ligne 4).' },
	{ line: 4, column: 'period', value: '2026-13', message: 'Autre message (ligne 4).' }
];
const warnings = [{ line: 7, column: 'area_code', value: 'X', message: 'Un avertissement.' }];

const preview = {
	kind: 'observations' as const,
	rows: 1234,
	inserted: 1000,
	updated: 2,
	unchanged: 232,
	errors,
	warnings,
	changes: [{ line: 3, period: '2026-Q1', column: 'value', old: null, new: 12 }]
};

const nothing = createRawSnippet(() => ({ render: () => '<span></span>' }));

describe('a checked file in French', () => {
	test('the report says its errors and lines with their plurals, its counts and headers in French', async () => {
		inFrench();
		render(PreviewReport, {
			// the page's data type, of which the report reads these fields
			preview: preview as never,
			fileId: 'abc',
			errorCount: 2,
			errorLines: 1,
			children: nothing
		});
		await expect
			.element(page.getByRole('heading', { name: '2. Ce que le fichier changerait' }))
			.toBeVisible();
		await textOf(page.getByRole('status')).toBe(
			`2 erreurs sur 1 ligne${NBSP}: rien n’a été écrit.`
		);
		await expect.element(page.getByText('Avertissements', { exact: true }).first()).toBeVisible();
		// numbers grouped the French way (a narrow no-break space)
		await expect.element(page.getByText('1\u202f234', { exact: true })).toBeVisible();
		await expect
			.element(
				page.getByRole('link', { name: 'Télécharger les erreurs et les avertissements (CSV)' })
			)
			.toHaveAttribute('href', '/import/abc/errors.csv');
		await expect.element(page.getByRole('cell', { name: '(vide)' })).toBeVisible();
	});

	test('the errors table sorts by Ligne, Colonne, Valeur, Problème; warnings name their line', async () => {
		inFrench();
		render(FileProblems, { fileId: 'abc', errors, errorCount: 30, warnings, downloadLabel: 'X' });
		for (const name of ['Ligne', 'Colonne', 'Valeur', 'Problème']) {
			await expect.element(page.getByRole('columnheader', { name })).toBeVisible();
		}
		await expect.element(page.getByRole('heading', { name: 'Erreurs' })).toBeVisible();
		await expect.element(page.getByText('— seules les 2 premières sont affichées.')).toBeVisible();
		await expect
			.element(page.getByText(`Ligne 7, area_code${NBSP}: Un avertissement.`))
			.toBeVisible();
		// the importer's message is shown as it came
		await expect.element(page.getByText('Message de l’importateur (ligne 4).')).toBeVisible();
	});

	test('in English the same table reads as before', async () => {
		render(FileProblems, { fileId: 'abc', errors, errorCount: 2, warnings, downloadLabel: 'X' });
		for (const name of ['Line', 'Column', 'Value', 'Problem']) {
			await expect.element(page.getByRole('columnheader', { name })).toBeVisible();
		}
		await expect.element(page.getByText('Line 7, area_code: Un avertissement.')).toBeVisible();
	});

	test('a workbook asks for its sheet in French', async () => {
		inFrench();
		render(SheetChoice, { sheets: ['Incidents', 'Notes'] });
		await expect
			.element(
				page.getByRole('group', {
					name: `Ce classeur a 2 feuilles. Laquelle contient les données${NBSP}?`
				})
			)
			.toBeVisible();
		await expect
			.element(page.getByRole('button', { name: 'Utiliser cette feuille' }))
			.toBeVisible();
	});
});

describe('a file imported from another page (ImportFileReport)', () => {
	const report = {
		file: 'areas.csv',
		kind: 'areas' as const,
		rows: 1,
		inserted: 0,
		updated: 0,
		unchanged: 1,
		errors: [errors[0]!],
		warnings: [],
		errorCount: 1
	};

	test('a refused file in French: one error, singular', async () => {
		inFrench();
		render(ImportFileReport, { report, ok: false, dryRun: false });
		await textOf(page.getByRole('alert')).toBe(
			`areas.csv a été refusé et rien n’a été écrit${NBSP}: 1 erreur à corriger.`
		);
		await expect
			.element(
				page.getByText(
					`1 ligne — insérées${NBSP}: 0, mises à jour${NBSP}: 0, inchangées${NBSP}: 1 (ce que ferait l’importation).`
				)
			)
			.toBeVisible();
		await expect.element(page.getByRole('columnheader', { name: 'Problème' })).toBeVisible();
	});

	test('the same in English', async () => {
		render(ImportFileReport, {
			report: { ...report, errors: [], errorCount: 0 },
			ok: true,
			dryRun: false
		});
		await expect.element(page.getByRole('status')).toHaveTextContent('areas.csv was imported.');
		await expect
			.element(page.getByText('1 row: 0 inserted, 0 updated, 1 unchanged.'))
			.toBeVisible();
	});
});

describe('waiting for another import', () => {
	const startedAt = '2026-12-06T09:26:00.000Z';
	// the reader's own clock time, as the browser writes it
	const time = (tag: string) =>
		new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }).format(
			Date.parse(startedAt)
		);

	test('says whose import runs, from where, and since when, in French', () => {
		inFrench();
		expect(waitingText({ file: 'big.csv', user: 'Amina', startedAt, via: 'command line' })).toBe(
			`En attente de l’importation de big.csv par Amina depuis la ligne de commande (commencée à ${time('fr-FR')})`
		);
	});

	test('and in English', () => {
		expect(waitingText({ file: 'big.csv', user: 'Amina', startedAt, via: 'server' })).toBe(
			`Waiting for the import of big.csv by Amina (started ${time('en-GB')})`
		);
	});
});
