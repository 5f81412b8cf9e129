import { describe, expect, test } from 'vitest';
import { didYouMean, editDistance, nearestCodes } from '$lib/domain/suggest';

describe('editDistance', () => {
	test.each([
		['', '', 0],
		['abc', '', 3],
		['', 'abc', 3],
		['1.2.1', '1.2.1', 0],
		// one substitution
		['1.2.l', '1.2.1', 1],
		// one insertion
		['1.2.1', '1.2.10', 1],
		// k->s, e->i, +g
		['kitten', 'sitting', 3],
		// -f, +n
		['flaw', 'lawn', 2]
	])('"%s" to "%s" is %i', (a, b, expected) => {
		expect(editDistance(a, b)).toBe(expected);
		expect(editDistance(b, a)).toBe(expected);
	});

	test('is case-sensitive (callers lower-case)', () => {
		expect(editDistance('PO1', 'po1')).toBe(2);
	});
});

describe('nearestCodes', () => {
	const known = ['1.3.1', '1.2.2', 'PO1-K3', '1.2.1', '1.2.10'];

	test('closest first, ties in code order, at most three', () => {
		// from "1.2.l": 1.2.1 and 1.2.2 at 1; 1.2.10 (l->1, +0) and 1.3.1 (2->3, l->1) at 2
		expect(nearestCodes('1.2.l', known)).toEqual(['1.2.1', '1.2.2', '1.2.10']);
		expect(nearestCodes('1.2.l', known, 10)).toEqual(['1.2.1', '1.2.2', '1.2.10', '1.3.1']);
		expect(nearestCodes('1.2.l', known, 1)).toEqual(['1.2.1']);
	});

	test('ignores case, and returns the codes as they are written', () => {
		expect(nearestCodes('po1-k3', known)[0]).toBe('PO1-K3');
		expect(nearestCodes('po1-k4', known)).toEqual(['PO1-K3']);
	});

	test('nothing for far-away strings', () => {
		expect(nearestCodes('XYZ', known)).toEqual([]);
		expect(nearestCodes('completely-unrelated', known)).toEqual([]);
	});

	test('nothing when nothing is known', () => {
		expect(nearestCodes('1.2.1', [])).toEqual([]);
	});

	test('takes any iterable of codes', () => {
		const codes = new Map([
			['NK', 1],
			['SK', 2]
		]);
		// NK at 1 (K->N), SK at 1 (K->S)
		expect(nearestCodes('KK', codes.keys())).toEqual(['NK', 'SK']);
		expect(nearestCodes('nk', new Set(['NK']))).toEqual(['NK']);
	});
});

describe('didYouMean', () => {
	test('empty when nothing is close', () => {
		expect(didYouMean('XYZ', ['1.2.1', '1.2.2'])).toBe('');
	});

	test('one, two or three suggestions, closest first', () => {
		expect(didYouMean('po1-k4', ['PO1-K3'])).toBe(' Did you mean PO1-K3?');
		expect(didYouMean('1.2.l', ['1.2.2', '1.2.1'])).toBe(' Did you mean 1.2.1 or 1.2.2?');
		expect(didYouMean('1.2.l', ['1.3.1', '1.2.2', '1.2.1'])).toBe(
			' Did you mean 1.2.1, 1.2.2 or 1.3.1?'
		);
		// a fourth close code is not offered
		expect(didYouMean('1.2.l', ['1.3.1', '1.2.2', '1.2.1', '1.2.3'])).toBe(
			' Did you mean 1.2.1, 1.2.2 or 1.2.3?'
		);
	});
});
