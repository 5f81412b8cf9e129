/**
 * The framework editor's fields in the reader's language: the node and indicator forms read
 * in French for a French page (`<html lang="fr">`, as the server sets it), with their French
 * text fields beside the English ones, and read as before in English.
 */
import { page } from 'vitest/browser';
import { afterEach, describe, expect, test } from 'vitest';
import { render } from 'vitest-browser-svelte';
// the browser's messages follow <html lang>, as in the app
import '../../src/hooks.client';
import IndicatorFields from '../../src/lib/components/framework/IndicatorFields.svelte';
import NodeAttributes from '../../src/lib/components/framework/NodeAttributes.svelte';

afterEach(() => {
	document.documentElement.lang = 'en';
});

const nodes = [
	{ code: 'PO1', title: 'Civilians are safer', depth: 0 },
	{ code: 'PO1-OC1', title: 'Communities warn early', depth: 2 }
];

describe('the node form', () => {
	test('in French: French labels and hints, the French fields beside the English ones', async () => {
		document.documentElement.lang = 'fr';
		render(NodeAttributes, {
			form: 'edit',
			level: 'impact',
			values: { result_title: 'Threats decrease', result_title_fr: 'Les menaces diminuent' },
			errors: {}
		});
		const titleFr = page.getByRole('textbox', { name: 'Titre (français)' });
		await expect.element(titleFr).toHaveValue('Les menaces diminuent');
		await expect.element(titleFr).toHaveAttribute('name', 'result_title_fr');
		// each text field holds one language, whatever the page's
		await expect.element(titleFr).toHaveAttribute('lang', 'fr');
		await expect
			.element(page.getByRole('textbox', { name: /^Titre(?! \(français\))/ }))
			.toHaveAttribute('lang', 'en');
		await expect
			.element(page.getByRole('textbox', { name: 'Facteur de changement (français)' }))
			.toHaveAttribute('name', 'driver_of_change_fr');
		await expect
			.element(page.getByRole('textbox', { name: 'Facteur de changement', exact: true }))
			.toHaveAccessibleDescription(
				'Pour un impact\u00a0: le facteur de changement de l’analyse du contexte auquel il est lié, p. ex. «\u00a0la menace posée par les groupes armés diminue\u00a0».'
			);
		await expect
			.element(page.getByRole('textbox', { name: 'Description (français)' }))
			.toBeInTheDocument();
		await expect
			.element(page.getByRole('combobox', { name: 'Niveau d’action de PdC' }))
			.toHaveTextContent('II · protection physique');
		// an impact has no critical condition
		expect(page.getByText('Condition critique').elements()).toHaveLength(0);
	});

	test('in English, as before, with the French fields named so', async () => {
		render(NodeAttributes, { form: 'edit', level: 'outcome', values: {}, errors: {} });
		await expect
			.element(page.getByRole('textbox', { name: 'Critical condition', exact: true }))
			.toBeInTheDocument();
		await expect
			.element(page.getByRole('textbox', { name: 'Critical condition (French)' }))
			.toHaveAttribute('name', 'critical_condition_fr');
		await expect
			.element(page.getByRole('textbox', { name: 'Title (French)' }))
			.toHaveAccessibleDescription(
				'Optional: French readers see it; where it is blank they see the English.'
			);
	});
});

describe('the indicator form', () => {
	test('in French: legends, choices and target rows', async () => {
		document.documentElement.lang = 'fr';
		render(IndicatorFields, {
			form: 'indicator',
			values: { indicator_title_fr: 'Réseaux d’alerte', definition_fr: '' },
			errors: {},
			nodes: [
				...nodes,
				{ code: 'PO2', title: 'Communities settle disputes', titleLang: 'en', depth: 0 }
			],
			codeEditable: true
		});
		// an English title among French ones is marked so
		expect(document.querySelector('option[value="PO2"]')?.getAttribute('lang')).toBe('en');
		for (const legend of [
			'L’indicateur',
			'Comment il est compté',
			'Valeur de référence et cibles',
			'Source et accès'
		])
			await expect.element(page.getByRole('group', { name: legend })).toBeInTheDocument();
		await expect
			.element(page.getByRole('textbox', { name: 'Titre (français)' }))
			.toHaveValue('Réseaux d’alerte');
		await expect
			.element(page.getByRole('textbox', { name: 'Définition (français)' }))
			.toHaveAttribute('name', 'definition_fr');
		const measure = page.getByLabelText(/^Mesure/);
		await expect.element(measure).toHaveTextContent('Taux pour 100 000 habitants');
		await expect.element(measure).toHaveTextContent('Pourcentage');
		await expect
			.element(page.getByRole('textbox', { name: 'Cible 2, valeur' }))
			.toHaveAttribute('name', 'target_value_1');
		await expect
			.element(page.getByRole('button', { name: 'Ajouter une ligne de cible' }))
			.toBeInTheDocument();
	});

	test('in English, as before', async () => {
		render(IndicatorFields, {
			form: 'indicator',
			values: {},
			errors: {},
			nodes,
			codeEditable: false
		});
		await expect
			.element(page.getByRole('group', { name: 'How it is counted' }))
			.toBeInTheDocument();
		await expect
			.element(page.getByRole('textbox', { name: 'Target 1, period' }))
			.toHaveAttribute('name', 'target_period_0');
		await expect
			.element(page.getByRole('textbox', { name: 'Definition (French)' }))
			.toBeInTheDocument();
		await expect
			.element(page.getByLabelText(/^Measure/))
			.toHaveTextContent('Rate per 100,000 population');
	});
});
