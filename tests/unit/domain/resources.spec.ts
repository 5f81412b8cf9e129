import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	DEFAULT_VARIANCE_THRESHOLD,
	dollarText,
	explanationRequired,
	resourceTable,
	thresholdProblem,
	varianceOf,
	type ResourceLine
} from '../../../src/lib/domain/resources';

const line = (apportionment: number, expenditure: number, more: Partial<ResourceLine> = {}) =>
	({
		budgetYear: 'FY2023/24',
		component: null,
		objective: 'PO1',
		category: '',
		apportionment,
		expenditure,
		explanation: null,
		...more
	}) satisfies ResourceLine;

describe('the variance', () => {
	test('is apportionment − expenditure, in amount and percent of the apportionment', () => {
		expect(varianceOf(1_000_000, 900_000)).toEqual({ amount: 100_000, percent: 10 });
	});

	test('is negative for an overspend', () => {
		expect(varianceOf(1_000_000, 1_120_000)).toEqual({ amount: -120_000, percent: -12 });
	});

	test('has no percent when nothing was apportioned; then any expenditure needs explaining', () => {
		expect(varianceOf(0, 0)).toEqual({ amount: 0, percent: null });
		expect(varianceOf(0, 2500)).toEqual({ amount: -2500, percent: null });
		expect(explanationRequired(varianceOf(0, 0), 5)).toBe(false);
		expect(explanationRequired(varianceOf(0, 2500), 5)).toBe(true);
	});

	test('is exact to the cent where floating point is not (0.1 + 0.2)', () => {
		expect(varianceOf(0.3, 0.1).amount).toBe(0.2);
		expect(varianceOf(1234567.89, 1234567.88).amount).toBe(0.01);
	});

	test('percent is rounded to one decimal, halves away from zero', () => {
		expect(varianceOf(3, 2).percent).toBe(33.3);
		expect(varianceOf(1000, 949.5).percent).toBe(5.1); // 5.05 → 5.1
		expect(varianceOf(1000, 1050.5).percent).toBe(-5.1); // −5.05 → −5.1
		expect(varianceOf(1000, 950.5).percent).toBe(5); // 4.95 → 5.0
		expect(Object.is(varianceOf(1000, 1000).percent, 0)).toBe(true); // never −0
	});

	test('percent never drifts from the exact ratio by more than half a tenth', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1e10 }), fc.integer({ min: 0, max: 1e10 }), (a, e) => {
				const { percent } = varianceOf(a / 100, e / 100);
				// Checked in integers: at tens of billions of percent a float comparison of the
				// difference itself drifts by more than the half tenth being checked.
				const shownTenths = BigInt(Math.round(percent! * 10));
				const drift = shownTenths * BigInt(a) - BigInt(a - e) * 1000n;
				expect(2n * (drift < 0n ? -drift : drift) <= BigInt(a)).toBe(true);
			}),
			{ numRuns: 2000, examples: [[16, 6167513575]] }
		);
	});
});

describe('an explanation', () => {
	test('is required above the threshold, not at it', () => {
		expect(explanationRequired(varianceOf(100, 95), 5)).toBe(false); // exactly 5 %
		expect(explanationRequired(varianceOf(100, 105), 5)).toBe(false); // exactly −5 %
		expect(explanationRequired(varianceOf(1000, 949), 5)).toBe(true); // 5.1 %
		expect(explanationRequired(varianceOf(1000, 1051), 5)).toBe(true); // −5.1 %
	});

	test('is judged on the percent the report shows: 5.04 % shows as 5.0 % and needs none', () => {
		expect(varianceOf(10_000, 9_496).percent).toBe(5);
		expect(explanationRequired(varianceOf(10_000, 9_496), 5)).toBe(false);
	});

	test('the table marks required lines and those still missing one; blank words are none', () => {
		const table = resourceTable(
			[
				line(100, 80, { explanation: 'Vacancies' }),
				line(100, 80, { objective: 'PO2', explanation: '   ' }),
				line(100, 99, { objective: 'PO3' })
			],
			DEFAULT_VARIANCE_THRESHOLD
		);
		expect(table.rows.map((r) => [r.explanationRequired, r.explanationMissing])).toEqual([
			[true, false],
			[true, true],
			[false, false]
		]);
		expect(table.totals).toEqual({
			apportionment: 300,
			expenditure: 259,
			variance: { amount: 41, percent: 13.7 }
		});
	});

	test('a table without lines has no totals', () => {
		expect(resourceTable([], 5)).toEqual({ threshold: 5, rows: [], totals: null });
	});
});

describe('the threshold and amounts', () => {
	test('a threshold is a percent from 0 to 100', () => {
		for (const ok of [0, 5, 12.5, 100]) expect(thresholdProblem(ok)).toBeNull();
		for (const bad of [-1, 100.1, Number.NaN]) expect(thresholdProblem(bad)).toMatch(/threshold/);
	});

	test('amounts may carry $ or USD; another currency is refused', () => {
		expect(dollarText('$1,234.50')).toEqual({ ok: true, text: '1,234.50' });
		expect(dollarText('US$ 1 234')).toEqual({ ok: true, text: '1 234' });
		expect(dollarText('1 234 567.89 USD')).toEqual({ ok: true, text: '1 234 567.89' });
		expect(dollarText('1234')).toEqual({ ok: true, text: '1234' });
		expect(dollarText('€1,234')).toMatchObject({ ok: false });
		expect(dollarText('1234 EUR')).toMatchObject({ ok: false });
	});
});
