import { describe, expect, test } from 'vitest';
import type { Granularity } from '$lib/domain/period';
import type { SeriesPoint } from '$lib/domain/series';
import { DEFAULT_STATUS_MARGIN, statusFor } from '$lib/domain/status';
import { granularityOfLabel } from '$lib/domain/status-explanation';
import type { Direction, Measure } from '$lib/domain/vocabulary';
import { explainStatus } from '$lib/format/status-text';

interface Case {
	actual: number | null;
	target: number | null;
	direction?: Direction;
	measure?: Measure;
	unit?: string | null;
	by?: Granularity | null;
	margin?: number;
	period?: string;
	partial?: boolean;
}

/** The sentence for one point whose status is computed the way the series computes it. */
function explain(c: Case): string {
	const direction = c.direction ?? 'increase';
	const margin = c.margin ?? DEFAULT_STATUS_MARGIN;
	const point: SeriesPoint = {
		period: c.period ?? '2024-Q3',
		start: '2024-07-01',
		end: '2024-09-30',
		partial: c.partial ?? false,
		actual: c.actual,
		target: c.target,
		status: statusFor(c.actual, c.target, direction, margin)
	};
	return explainStatus({
		point,
		direction,
		measure: c.measure ?? 'count',
		unit: c.unit,
		by: c.by === undefined ? 'quarter' : c.by,
		margin
	});
}

describe('explainStatus: increase indicators', () => {
	test('achieved: above the target', () => {
		expect(explain({ actual: 56, target: 50 })).toBe(
			"12 % above the quarter's target; higher is better"
		);
	});

	test('on track: below the target, within the margin', () => {
		expect(explain({ actual: 45, target: 50 })).toBe(
			"10 % below the quarter's target (within the 15 % margin); higher is better"
		);
	});

	test('off track: below the target, beyond the margin', () => {
		expect(explain({ actual: 42, target: 50 })).toBe(
			"16 % below the quarter's target; higher is better"
		);
	});

	test('exactly at the edge of the margin is still on track', () => {
		expect(explain({ actual: 85, target: 100 })).toBe(
			"15 % below the quarter's target (within the 15 % margin); higher is better"
		);
	});
});

describe('explainStatus: decrease indicators', () => {
	test('achieved: below the target', () => {
		expect(explain({ actual: 40, target: 50, direction: 'decrease' })).toBe(
			"20 % below the quarter's target; lower is better"
		);
	});

	test('on track: above the target, within the margin', () => {
		expect(explain({ actual: 56, target: 50, direction: 'decrease' })).toBe(
			"12 % above the quarter's target (within the 15 % margin); lower is better"
		);
	});

	test('off track: above the target, beyond the margin', () => {
		expect(explain({ actual: 60, target: 50, direction: 'decrease' })).toBe(
			"20 % above the quarter's target; lower is better"
		);
	});
});

describe('explainStatus: the status meaning follows the point', () => {
	test('the margin note comes from the point status, not from recomputing it', () => {
		const point: SeriesPoint = {
			period: '2024-Q3',
			start: '2024-07-01',
			end: '2024-09-30',
			partial: false,
			actual: 45,
			target: 50,
			status: 'off_track'
		};
		const base = { direction: 'increase', measure: 'count', by: 'quarter', margin: 0.15 } as const;
		expect(explainStatus({ ...base, point })).toBe(
			"10 % below the quarter's target; higher is better"
		);
		expect(explainStatus({ ...base, point: { ...point, status: 'on_track' } })).toBe(
			"10 % below the quarter's target (within the 15 % margin); higher is better"
		);
	});
});

describe('explainStatus: missing target or data', () => {
	test('no target, higher is better', () => {
		expect(explain({ actual: 42, target: null })).toBe(
			'No target set for the quarter; higher is better'
		);
	});

	test('no target, lower is better', () => {
		expect(explain({ actual: 42, target: null, direction: 'decrease', by: 'month' })).toBe(
			'No target set for the month; lower is better'
		);
	});

	test('no point at all', () => {
		expect(
			explainStatus({
				point: null,
				direction: 'increase',
				measure: 'count',
				by: 'quarter',
				margin: 0.15
			})
		).toBe('No figures reported yet');
	});

	test('a point without an actual names its period', () => {
		expect(explain({ actual: null, target: 50 })).toBe('No figure for 2024-Q3');
		expect(explain({ actual: null, target: null, period: 'FY2024/25', by: 'fy' })).toBe(
			'No figure for FY2024/25'
		);
	});
});

