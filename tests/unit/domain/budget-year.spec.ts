import { describe, expect, test } from 'vitest';
import { budgetYearsBetween, parseBudgetYear } from '../../../src/lib/domain/budget-year';

describe('parseBudgetYear', () => {
	test.each(['FY2024/25', 'fy2024/25', '2024/25', 'FY2024-25', 'fy2024-25', ' FY2024/25 '])(
		'"%s" is the budget year FY2024/25, 1 July 2024 to 30 June 2025',
		(written) => {
			expect(parseBudgetYear(written)).toEqual({
				ok: true,
				year: { label: 'FY2024/25', slug: 'FY2024-25', start: '2024-07-01', end: '2025-06-30' }
			});
		}
	);

	test('a month is a period but not a budget year: 2024-12 is December, never FY2024/25', () => {
		const r = parseBudgetYear('2024-12');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/"2024-12" is a period but not a budget year/);
	});

	test.each(['FY2024/26', 'FY2024-26', '2024', 'Q1', '', 'FY24-25'])(
		'"%s" is refused with the way to write a budget year',
		(written) => {
			const r = parseBudgetYear(written);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.message).toContain('written FY2024/25');
		}
	);
});

test('budgetYearsBetween lists every budget year the days overlap, earliest first', () => {
	expect(budgetYearsBetween('2024-06-30', '2025-07-01').map((y) => y.label)).toEqual([
		'FY2023/24',
		'FY2024/25',
		'FY2025/26'
	]);
	expect(budgetYearsBetween('2024-07-01', '2025-06-30').map((y) => y.slug)).toEqual(['FY2024-25']);
});
