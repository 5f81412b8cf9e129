/**
 * The form kit and the account's language choice read in French when the page is French
 * (the browser writes messages in `<html lang>`'s language, src/hooks.client.ts).
 */
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { render } from 'vitest-browser-svelte';
import LanguagePreference from '../../src/lib/components/accounts/LanguagePreference.svelte';
import Crumbs from '../../src/lib/components/forms/Crumbs.svelte';
import ErrorSummary from '../../src/lib/components/forms/ErrorSummary.svelte';
import Field from '../../src/lib/components/forms/Field.svelte';
import { overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';

beforeEach(() => {
	document.documentElement.lang = 'fr';
	overwriteGetLocale(() => (document.documentElement.lang === 'fr' ? 'fr' : 'en'));
});
afterEach(() => {
	document.documentElement.lang = 'en';
});

describe('the form kit in French', () => {
	test('a required field says so in French', async () => {
		render(Field, { form: 'f', name: 'title', label: 'Titre', required: true });
		await expect
			.element(page.getByRole('textbox', { name: 'Titre (obligatoire)' }))
			.toBeInTheDocument();
	});

	test('the error summary counts one problem in French', async () => {
		render(ErrorSummary, { form: 'f', labels: {}, errors: { form: 'Non.' } });
		await expect
			.element(page.getByRole('alert'))
			.toHaveTextContent(/^1 problème à corriger\s; rien n’a été enregistré\s:/);
	});

	test('and several', async () => {
		render(ErrorSummary, {
			form: 'f',
			labels: { code: 'Code' },
			errors: { code: 'Déjà pris.', form: 'Non.' }
		});
		await expect.element(page.getByRole('alert')).toHaveTextContent('2 problèmes à corriger');
		await expect
			.element(page.getByRole('link', { name: 'Code' }))
			.toHaveAttribute('href', '#f-code');
	});

	test('the breadcrumb is named in French', async () => {
		render(Crumbs, { trail: [{ href: '/admin/users', label: 'Comptes' }, { label: 'amina' }] });
		await expect
			.element(page.getByRole('navigation', { name: 'Fil d’Ariane' }))
			.toBeInTheDocument();
	});
});

describe('the language choice', () => {
	test('offers the browser’s language and each language in its own name, the choice ticked', async () => {
		render(LanguagePreference, { chosen: 'fr', saved: true });
		const group = page.getByRole('group', { name: 'Langue' });
		await expect.element(group).toBeInTheDocument();
		await expect
			.element(page.getByRole('radio', { name: 'La langue de votre navigateur' }))
			.not.toBeChecked();
		await expect.element(page.getByRole('radio', { name: 'English' })).not.toBeChecked();
		await expect.element(page.getByRole('radio', { name: 'Français' })).toBeChecked();
		await expect
			.element(page.getByRole('status'))
			.toHaveTextContent('Votre langue est enregistrée.');
		await expect
			.element(page.getByRole('button', { name: 'Enregistrer la langue' }))
			.toBeInTheDocument();
		const form = document.querySelector('form')!;
		expect(form.getAttribute('method')).toBe('POST');
		expect(form.getAttribute('action')).toBe('?/language');
	});

	test('no choice: the browser’s language is ticked (English page)', async () => {
		document.documentElement.lang = 'en';
		render(LanguagePreference, { chosen: null, saved: false });
		await expect
			.element(page.getByRole('radio', { name: "Your browser's language" }))
			.toBeChecked();
		await expect
			.element(page.getByRole('button', { name: 'Save the language' }))
			.toBeInTheDocument();
	});
});
