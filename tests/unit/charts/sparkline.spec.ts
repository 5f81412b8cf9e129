import { expect, test } from 'vitest';
import { sparklinePath } from '../../../src/lib/charts/sparkline';

test('a sparkline spans the width and the range of the values', () => {
	// 3 points over 100 px: x = 0, 50, 100; values 0..10 map to y = 20..0
	expect(sparklinePath([0, 5, 10], 100, 20)).toBe('M0 20L50 10L100 0');
});

test('a gap breaks the line', () => {
	expect(sparklinePath([1, null, 3, 5], 30, 10)).toBe('M0 10M20 5L30 0');
});

test('flat or single values are drawn at the bottom, nothing for no values', () => {
	expect(sparklinePath([4, 4], 10, 10)).toBe('M0 10L10 10');
	expect(sparklinePath([7], 10, 10)).toBe('M5 10');
	expect(sparklinePath([null, null], 10, 10)).toBe('');
});
