import { expect, test } from 'vitest';
import { sameSeason } from '../../../src/lib/domain/seasons';
import type { SeriesPoint } from '../../../src/lib/domain/series';

const point = (start: string, actual: number | null): SeriesPoint => ({
	period: start.slice(0, 7),
	start,
	end: start,
	partial: false,
	actual,
	target: null,
	status: 'no_target'
});

test('months of each calendar year are laid over January to December', () => {
	const chart = sameSeason(
		[
			point('2024-11-01', 5),
			point('2024-12-01', 6),
			point('2025-01-01', 7),
			point('2025-02-01', 8)
		],
		'month',
		'calendar'
	)!;
	expect(chart.labels[0]).toBe('Jan');
	expect(chart.years).toEqual([
		{ label: '2024', values: [null, null, null, null, null, null, null, null, null, null, 5, 6] },
		{ label: '2025', values: [7, 8, null, null, null, null, null, null, null, null, null, null] }
	]);
});

test('budget years run July to June', () => {
	const chart = sameSeason(
		[point('2024-06-01', 1), point('2024-07-01', 2), point('2025-06-01', 3)],
		'month',
		'budget'
	)!;
	expect(chart.labels).toEqual([
		'Jul',
		'Aug',
		'Sep',
		'Oct',
		'Nov',
		'Dec',
		'Jan',
		'Feb',
		'Mar',
		'Apr',
		'May',
		'Jun'
	]);
	// June 2024 ends FY2023/24; July 2024 opens FY2024/25, whose June is June 2025
	expect(chart.years).toEqual([
		{
			label: 'FY2023/24',
			values: [null, null, null, null, null, null, null, null, null, null, null, 1]
		},
		{
			label: 'FY2024/25',
			values: [2, null, null, null, null, null, null, null, null, null, null, 3]
		}
	]);
});

test('quarters on a budget-year axis start with Q3; years without actuals are left out', () => {
	const chart = sameSeason(
		[point('2024-07-01', 10), point('2025-01-01', 20), point('2025-07-01', null)],
		'quarter',
		'budget'
	)!;
	expect(chart.labels).toEqual(['Q3', 'Q4', 'Q1', 'Q2']);
	expect(chart.years).toEqual([{ label: 'FY2024/25', values: [10, null, 20, null] }]);
});

test('a yearly series has no season', () => {
	expect(sameSeason([point('2024-01-01', 1)], 'year', 'calendar')).toBeNull();
});