describe('explainStatus: each measure', () => {
	test('count: relative difference', () => {
		expect(explain({ actual: 1200, target: 1000, direction: 'decrease', unit: 'incidents' })).toBe(
			"20 % above the quarter's target; lower is better"
		);
	});

	test('number with a unit: relative difference', () => {
		expect(
			explain({ actual: 9, target: 6, direction: 'decrease', measure: 'number', unit: 'days' })
		).toBe("50 % above the quarter's target; lower is better");
	});

	test('percent: the difference in percentage points, one decimal', () => {
		expect(explain({ actual: 43.7, target: 51.8, measure: 'percent' })).toBe(
			"8.1 percentage points below the quarter's target; higher is better"
		);
		expect(explain({ actual: 48, target: 51.8, measure: 'percent' })).toBe(
			"3.8 percentage points below the quarter's target (within the 15 % margin); higher is better"
		);
		expect(explain({ actual: 60, target: 55, measure: 'percent' })).toBe(
			"5.0 percentage points above the quarter's target; higher is better"
		);
	});

	test('per_100k: relative difference', () => {
		expect(explain({ actual: 3.4, target: 4, direction: 'decrease', measure: 'per_100k' })).toBe(
			"15 % below the quarter's target; lower is better"
		);
	});

	test('relative differences above 100 % and negative targets', () => {
		expect(explain({ actual: 25000, target: 100, direction: 'decrease' })).toBe(
			"24,900 % above the quarter's target; lower is better"
		);
		expect(explain({ actual: -5, target: -10, measure: 'number' })).toBe(
			"50 % above the quarter's target; higher is better"
		);
	});
});

describe('explainStatus: a target of 0', () => {
	test('count: the absolute difference, with the unit when there is one', () => {
		expect(explain({ actual: 3, target: 0, direction: 'decrease', unit: 'incidents' })).toBe(
			"3 incidents above the quarter's target of 0; lower is better"
		);
		expect(explain({ actual: 3, target: 0, direction: 'decrease' })).toBe(
			"3 above the quarter's target of 0; lower is better"
		);
	});

	test('number with a unit', () => {
		expect(
			explain({ actual: 2.5, target: 0, direction: 'decrease', measure: 'number', unit: 'days' })
		).toBe("2.5 days above the quarter's target of 0; lower is better");
	});

	test('per_100k', () => {
		expect(explain({ actual: 1.25, target: 0, direction: 'decrease', measure: 'per_100k' })).toBe(
			"1.25 per 100,000 above the quarter's target of 0; lower is better"
		);
	});

	test('percent still speaks in percentage points', () => {
		expect(explain({ actual: 2.5, target: 0, direction: 'decrease', measure: 'percent' })).toBe(
			"2.5 percentage points above the quarter's target; lower is better"
		);
	});

	test('an increase indicator above a target of 0', () => {
		expect(explain({ actual: 1200, target: 0, unit: 'patrols' })).toBe(
			"1,200 patrols above the quarter's target of 0; higher is better"
		);
	});
});

describe('explainStatus: actual equal to the target', () => {
	test('exactly on the target', () => {
		expect(explain({ actual: 50, target: 50 })).toBe(
			"Exactly on the quarter's target; higher is better"
		);
		expect(explain({ actual: 0, target: 0, direction: 'decrease', by: 'month' })).toBe(
			"Exactly on the month's target; lower is better"
		);
		expect(explain({ actual: 51.8, target: 51.8, measure: 'percent' })).toBe(
			"Exactly on the quarter's target; higher is better"
		);
	});

	test('floating-point noise is not a difference', () => {
		expect(explain({ actual: 0.1 + 0.2, target: 0.3, measure: 'number' })).toBe(
			"Exactly on the quarter's target; higher is better"
		);
	});
});

