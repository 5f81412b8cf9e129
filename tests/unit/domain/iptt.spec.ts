import { describe, expect, test } from 'vitest';
import { componentsOf, ipttPeriods, matchesIptt, percentMet } from '$lib/domain/iptt';

describe('percentMet', () => {
	test('increase: actual over target', () => {
		expect(percentMet(30, 40, 'increase')).toBe(75);
		expect(percentMet(50, 40, 'increase')).toBe(125);
		expect(percentMet(5, 0, 'increase')).toBeNull();
	});
	test('decrease: target over actual, so at or under the target is 100 % or more', () => {
		expect(percentMet(50, 40, 'decrease')).toBe(80);
		expect(percentMet(20, 40, 'decrease')).toBe(200);
		expect(percentMet(0, 0, 'decrease')).toBe(100);
		expect(percentMet(0, 10, 'decrease')).toBe(100);
	});
	test('no actual or no target: nothing to say', () => {
		expect(percentMet(null, 40, 'increase')).toBeNull();
		expect(percentMet(3, null, 'decrease')).toBeNull();
	});
});

test('filters: objective, category, tier and one of the components', () => {
	const candidate = {
		objective: 'PO1',
		category: 'situation',
		tier: 'I',
		component: 'Human Rights; JOC'
	};
	expect(componentsOf(candidate.component)).toEqual(['Human Rights', 'JOC']);
	expect(matchesIptt(candidate, {})).toBe(true);
	expect(matchesIptt(candidate, { objective: 'PO1', component: 'JOC' })).toBe(true);
	expect(matchesIptt(candidate, { component: 'Force' })).toBe(false);
	expect(matchesIptt(candidate, { tier: 'II' })).toBe(false);
	expect(matchesIptt(candidate, { category: 'capacity' })).toBe(false);
	expect(matchesIptt(candidate, { objective: 'PO2' })).toBe(false);
});

test('the periods of several series, once each, in time order', () => {
	expect(
		ipttPeriods([
			[
				{ period: '2024', start: '2024-01-01' },
				{ period: '2025', start: '2025-01-01' }
			],
			[
				{ period: '2023', start: '2023-01-01' },
				{ period: '2024', start: '2024-01-01' }
			]
		])
	).toEqual(['2023', '2024', '2025']);
});
