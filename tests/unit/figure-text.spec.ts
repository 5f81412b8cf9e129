import { expect, test } from 'vitest';
import { breakdownText, figureText, sizeText } from '$lib/format/figure-text';
import { timeText } from '$lib/format/time';

test('a figure is its value, or its pair when it has none', () => {
	expect(figureText({ value: 1234.5, numerator: 3, denominator: 9 })).toBe('1,234.5');
	expect(figureText({ value: null, numerator: 30, denominator: 90 })).toBe('30 / 90');
	expect(figureText({ value: null, numerator: 4, denominator: null })).toBe('4 / —');
});

test('a breakdown names its dimensions, or says total', () => {
	expect(breakdownText({ sex: 'female', age: 'child' })).toBe('sex: female, age: child');
	expect(breakdownText({})).toBe('total');
});

test('sizes in bytes, kilobytes and megabytes', () => {
	expect(sizeText(812)).toBe('812 B');
	expect(sizeText(14540)).toBe('14.2 KB');
	expect(sizeText(3_250_000)).toBe('3.1 MB');
	expect(sizeText(150 * 1024)).toBe('150 KB');
});

test('times are shown to the minute, in UTC', () => {
	expect(timeText('2025-03-14T09:26:41.123Z')).toBe('2025-03-14 09:26 UTC');
});

test('times in milliseconds read the same as stored ones', () => {
	expect(timeText(Date.UTC(2026, 2, 4, 14, 5, 59, 999))).toBe('2026-03-04 14:05 UTC');
});
