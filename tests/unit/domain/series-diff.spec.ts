import { expect, test } from 'vitest';
import { seriesDifferences } from '$lib/domain/series-diff';

const p = (period: string, actual: number | null, target: number | null = null) => ({
	period,
	actual,
	target
});

test('equal series have no differences, even with last-bit noise', () => {
	expect(seriesDifferences([p('2024-01', 0.1 + 0.2, 1)], [p('2024-01', 0.3, 1)])).toEqual([]);
});

test('changed, new and vanished figures are named by period and field', () => {
	expect(
		seriesDifferences(
			[p('2024-01', 5, 4), p('2024-02', 3)],
			[p('2024-01', 6, 4), p('2024-02', null), p('2024-03', 1)]
		)
	).toEqual([
		{ period: '2024-01', field: 'actual', frozen: 5, current: 6 },
		{ period: '2024-02', field: 'actual', frozen: 3, current: null },
		{ period: '2024-03', field: 'actual', frozen: null, current: 1 }
	]);
});
