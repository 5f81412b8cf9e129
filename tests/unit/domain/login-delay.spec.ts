import { describe, expect, test } from 'vitest';
import {
	FORGET_AFTER_MS,
	MAX_DELAY_MS,
	currentFailures,
	delayAfter,
	waitRemaining,
	waitText
} from '../../../src/lib/domain/login-delay';

describe('the growing sign-in delay', () => {
	test('the first failures of an account cost nothing, then each doubles the wait', () => {
		expect([0, 1, 2].map((n) => delayAfter(n))).toEqual([0, 0, 0]);
		expect([3, 4, 5, 6].map((n) => delayAfter(n))).toEqual([1000, 2000, 4000, 8000]);
	});

	test('an address is forgiven more failures than an account, then grows the same way', () => {
		expect(delayAfter(9, 'address')).toBe(0);
		expect(delayAfter(10, 'address')).toBe(1000);
		expect(delayAfter(12, 'address')).toBe(4000);
	});

	test('the wait has a ceiling', () => {
		expect(delayAfter(40)).toBe(MAX_DELAY_MS);
	});

	test('the wait runs from the last failure', () => {
		const count = { failures: 4, lastFailureAt: 10_000 };
		expect(waitRemaining(count, 10_500)).toBe(1500);
		expect(waitRemaining(count, 12_000)).toBe(0);
		expect(waitRemaining(undefined, 12_000)).toBe(0);
	});

	test('a count left alone for a day is forgotten', () => {
		const count = { failures: 20, lastFailureAt: 0 };
		expect(currentFailures(count, FORGET_AFTER_MS - 1)).toBe(20);
		expect(currentFailures(count, FORGET_AFTER_MS)).toBe(0);
		expect(waitRemaining(count, FORGET_AFTER_MS)).toBe(0);
	});

	test('waits are said in words, rounded up', () => {
		expect(waitText(1)).toBe('1 second');
		expect(waitText(1500)).toBe('2 seconds');
		expect(waitText(61_000)).toBe('2 minutes');
	});
});
