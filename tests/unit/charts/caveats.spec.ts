import { expect, test } from 'vitest';
import { caveatRanges } from '../../../src/lib/charts/caveats';

const quarters = [
	{ start: '2024-01-01', end: '2024-03-31' },
	{ start: '2024-04-01', end: '2024-06-30' },
	{ start: '2024-07-01', end: '2024-09-30' },
	{ start: '2024-10-01', end: '2024-12-31' }
];

test('a caveat covers every point whose period overlaps its own', () => {
	expect(
		caveatRanges(quarters, [
			// Q3 exactly
			{ n: 1, start: '2024-07-01', end: '2024-09-30' },
			// mid-May to mid-August touches Q2 and Q3
			{ n: 2, start: '2024-05-15', end: '2024-08-15' },
			// one day in Q4
			{ n: 3, start: '2024-12-31', end: '2024-12-31' }
		])
	).toEqual([
		{ n: 1, from: 2, to: 2 },
		{ n: 2, from: 1, to: 2 },
		{ n: 3, from: 3, to: 3 }
	]);
});

test('a caveat outside the charted periods draws nothing', () => {
	expect(caveatRanges(quarters, [{ n: 1, start: '2023-01-01', end: '2023-12-31' }])).toEqual([]);
});
