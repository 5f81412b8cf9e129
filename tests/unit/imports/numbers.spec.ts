import { describe, expect, test } from 'vitest';
import { parseNumber } from '../../../src/lib/server/imports/numbers';

describe('numbers in comma and tab files', () => {
	test.each([
		['12', 12],
		['12.5', 12.5],
		['-3.25', -3.25],
		['.5', 0.5],
		['1,234', 1234],
		['1,234,567.5', 1234567.5],
		['1 234', 1234],
		['1\u00a0234.5', 1234.5],
		[' 7 ', 7]
	])('"%s" is %d', (text, value) => {
		expect(parseNumber(text, ',')).toEqual({ ok: true, value });
		expect(parseNumber(text, '\t')).toEqual({ ok: true, value });
	});

	test.each(['1,5', '12,34', '1.234,5', '1e3', 'abc', '12a', '1,2345', '--1', '', '1.2.3'])(
		'"%s" is not a number, and the message shows the expected form',
		(text) => {
			const r = parseNumber(text, ',');
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.message).toContain('1234.5');
		}
	);
});

describe('numbers in semicolon files', () => {
	test.each([
		['12,5', 12.5],
		['1.234,5', 1234.5],
		['1.234', 1234],
		['1 234,5', 1234.5],
		['-0,25', -0.25]
	])('"%s" is %d', (text, value) => {
		expect(parseNumber(text, ';')).toEqual({ ok: true, value });
	});

	test.each(['12.5', '1,234.5', '1.23', 'x'])('"%s" is not a number', (text) => {
		const r = parseNumber(text, ';');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toContain('1234,5');
	});
});

test('a trailing % is allowed on percent values only', () => {
	expect(parseNumber('45.5%', ',', true)).toEqual({ ok: true, value: 45.5 });
	expect(parseNumber('45,5 %', ';', true)).toEqual({ ok: true, value: 45.5 });
	expect(parseNumber('45%', ',').ok).toBe(false);
});
