import { page } from 'vitest/browser';
import { describe, expect, test } from 'vitest';
import { render } from 'vitest-browser-svelte';
import Crumbs from '../../src/lib/components/forms/Crumbs.svelte';
import ErrorSummary from '../../src/lib/components/forms/ErrorSummary.svelte';
import Field from '../../src/lib/components/forms/Field.svelte';

describe('Field', () => {
	test('its label names the control, and a required field says so in words', async () => {
		render(Field, { form: 'f', name: 'title', label: 'Title', required: true });
		const box = page.getByRole('textbox', { name: 'Title (required)' });
		await expect.element(box).toHaveAttribute('id', 'f-title');
		await expect.element(box).toHaveAttribute('name', 'title');
		await expect.element(box).toHaveAttribute('aria-required', 'true');
		await expect.element(box).not.toHaveAttribute('aria-invalid');
		await expect.element(box).not.toHaveAttribute('aria-describedby');
	});

	test('the hint and the error describe it, and a field in error says so', async () => {
		render(Field, {
			form: 'f',
			name: 'code',
			label: 'Code',
			hint: 'e.g. PO1',
			error: 'That code is taken.'
		});
		const box = page.getByRole('textbox', { name: 'Code' });
		await expect.element(box).toHaveAttribute('aria-describedby', 'f-code-hint f-code-error');
		await expect.element(box).toHaveAttribute('aria-invalid', 'true');
		await expect.element(box).toHaveAccessibleDescription('e.g. PO1 That code is taken.');
	});

	test('shows its default value, and tells what is typed', async () => {
		const typed: string[] = [];
		render(Field, {
			form: 'f',
			name: 'name',
			label: 'Name',
			defaultValue: 'Pellinor',
			oninput: (v: string) => typed.push(v)
		});
		const box = page.getByRole('textbox', { name: 'Name' });
		await expect.element(box).toHaveValue('Pellinor');
		await box.fill('Pellinor North');
		expect(typed.at(-1)).toBe('Pellinor North');
	});

	test.each([
		['password', 'input[type=password]'],
		['number', 'input[type=number]'],
		['date', 'input[type=date]'],
		['textarea', 'textarea']
	] as const)('renders a %s field, labelled', async (type, selector) => {
		render(Field, { form: 'f', name: 'x', label: 'X value', type, error: 'Wrong.' });
		const control = page.getByLabelText('X value');
		await expect.element(control).toHaveAttribute('id', 'f-x');
		expect(control.element().matches(selector)).toBe(true);
		await expect.element(control).toHaveAccessibleDescription('Wrong.');
	});

	test('a select offers its options, grouped, with the default chosen', async () => {
		render(Field, {
			form: 'f',
			name: 'tier',
			label: 'Tier',
			type: 'select',
			defaultValue: 'b',
			error: 'Choose a tier.',
			options: [
				{ value: '', label: 'None' },
				{ value: 'a', label: 'Alpha', group: 'Greek' },
				{ value: 'b', label: 'Beta', group: 'Greek' }
			]
		});
		const select = page.getByRole('combobox', { name: 'Tier' });
		await expect.element(select).toHaveValue('b');
		await expect.element(select).toHaveAccessibleDescription('Choose a tier.');
		const greek = document.querySelector('optgroup[label="Greek"]');
		expect([...greek!.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
			'Alpha',
			'Beta'
		]);
		expect(page.getByRole('option').elements()).toHaveLength(3);
	});
});

describe('ErrorSummary', () => {
	test('announces the problems as an alert, each linked to its field, and takes the focus', async () => {
		render(ErrorSummary, {
			form: 'f',
			labels: { code: 'Code' },
			errors: { code: 'That code is taken.', form: 'The change was refused.' }
		});
		const alert = page.getByRole('alert');
		await expect.element(alert).toHaveTextContent('2 problems to correct; nothing was saved');
		await expect.element(alert).toHaveFocus();
		await expect
			.element(page.getByRole('link', { name: 'Code' }))
			.toHaveAttribute('href', '#f-code');
		await expect.element(alert).toHaveTextContent('The change was refused.');
	});

	test('is an empty live region while there is nothing to correct', async () => {
		render(ErrorSummary, { form: 'f', labels: {}, errors: undefined });
		await expect.element(page.getByRole('alert')).toBeEmptyDOMElement();
	});
});

test('Crumbs mark where the page sits', async () => {
	render(Crumbs, {
		trail: [{ href: '/framework', label: 'Results framework' }, { label: 'Edit' }]
	});
	const nav = page.getByRole('navigation', { name: 'Breadcrumb' });
	await expect.element(nav.getByRole('link', { name: 'Results framework' })).toBeVisible();
	await expect.element(nav.getByText('Edit')).toHaveAttribute('aria-current', 'page');
});
