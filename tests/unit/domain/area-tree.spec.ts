import { describe, expect, test } from 'vitest';
import { AreaTree, type AreaNode, type AreaPopulation } from '$lib/domain/area-tree';

function area(
	id: number,
	code: string,
	parentId: number | null,
	populations: AreaPopulation[] = []
): AreaNode {
	return { id, code, name: `Area ${code}`, parentId, populations };
}

/*
 * mission
 * ├── EMPTY (8)             no population, no children
 * ├── IT (7)                400 000 without a year
 * ├── NK (1)                800 000 (2018), 1 000 000 (2020), 1 200 000 (2023), 900 000 undated
 * │   └── NK-1 (9)          5 (2022)
 * └── SK (2)                no population
 *     ├── SK-A (3)          300 000 (2022)
 *     └── SK-B (4)          no population
 *         ├── SK-B1 (5)     50 000 undated
 *         └── SK-B2 (6)     nothing
 */
const nodes: AreaNode[] = [
	area(2, 'SK', null),
	area(1, 'NK', null, [
		{ year: 2020, population: 1_000_000 },
		{ year: null, population: 900_000 },
		{ year: 2023, population: 1_200_000 },
		{ year: 2018, population: 800_000 }
	]),
	area(3, 'SK-A', 2, [{ year: 2022, population: 300_000 }]),
	area(4, 'SK-B', 2),
	area(5, 'SK-B1', 4, [{ year: null, population: 50_000 }]),
	area(6, 'SK-B2', 4),
	area(7, 'IT', null, [{ year: null, population: 400_000 }]),
	area(8, 'EMPTY', null),
	area(9, 'NK-1', 1, [{ year: 2022, population: 5 }])
];
const tree = new AreaTree(nodes);

describe('AreaTree lookups', () => {
	test('get and byCodeOf find a node; unknown ones are undefined', () => {
		expect(tree.get(3)?.code).toBe('SK-A');
		expect(tree.byCodeOf('SK-B1')?.id).toBe(5);
		expect(tree.get(99)).toBeUndefined();
		expect(tree.byCodeOf('XX')).toBeUndefined();
	});

	test('all lists every area once', () => {
		expect(
			tree
				.all()
				.map((a) => a.id)
				.sort((a, b) => a - b)
		).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});
});

describe('AreaTree.childrenOf', () => {
	test('null asks for the top-level areas, ordered by code', () => {
		expect(tree.childrenOf(null).map((a) => a.code)).toEqual(['EMPTY', 'IT', 'NK', 'SK']);
	});

	test('children of an area, ordered by code', () => {
		expect(tree.childrenOf(2).map((a) => a.code)).toEqual(['SK-A', 'SK-B']);
		expect(tree.childrenOf(4).map((a) => a.code)).toEqual(['SK-B1', 'SK-B2']);
	});

	test('a leaf or an unknown area has no children', () => {
		expect(tree.childrenOf(3)).toEqual([]);
		expect(tree.childrenOf(99)).toEqual([]);
	});

	test('an area whose parent is not in the tree is treated as top level', () => {
		const orphan = new AreaTree([area(1, 'A', null), area(2, 'B', 42)]);
		expect(orphan.childrenOf(null).map((a) => a.code)).toEqual(['A', 'B']);
	});
});

describe('AreaTree.subtree', () => {
	test('the area first, then every area below it, depth first', () => {
		expect(tree.subtree(2)).toEqual([2, 3, 4, 5, 6]);
		expect(tree.subtree(4)).toEqual([4, 5, 6]);
	});

	test('a leaf is its own subtree', () => {
		expect(tree.subtree(6)).toEqual([6]);
	});

	test('the mission subtree is every area (the mission itself has no id)', () => {
		// top level by code: EMPTY 8, IT 7, NK 1 (NK-1 9), SK 2 (SK-A 3, SK-B 4 (5, 6))
		expect(tree.subtree(null)).toEqual([8, 7, 1, 9, 2, 3, 4, 5, 6]);
	});
});

describe('AreaTree.populationOf: one area', () => {
	test('the population of the year the figure starts in', () => {
		expect(tree.populationOf(1, 2020)).toBe(1_000_000);
		expect(tree.populationOf(1, 2023)).toBe(1_200_000);
		expect(tree.populationOf(1, 2018)).toBe(800_000);
	});

	test('else the latest earlier year', () => {
		// 2022: earlier years 2018 and 2020 -> 2020
		expect(tree.populationOf(1, 2022)).toBe(1_000_000);
		// 2019: only 2018 is earlier
		expect(tree.populationOf(1, 2019)).toBe(800_000);
		// 2030: latest earlier is 2023
		expect(tree.populationOf(1, 2030)).toBe(1_200_000);
	});

	test('else the earliest later year, never the undated one while a dated one exists', () => {
		// 2010: later years 2018, 2020, 2023 -> 2018 (not the undated 900 000)
		expect(tree.populationOf(1, 2010)).toBe(800_000);
		const later = new AreaTree([
			area(1, 'A', null, [
				{ year: 2025, population: 25 },
				{ year: 2021, population: 21 }
			])
		]);
		expect(later.populationOf(1, 2019)).toBe(21);
	});

	test('the undated population when the area has no dated one', () => {
		expect(tree.populationOf(7, 1999)).toBe(400_000);
		expect(tree.populationOf(7, 2024)).toBe(400_000);
		expect(tree.populationOf(5, 2024)).toBe(50_000);
	});

	test('an area with a population of its own does not add its children', () => {
		// NK 2022 -> 1 000 000 (2020), not 1 000 000 + 5
		expect(tree.populationOf(1, 2022)).toBe(1_000_000);
	});

	test('an area without a population sums the children that have one, recursively', () => {
		// SK-B: SK-B1 50 000 + SK-B2 (none, left out) = 50 000
		expect(tree.populationOf(4, 2022)).toBe(50_000);
		// SK: SK-A 300 000 + SK-B 50 000 = 350 000
		expect(tree.populationOf(2, 2022)).toBe(350_000);
		// SK-A's only population is 2022, used as the earliest later year for 2020
		expect(tree.populationOf(2, 2020)).toBe(350_000);
	});

	test('no population anywhere below is null', () => {
		expect(tree.populationOf(6, 2022)).toBeNull();
		expect(tree.populationOf(8, 2022)).toBeNull();
		expect(tree.populationOf(99, 2022)).toBeNull();
	});
});

describe('AreaTree.populationOf: the mission', () => {
	test('sums the top-level areas that have one', () => {
		// 2022: EMPTY none + IT 400 000 + NK 1 000 000 (2020) + SK 350 000 = 1 750 000
		expect(tree.populationOf(null, 2022)).toBe(1_750_000);
		// 2024: IT 400 000 + NK 1 200 000 (2023) + SK 350 000 = 1 950 000
		expect(tree.populationOf(null, 2024)).toBe(1_950_000);
	});

	test('a mission without any area has no population', () => {
		expect(new AreaTree([]).populationOf(null, 2024)).toBeNull();
	});
});
