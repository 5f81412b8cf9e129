import { describe, expect, test } from 'vitest';
import { daysBetween, readListDate } from '$lib/domain/lists/list-date';

function date(cell: string): string {
	const read = readListDate(cell);
	if (!read.ok) throw new Error(`expected "${cell}" to read, got: ${read.message}`);
	return read.date;
}

function refusal(cell: string): string {
	const read = readListDate(cell);
	if (read.ok) throw new Error(`expected "${cell}" to be refused, got ${read.date}`);
	return read.message;
}

describe('the date of a row (formats.md §5.3 step 1)', () => {
	test('YYYY-MM-DD, alone or followed by a time after T or a space: only the date counts', () => {
		expect(date('2024-03-15')).toBe('2024-03-15');
		expect(date('2024-03-15T23:59:59+05:00')).toBe('2024-03-15');
		expect(date('2024-03-15T01:00:00.000Z')).toBe('2024-03-15');
		expect(date('2024-03-15 10:22')).toBe('2024-03-15');
		expect(date('2024-03-15 anything at all')).toBe('2024-03-15');
		expect(date('  2024-02-29  ')).toBe('2024-02-29');
	});

	test('a day that does not exist is refused, saying why', () => {
		expect(refusal('2023-02-29')).toMatch(/not a real date: February 2023 has 28 days/);
		expect(refusal('2024-13-01')).toMatch(/not a real date/);
		expect(refusal('2024-04-31')).toMatch(/April 2024 has 30 days/);
		expect(refusal('2024-01-00')).toMatch(/not a real date/);
	});

	test('day-first, month-first, short and spelt-out dates are refused, naming the form', () => {
		expect(refusal('15/03/2024')).toMatch(/Day-first and month-first dates are ambiguous/);
		expect(refusal('03-15-2024')).toMatch(/ambiguous/);
		expect(refusal('15.03.2024')).toMatch(/YYYY-MM-DD/);
		expect(refusal('2024-3-15')).toMatch(/YYYY-MM-DD/);
		expect(refusal('March 2024')).toMatch(/YYYY-MM-DD/);
		expect(refusal('2024-03')).toMatch(/YYYY-MM-DD/);
		expect(refusal('20240315')).toMatch(/YYYY-MM-DD/);
		expect(refusal('2024-03-15x')).toMatch(/YYYY-MM-DD/);
	});

	test('a blank date is refused', () => {
		expect(refusal('')).toMatch(/blank/);
		expect(refusal('   ')).toMatch(/blank/);
	});
});

describe('days between two dates', () => {
	test('counts calendar days, across months, years and leap days', () => {
		expect(daysBetween('2024-03-01', '2024-03-01')).toBe(0);
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
		expect(daysBetween('2023-12-31', '2024-01-02')).toBe(2);
		expect(daysBetween('2024-03-05', '2024-03-01')).toBe(-4);
	});

	test('a daylight-saving change never makes a fraction of a day', () => {
		expect(Number.isInteger(daysBetween('2024-03-30', '2024-04-02'))).toBe(true);
		expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2);
	});
});
