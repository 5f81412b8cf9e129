import { describe, expect, test } from 'vitest';
import { FrameworkTree, type ResultBranch, type ResultNode } from '$lib/domain/framework-tree';
import type { ResultLevel } from '$lib/domain/vocabulary';

function node(id: number, code: string, level: ResultLevel, parentId: number | null): ResultNode {
	return {
		id,
		code,
		level,
		title: `Title ${code}`,
		parentId,
		driverOfChange: null,
		criticalCondition: null,
		components: null,
		tier: null,
		description: null,
		retired: false
	};
}

/*
 * PO1 (1)
 * ├── PO1-IM1 (2)
 * │   └── PO1-OC1 (3)
 * │       ├── PO1-OP2 (5)
 * │       └── PO1-OP10 (4)   numeric order: OP2 before OP10
 * └── PO1-IM2 (6)
 * PO2 (7)
 * PO10 (8)
 */
const tree = new FrameworkTree([
	node(8, 'PO10', 'objective', null),
	node(4, 'PO1-OP10', 'output', 3),
	node(3, 'PO1-OC1', 'outcome', 2),
	node(6, 'PO1-IM2', 'impact', 1),
	node(2, 'PO1-IM1', 'impact', 1),
	node(7, 'PO2', 'objective', null),
	node(1, 'PO1', 'objective', null),
	node(5, 'PO1-OP2', 'output', 3)
]);

function codes(branch: ResultBranch | undefined): unknown {
	if (!branch) return undefined;
	return branch.children.length === 0
		? branch.code
		: { [branch.code]: branch.children.map((c) => codes(c)) };
}

describe('FrameworkTree', () => {
	test('get finds a node by id', () => {
		expect(tree.get(3)?.code).toBe('PO1-OC1');
		expect(tree.get(99)).toBeUndefined();
	});

	test('objectives in numeric code order', () => {
		expect(tree.objectives().map((n) => n.code)).toEqual(['PO1', 'PO2', 'PO10']);
	});

	test('objectives of an empty framework: none', () => {
		expect(new FrameworkTree([]).objectives()).toEqual([]);
	});
});

describe('FrameworkTree.objectiveOf', () => {
	test('walks up to the objective from any level', () => {
		expect(tree.objectiveOf(4)?.code).toBe('PO1');
		expect(tree.objectiveOf(3)?.code).toBe('PO1');
		expect(tree.objectiveOf(6)?.code).toBe('PO1');
	});

	test('an objective is its own objective', () => {
		expect(tree.objectiveOf(7)?.code).toBe('PO2');
	});

	test('an unknown node has none', () => {
		expect(tree.objectiveOf(99)).toBeUndefined();
	});

	test('a cycle does not loop forever', () => {
		const looped = new FrameworkTree([node(1, 'A', 'impact', 2), node(2, 'B', 'outcome', 1)]);
		expect(looped.objectiveOf(1)).toBeDefined();
	});
});

describe('FrameworkTree.branch', () => {
	test('the node with everything below it, children in numeric code order', () => {
		expect(codes(tree.branch(1))).toEqual({
			PO1: [{ 'PO1-IM1': [{ 'PO1-OC1': ['PO1-OP2', 'PO1-OP10'] }] }, 'PO1-IM2']
		});
	});

	test('keeps the node fields', () => {
		const branch = tree.branch(3);
		expect(branch).toMatchObject({ id: 3, code: 'PO1-OC1', level: 'outcome', parentId: 2 });
		expect(branch?.children.map((c) => c.level)).toEqual(['output', 'output']);
	});

	test('a leaf has no children; an unknown id has no branch', () => {
		expect(tree.branch(5)?.children).toEqual([]);
		expect(tree.branch(99)).toBeUndefined();
	});
});

describe('FrameworkTree.descendantIds', () => {
	test('the node first, then its descendants, parents before children', () => {
		expect(tree.descendantIds(1)).toEqual([1, 2, 3, 5, 4, 6]);
		expect(tree.descendantIds(3)).toEqual([3, 5, 4]);
	});

	test('a leaf is only itself', () => {
		expect(tree.descendantIds(5)).toEqual([5]);
		expect(tree.descendantIds(7)).toEqual([7]);
	});
});

describe('FrameworkTree.outline', () => {
	test('every node in reading order, each with its depth', () => {
		expect(tree.outline().map(({ node, depth }) => `${depth}:${node.code}`)).toEqual([
			'0:PO1',
			'1:PO1-IM1',
			'2:PO1-OC1',
			'3:PO1-OP2',
			'3:PO1-OP10',
			'1:PO1-IM2',
			'0:PO2',
			'0:PO10'
		]);
	});
});

describe('FrameworkTree.withoutRetired', () => {
	test('drops retired nodes and everything below them', () => {
		const retiredImpact = new FrameworkTree([
			node(1, 'PO1', 'objective', null),
			{ ...node(2, 'PO1-IM1', 'impact', 1), retired: true },
			node(3, 'PO1-OC1', 'outcome', 2),
			node(4, 'PO1-IM2', 'impact', 1),
			{ ...node(5, 'PO2', 'objective', null), retired: true }
		]).withoutRetired();
		expect(retiredImpact.objectives().map((n) => n.code)).toEqual(['PO1']);
		expect(codes(retiredImpact.branch(1))).toEqual({ PO1: ['PO1-IM2'] });
		expect(retiredImpact.get(3)).toBeUndefined();
	});
});
