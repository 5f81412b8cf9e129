import { describe, expect, test } from 'vitest';
import { AreaTree } from '$lib/domain/area-tree';
import {
	compareShapes,
	groupFigures,
	groupsAmount,
	shapeOf,
	unshadowed,
	type Figure,
	type FigureGroup
} from '$lib/domain/figure-groups';

const figure = (over: Partial<Figure>): Figure => ({
	areaId: null,
	start: '2024-01-01',
	end: '2024-01-31',
	dimensions: {},
	valueType: 'actual',
	verification: null,
	value: 1,
	numerator: null,
	denominator: null,
	sampleSize: null,
	...over
});

describe('shapes', () => {
	test('positions in the declared order, undeclared last, sorted', () => {
		expect(shapeOf(['age', 'sex'], ['sex', 'age'])).toEqual([0, 1]);
		expect(shapeOf(['perpetrator'], ['sex', 'age'])).toEqual([2]);
		expect(shapeOf([], ['sex'])).toEqual([]);
	});

	test('totals first, then fewer dimensions, then the earlier-declared ones', () => {
		const sorted = [[0, 1], [1], [], [0]].sort(compareShapes);
		expect(sorted).toEqual([[], [0], [1], [0, 1]]);
	});
});

describe('groupFigures', () => {
	test('one group per area, period and shape; counts and sums for counts', () => {
		const { actual, target, range } = groupFigures(
			'count',
			['sex'],
			[
				figure({ value: 3, dimensions: { sex: 'f' } }),
				figure({ value: 4, dimensions: { sex: 'm' } }),
				figure({ value: 9 }),
				figure({ value: 2, areaId: 5 }),
				figure({ value: 8, valueType: 'target', end: '2024-03-31' })
			]
		);
		expect(actual.map((g) => [g.areaId, g.shape, g.valueCount, g.valueSum])).toEqual([
			[null, [0], 2, 7],
			[null, [], 1, 9],
			[5, [], 1, 2]
		]);
		expect(target).toHaveLength(1);
		expect(range).toEqual({ from: '2024-01-01', to: '2024-03-31' });
	});

	test('verified only drops unverified actuals, never targets; the range keeps them', () => {
		const groups = groupFigures(
			'count',
			[],
			[
				figure({ verification: 'unverified', start: '2023-12-01', end: '2023-12-31' }),
				figure({ verification: 'verified' }),
				figure({ valueType: 'target' })
			],
			{ verifiedOnly: true }
		);
		expect(groups.actual).toHaveLength(1);
		expect(groups.target).toHaveLength(1);
		expect(groups.range?.from).toBe('2023-12-01');
	});

	test('percent and per_100k keep their figures for the pair rules', () => {
		const [group] = groupFigures('percent', [], [figure({ numerator: 1, denominator: 4 })]).actual;
		expect(group!.figures).toHaveLength(1);
	});
});

describe('groupsAmount (step 2 on groups)', () => {
	const group = (shape: number[], valueCount: number, valueSum: number): FigureGroup => ({
		areaId: null,
		start: '2024-01-01',
		end: '2024-01-31',
		shape,
		valueCount,
		valueSum,
		figures: null
	});

	test('the preferred shape wins; same-shape groups add up', () => {
		const groups = [group([0, 1], 4, 40), group([1], 1, 5), group([1], 2, 6), group([0, 1], 1, 1)];
		expect(groupsAmount('count', groups, null)).toEqual({ value: 11, pair: null });
		expect(groupsAmount('number', groups, null)).toEqual({ value: 11 / 3, pair: null });
	});

	test('no value in the winning shape: no amount', () => {
		expect(groupsAmount('count', [group([], 0, 0), group([0], 2, 5)], null)).toBeNull();
	});
});

describe('unshadowed (step 5 applied early)', () => {
	// mission ── P (1) ── T1 (11), T2 (12);  Q (2) ── U (21)
	const tree = new AreaTree(
		[
			[1, 'P', null],
			[11, 'T1', 1],
			[12, 'T2', 1],
			[2, 'Q', null],
			[21, 'U', 2]
		].map(([id, code, parentId]) => ({
			id: id as number,
			code: code as string,
			name: code as string,
			parentId: parentId as number | null,
			populations: []
		}))
	);
	type Item = [number | null, string];
	const of = {
		start: (i: Item) => i[1],
		end: (i: Item) => i[1],
		area: (i: Item) => i[0]
	};
	const items: Item[] = [
		[1, 'jan'],
		[11, 'jan'],
		[12, 'jan'],
		[21, 'jan'],
		[11, 'feb'],
		[null, 'feb'],
		[1, 'mar']
	];

	test('for the mission: a territory gives way to its province in the same period', () => {
		expect(unshadowed(items, tree, null, of)).toEqual([
			[1, 'jan'],
			[21, 'jan'],
			[11, 'feb'],
			[null, 'feb'],
			[1, 'mar']
		]);
	});

	test('for a province: its own subtree only, and its children are kept for small multiples', () => {
		expect(unshadowed(items, tree, 1, of)).toEqual([
			[1, 'jan'],
			[11, 'jan'],
			[12, 'jan'],
			[11, 'feb'],
			[1, 'mar']
		]);
	});
});