describe('explainStatus: tiny differences never read as 0', () => {
	test('less than 1 % above or below', () => {
		expect(explain({ actual: 1000.4, target: 1000, measure: 'number' })).toBe(
			"Less than 1 % above the quarter's target; higher is better"
		);
		expect(explain({ actual: 999.6, target: 1000, measure: 'number' })).toBe(
			"Less than 1 % below the quarter's target (within the 15 % margin); higher is better"
		);
	});

	test('half a percent rounds up to 1 %', () => {
		expect(explain({ actual: 1005, target: 1000 })).toBe(
			"1 % above the quarter's target; higher is better"
		);
	});

	test('less than 0.1 percentage points', () => {
		expect(explain({ actual: 51.84, target: 51.8, measure: 'percent' })).toBe(
			"Less than 0.1 percentage points above the quarter's target; higher is better"
		);
	});
});

describe('explainStatus: partial buckets', () => {
	test('"so far" follows the target', () => {
		expect(explain({ actual: 56, target: 50, direction: 'decrease', partial: true })).toBe(
			"12 % above the quarter's target so far (within the 15 % margin); lower is better"
		);
		expect(explain({ actual: 42, target: 50, partial: true })).toBe(
			"16 % below the quarter's target so far; higher is better"
		);
		expect(explain({ actual: 50, target: 50, partial: true })).toBe(
			"Exactly on the quarter's target so far; higher is better"
		);
		expect(
			explain({ actual: 3, target: 0, direction: 'decrease', unit: 'incidents', partial: true })
		).toBe("3 incidents above the quarter's target of 0 so far; lower is better");
	});

	test('no "so far" without a target or an actual', () => {
		expect(explain({ actual: 42, target: null, partial: true })).toBe(
			'No target set for the quarter; higher is better'
		);
		expect(explain({ actual: null, target: 50, partial: true })).toBe('No figure for 2024-Q3');
	});
});

describe('explainStatus: bucket words', () => {
	test.each([
		['month', "12 % above the month's target; higher is better", 'the month'],
		['quarter', "12 % above the quarter's target; higher is better", 'the quarter'],
		['half', "12 % above the half-year's target; higher is better", 'the half-year'],
		['year', "12 % above the year's target; higher is better", 'the year'],
		['fy', "12 % above the budget year's target; higher is better", 'the budget year']
	] as const)('%s', (by, withTarget, bucket) => {
		expect(explain({ actual: 56, target: 50, by })).toBe(withTarget);
		expect(explain({ actual: 56, target: null, by })).toBe(
			`No target set for ${bucket}; higher is better`
		);
	});

	test('an unknown granularity names the period itself', () => {
		const period = '2024-01-01/2024-03-31';
		expect(explain({ actual: 56, target: 50, direction: 'decrease', by: null, period })).toBe(
			'12 % above the target for 2024-01-01/2024-03-31 (within the 15 % margin); lower is better'
		);
		expect(explain({ actual: 56, target: null, by: null, period })).toBe(
			'No target set for 2024-01-01/2024-03-31; higher is better'
		);
		expect(explain({ actual: 50, target: 50, by: null, period, partial: true })).toBe(
			'Exactly on the target for 2024-01-01/2024-03-31 so far; higher is better'
		);
	});
});

describe('explainStatus: the margin shown for on track', () => {
	test('a margin of 0.1 reads 10 %', () => {
		expect(explain({ actual: 46, target: 50, margin: 0.1 })).toBe(
			"8 % below the quarter's target (within the 10 % margin); higher is better"
		);
	});

	test('a margin of 0.2 reads 20 %', () => {
		expect(explain({ actual: 58, target: 50, direction: 'decrease', margin: 0.2 })).toBe(
			"16 % above the quarter's target (within the 20 % margin); lower is better"
		);
	});

	test('a smaller margin turns the same figure off track, and the note goes', () => {
		expect(explain({ actual: 44, target: 50, margin: 0.1 })).toBe(
			"12 % below the quarter's target; higher is better"
		);
	});
});

describe('granularityOfLabel', () => {
	test.each([
		['2024-07', 'month'],
		['2024-Q3', 'quarter'],
		['2024-H1', 'half'],
		['2024-H2', 'half'],
		['2024', 'year'],
		['FY2024/25', 'fy']
	] as const)('%s is a %s', (label, granularity) => {
		expect(granularityOfLabel(label)).toBe(granularity);
	});

	test.each(['2024-07-15', '2024-01-01/2024-03-31', '2024-Q5', '2024-13', '', 'last quarter'])(
		'%j is no bucket',
		(label) => {
			expect(granularityOfLabel(label)).toBeNull();
		}
	);
});
