import { describe, expect, test } from 'vitest';
import {
	cycleFigures,
	frozenSeriesQuery,
	previousCycle
} from '../../../src/lib/domain/assessment-cycles';
import { ratingChanges, snapshotComparison } from '../../../src/lib/domain/cycle-comparison';
import { parseRatingScale } from '../../../src/lib/domain/rating-scale';
import { isOverdue } from '../../../src/lib/domain/action-points';

const cycle = (code: string, periodStart: string, periodEnd: string) => ({
	code,
	periodStart,
	periodEnd
});

describe('previous cycle', () => {
	const h1 = cycle('2025-H1', '2025-01-01', '2025-06-30');
	test('the cycle ending latest before this one starts', () => {
		const cycles = [
			cycle('2024-H1', '2024-01-01', '2024-06-30'),
			cycle('2024-H2', '2024-07-01', '2024-12-31'),
			cycle('2025-Q1', '2025-01-01', '2025-03-31'),
			h1,
			cycle('2025-H2', '2025-07-01', '2025-12-31')
		];
		expect(previousCycle(h1, cycles)?.code).toBe('2024-H2');
	});
	test('of two ending the same day, the one starting later', () => {
		const cycles = [
			cycle('2024', '2024-01-01', '2024-12-31'),
			cycle('2024-H2', '2024-07-01', '2024-12-31')
		];
		expect(previousCycle(h1, cycles)?.code).toBe('2024-H2');
		expect(previousCycle(h1, [...cycles].reverse())?.code).toBe('2024-H2');
	});
	test('none when no cycle ends before it starts', () => {
		expect(previousCycle(h1, [h1, cycle('2025', '2025-01-01', '2025-12-31')])).toBeUndefined();
	});
});

test('a cycle freezes from the month a year before it starts to its last day', () => {
	expect(frozenSeriesQuery({ periodStart: '2025-01-01', periodEnd: '2025-06-30' })).toEqual({
		from: '2024-01',
		to: '2025-06-30'
	});
	expect(frozenSeriesQuery({ periodStart: '2024-07-01', periodEnd: '2025-06-30' })).toEqual({
		from: '2023-07',
		to: '2025-06-30'
	});
});

describe('the figures a cycle shows', () => {
	const p = (period: string, start: string, end: string, actual: number | null) => ({
		period,
		start,
		end,
		actual
	});
	const points = [
		p('2024-Q1', '2024-01-01', '2024-03-31', 5),
		p('2024-Q2', '2024-04-01', '2024-06-30', 6),
		p('2025-Q1', '2025-01-01', '2025-03-31', 7),
		p('2025-Q2', '2025-04-01', '2025-06-30', null)
	];
	test('the latest point inside the cycle with an actual, and the same season a year before', () => {
		const { latest, yearBefore } = cycleFigures(points, {
			periodStart: '2025-01-01',
			periodEnd: '2025-06-30'
		});
		expect(latest?.period).toBe('2025-Q1');
		expect(yearBefore?.period).toBe('2024-Q1');
	});
	test('without actuals, the latest point inside; nothing when none is inside', () => {
		expect(
			cycleFigures(points, { periodStart: '2025-04-01', periodEnd: '2025-06-30' }).latest?.period
		).toBe('2025-Q2');
		expect(cycleFigures(points, { periodStart: '2026-01-01', periodEnd: '2026-06-30' })).toEqual({
			latest: null,
			yearBefore: null
		});
	});
});

describe('rating scale', () => {
	test('blank gives the default scale', () => {
		expect(parseRatingScale('  ')).toEqual({
			ok: true,
			scale: ['progressing', 'stalled', 'regressing']
		});
	});
	test('comma-separated, trimmed, blank items ignored, order kept', () => {
		expect(parseRatingScale(' good ,  fair,poor ,')).toEqual({
			ok: true,
			scale: ['good', 'fair', 'poor']
		});
	});
	test('fewer than two, duplicates and long words are refused, naming the value', () => {
		expect(parseRatingScale('good')).toMatchObject({
			ok: false,
			message: expect.stringContaining('"good"')
		});
		expect(parseRatingScale('good, Good')).toEqual({
			ok: false,
			message: '"Good" is in the scale twice.'
		});
		expect(parseRatingScale(`good, ${'x'.repeat(41)}`)).toMatchObject({ ok: false });
	});
});

describe('overdue', () => {
	const today = '2025-07-01';
	test('a deadline before today, neither done nor dropped', () => {
		expect(isOverdue({ deadline: '2025-06-30', status: 'open' }, today)).toBe(true);
		expect(isOverdue({ deadline: '2025-06-30', status: 'in_progress' }, today)).toBe(true);
	});
	test('due today is not overdue yet; done and dropped never are', () => {
		expect(isOverdue({ deadline: today, status: 'open' }, today)).toBe(false);
		expect(isOverdue({ deadline: '2025-01-01', status: 'done' }, today)).toBe(false);
		expect(isOverdue({ deadline: '2025-01-01', status: 'dropped' }, today)).toBe(false);
	});
});

describe('comparison with the previous cycle', () => {
	test('ratings that changed, including nodes rated in one cycle only', () => {
		expect(
			ratingChanges(
				[
					{ result: 'PO1', rating: 'stalled' },
					{ result: 'PO2', rating: 'progressing' },
					{ result: 'PO3', rating: 'stalled' }
				],
				[
					{ result: 'PO1', rating: 'regressing' },
					{ result: 'PO2', rating: 'progressing' },
					{ result: 'PO4', rating: 'stalled' }
				]
			)
		).toEqual([
			{ result: 'PO1', previous: 'stalled', current: 'regressing' },
			{ result: 'PO4', previous: null, current: 'stalled' },
			{ result: 'PO3', previous: 'stalled', current: null }
		]);
	});
	test('figures changed only for periods both snapshots hold; indicators added and removed', () => {
		const pt = (period: string, actual: number | null, target: number | null = null) => ({
			period,
			actual,
			target
		});
		const comparison = snapshotComparison(
			[
				{ indicator: 'A', points: [pt('2024-Q1', 1), pt('2024-Q2', 2, 5)] },
				{ indicator: 'GONE', points: [pt('2024-Q1', 1)] }
			],
			[
				{ indicator: 'A', points: [pt('2024-Q2', 3, 5), pt('2024-Q3', 4)] },
				{ indicator: 'NEW', points: [pt('2024-Q3', 1)] }
			]
		);
		expect(comparison).toEqual({
			changed: [
				{
					indicator: 'A',
					differences: [{ period: '2024-Q2', field: 'actual', frozen: 2, current: 3 }]
				}
			],
			added: ['NEW'],
			removed: ['GONE']
		});
	});
});
