import { expect, test } from 'vitest';
import { AreaTree } from '../../../src/lib/domain/area-tree';
import { categoriesOf, groupFigures } from '../../../src/lib/domain/figure-groups';
import { computeSeries, surveyIntervals, type Figure } from '../../../src/lib/domain/series';

const figure = (
	dimensions: Record<string, string>,
	value: number,
	valueType: 'actual' | 'target' = 'actual'
): Figure => ({
	areaId: null,
	start: '2024-01-01',
	end: '2024-01-31',
	dimensions,
	valueType,
	verification: null,
	value,
	numerator: null,
	denominator: null,
	sampleSize: null
});

const indicator = {
	code: 'K',
	measure: 'count' as const,
	direction: 'decrease' as const,
	aggregation: 'sum' as const,
	dimensions: ['sex', 'age']
};
const figures = [
	figure({}, 100),
	figure({ sex: 'female', age: 'child' }, 10),
	figure({ sex: 'female', age: 'adult' }, 20),
	figure({ sex: 'male', age: 'child' }, 30),
	figure({ sex: 'male' }, 65),
	figure({}, 90, 'target')
];

test('a breakdown keeps the category, then the usual rules apply to what remains', () => {
	const series = (category: string) =>
		computeSeries(indicator, figures, new AreaTree([]), {
			areaId: null,
			by: 'month',
			margin: 0.15,
			breakdown: { dimension: 'sex', category }
		})[0]!;
	// female: only age rows remain, combined: 10 + 20
	expect(series('female')).toMatchObject({ actual: 30, target: null, status: 'no_target' });
	// male: the row with sex only is now a total row and wins over the age row: 65
	expect(series('male').actual).toBe(65);
	expect(series('other').actual).toBeNull();
});

test('the categories of a dimension in dimension sets, in first-seen order', () => {
	const sets = figures.map((f) => f.dimensions);
	expect(categoriesOf(sets, 'sex')).toEqual(['female', 'male']);
	expect(categoriesOf(sets, 'age')).toEqual(['child', 'adult']);
	expect(categoriesOf(sets, 'perpetrator')).toEqual([]);
});

test('a percentage point carries the 95 % interval of all its respondents', () => {
	const survey = (areaId: number, value: number, sampleSize: number): Figure => ({
		...figure({}, value),
		areaId,
		sampleSize
	});
	const tree = new AreaTree([
		{ id: 1, code: 'A', name: 'A', parentId: null, populations: [] },
		{ id: 2, code: 'B', name: 'B', parentId: null, populations: [] }
	]);
	const percent = { ...indicator, measure: 'percent' as const, aggregation: null, dimensions: [] };
	// A: 40 % of 100 → (40, 100); B: 60 % of 300 → (180, 300); together 220 / 400 = 55 %
	const request = { areaId: null, by: 'month' as const, margin: 0.15 };
	const [point] = computeSeries(percent, [survey(1, 40, 100), survey(2, 60, 300)], tree, request);
	expect(point!.actual).toBeCloseTo(55, 10);
	const [interval] = surveyIntervals(
		percent,
		groupFigures('percent', [], [survey(1, 40, 100), survey(2, 60, 300)]),
		tree,
		request
	);
	// ± 1.96 × √(0.55 × 0.45 / 400) = ± 0.04875… → 50.12 % to 59.88 %
	expect(interval!.sampleSize).toBe(400);
	expect(interval!.low).toBeCloseTo(50.125, 2);
	expect(interval!.high).toBeCloseTo(59.875, 2);
	// counts have no survey interval
	const counts = groupFigures('count', indicator.dimensions, figures);
	expect(surveyIntervals(indicator, counts, new AreaTree([]), request)).toEqual([null]);
});
