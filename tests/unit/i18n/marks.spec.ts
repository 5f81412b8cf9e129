import { describe, expect, test } from 'vitest';
import { mark, marks, pieces } from '../../../src/lib/i18n/marks';

describe('a message with values in markup', () => {
	test('is cut into its text and its marked values, in the language’s order', () => {
		const { kind } = marks('kind');
		expect(pieces(`Reconnu comme fichier de type ${kind}.`)).toEqual([
			{ text: 'Reconnu comme fichier de type ' },
			{ mark: 'kind' },
			{ text: '.' }
		]);
		expect(pieces(`${mark('a')} puis ${mark('b')}`)).toEqual([
			{ mark: 'a' },
			{ text: ' puis ' },
			{ mark: 'b' }
		]);
	});

	test('a message without marks is one piece of text', () => {
		expect(pieces('Plain text')).toEqual([{ text: 'Plain text' }]);
		expect(pieces('')).toEqual([]);
	});
});
