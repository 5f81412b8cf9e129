import { describe, expect, test } from 'vitest';
import {
	fillPlaceholders,
	hasPlaceholder,
	placeholderParts,
	placeholderProblem,
	placeholdersIn
} from '$lib/domain/placeholders';

const ALERTS =
	'Increase in the number and proportion of [counties] where effective alert systems are in place';

describe('placeholders of the standard wording', () => {
	test('are found in order, each once, as written between the brackets', () => {
		expect(placeholdersIn(ALERTS)).toEqual(['counties']);
		expect(placeholdersIn('[a] and [villages/ communities], again [a]')).toEqual([
			'a',
			'villages/ communities'
		]);
		expect(placeholdersIn('Decrease in the number of incidents')).toEqual([]);
	});

	test('are filled with the mission words, a placeholder written twice both times', () => {
		expect(fillPlaceholders(ALERTS, ['territories'])).toBe(
			'Increase in the number and proportion of territories where effective alert systems are in place'
		);
		expect(fillPlaceholders('[a] then [b] then [a]', ['x', ' y '])).toBe('x then y then x');
	});

	test('a blank fill leaves its placeholder, so the text still shows what is missing', () => {
		const filled = fillPlaceholders('[a] and [b]', ['x', '  ']);
		expect(filled).toBe('x and [b]');
		expect(hasPlaceholder(filled)).toBe(true);
		expect(placeholderProblem(filled)).toBe(
			"Replace [b] with the mission's own words before saving."
		);
	});

	test('a fill that is itself a placeholder is still a placeholder', () => {
		expect(hasPlaceholder(fillPlaceholders(ALERTS, ['[districts]']))).toBe(true);
	});

	test('a title without placeholders has no problem', () => {
		expect(placeholderProblem(fillPlaceholders(ALERTS, ['territories']))).toBeNull();
	});

	test('a text is cut into plain parts and placeholders, in order', () => {
		expect(placeholderParts('[a] and [b c].')).toEqual([
			{ text: '[a]', placeholder: true },
			{ text: ' and ', placeholder: false },
			{ text: '[b c]', placeholder: true },
			{ text: '.', placeholder: false }
		]);
		expect(placeholderParts('no placeholder')).toEqual([
			{ text: 'no placeholder', placeholder: false }
		]);
	});
});
