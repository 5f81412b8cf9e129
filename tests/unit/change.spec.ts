import { expect, test } from 'vitest';
import { describeChange } from '../../src/lib/format/change';
import type { SeriesPoint } from '../../src/lib/domain/series';

const point = (period: string, actual: number | null): SeriesPoint => ({
	period,
	start: '',
	end: '',
	partial: false,
	actual,
	target: null,
	status: 'no_target'
});

test('a rise of a decrease indicator is the wrong way', () => {
	// 45 → 50 is +11.1 %, rounded to 11 %
	expect(describeChange(point('2026-09', 50), point('2026-08', 45), 'decrease')).toEqual({
		text: '▲ 11 % since 2026-08',
		good: false
	});
});

test('a fall of a decrease indicator is the right way', () => {
	expect(describeChange(point('2026-Q3', 30), point('2026-Q2', 40), 'decrease')).toEqual({
		text: '▼ 25 % since 2026-Q2',
		good: true
	});
});

test('from zero the change is told as an amount; no change; nothing without two actuals', () => {
	expect(describeChange(point('b', 3), point('a', 0), 'increase')).toEqual({
		text: '▲ 3 since a',
		good: true
	});
	expect(describeChange(point('b', 3), point('a', 3), 'increase')).toEqual({
		text: 'no change since a',
		good: null
	});
	expect(describeChange(point('b', 3), null, 'increase')).toBeNull();
});
