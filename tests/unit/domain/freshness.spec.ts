import { describe, expect, test } from 'vitest';
import { freshness, periodDue } from '../../../src/lib/domain/freshness';

describe('the period due', () => {
	test.each([
		// on 21 November, October is still within its deadline (end of November): September is due
		['month', '2026-11-21', '2026-09'],
		['month', '2026-11-01', '2026-09'],
		['month', '2026-10-31', '2026-08'],
		// across the year: on 15 January, November is due
		['month', '2027-01-15', '2026-11'],
		// Q3 is due by the end of Q4, so in Q4 the quarter due is Q2
		['quarter', '2026-11-21', '2026-Q2'],
		['quarter', '2027-01-01', '2026-Q3'],
		['half', '2026-11-21', '2025-H2'],
		['half', '2027-01-01', '2026-H1'],
		['year', '2026-11-21', '2024'],
		['year', '2027-01-01', '2025']
	] as const)('%s on %s: %s', (frequency, today, label) => {
		expect(periodDue(frequency, today).label).toBe(label);
	});
});

describe('late data', () => {
	test('a monthly indicator with September figures is on time on 21 November', () => {
		expect(freshness('month', '2026-09-30', '2026-11-21')).toMatchObject({ late: false });
	});
	test('a monthly indicator whose latest figures are for August is late on 21 November', () => {
		expect(freshness('month', '2026-08-31', '2026-11-21')).toMatchObject({
			late: true,
			due: { label: '2026-09', end: '2026-09-30' }
		});
	});
	test('an indicator without any actual is late', () => {
		expect(freshness('quarter', null, '2026-11-21').late).toBe(true);
	});
	test('without a frequency, monthly reporting is expected', () => {
		expect(freshness(null, '2026-08-31', '2026-11-21').late).toBe(true);
		expect(freshness(null, '2026-09-30', '2026-11-21').late).toBe(false);
	});
	test('a half-yearly survey with 2025-H2 results is on time until the end of 2026', () => {
		expect(freshness('half', '2025-12-31', '2026-12-31').late).toBe(false);
		expect(freshness('half', '2025-12-31', '2027-01-01').late).toBe(true);
	});
});
