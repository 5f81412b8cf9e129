import { describe, expect, test } from 'vitest';
import { AreaTree } from '$lib/domain/area-tree';
import {
	areaProblem,
	componentProblem,
	componentsOf,
	parentsIn,
	withinAreas,
	writeLimits
} from '$lib/domain/planner-scope';

const scope = { components: ['Civil Affairs', 'UNPOL'], areas: ['NK', 'SK'] };

/* mission ── NK ── NK-1 ── NK-1a;  SK;  IT */
const tree = new AreaTree([
	{ id: 1, code: 'NK', name: 'North Kivu', parentId: null, populations: [] },
	{ id: 2, code: 'NK-1', name: 'Beni', parentId: 1, populations: [] },
	{ id: 3, code: 'NK-1a', name: 'Oicha', parentId: 2, populations: [] },
	{ id: 4, code: 'SK', name: 'South Kivu', parentId: null, populations: [] },
	{ id: 5, code: 'IT', name: 'Ituri', parentId: null, populations: [] }
]);

describe('writeLimits', () => {
	test('limits a planner with assignments', () => {
		expect(writeLimits({ role: 'planner', scope })).toBe(scope);
		expect(writeLimits({ role: 'planner', scope: { components: [], areas: ['NK'] } })).toEqual({
			components: [],
			areas: ['NK']
		});
	});

	test('a planner without assignments works on the whole mission', () => {
		expect(writeLimits({ role: 'planner' })).toBeNull();
		expect(writeLimits({ role: 'planner', scope: { components: [], areas: [] } })).toBeNull();
	});

	test('never limits other roles, whatever scope they carry', () => {
		for (const role of ['admin', 'spu', 'verifier', 'leadership', 'viewer'])
			expect(writeLimits({ role, scope })).toBeNull();
	});
});

describe('components', () => {
	test('a ;-separated cell names its components, blanks left out', () => {
		expect(componentsOf(' Force; UNPOL ;;')).toEqual(['Force', 'UNPOL']);
		expect(componentsOf(null)).toEqual([]);
	});

	test('in scope when one of its components is assigned, spelt in any case', () => {
		expect(componentProblem(scope, 'Force;UNPOL', 'K1')).toBeNull();
		expect(componentProblem(scope, 'civil affairs', 'K1')).toBeNull();
	});

	test('outside when none is assigned, naming what is and what was', () => {
		expect(componentProblem(scope, 'Human Rights; Force', 'Indicator K2')).toBe(
			'Indicator K2 belongs to Human Rights; Force, outside the components assigned to you (Civil Affairs, UNPOL).'
		);
	});

	test('a thing naming no component is outside a component scope', () => {
		expect(componentProblem(scope, '', 'PO1')).toBe(
			'PO1 names no component, so it is outside the components assigned to you (Civil Affairs, UNPOL).'
		);
	});

	test('no component limit: anything goes', () => {
		expect(componentProblem(null, 'Human Rights', 'K1')).toBeNull();
		expect(componentProblem({ components: [], areas: ['NK'] }, '', 'K1')).toBeNull();
	});
});

describe('areas', () => {
	const parents = parentsIn(tree);

	test('an assigned area and everything below it are in scope', () => {
		expect(areaProblem(scope, 'NK', parents)).toBeNull();
		expect(areaProblem(scope, 'NK-1a', parents)).toBeNull();
		expect(areaProblem(scope, 'SK', parents)).toBeNull();
	});

	test('another subtree is outside, naming the assigned areas', () => {
		expect(areaProblem(scope, 'IT', parents)).toBe(
			'IT is outside the areas assigned to you (NK, SK).'
		);
	});

	test('the whole mission is outside a limited area scope', () => {
		expect(areaProblem(scope, null, parents)).toBe(
			'The whole mission (a blank area) is outside the areas assigned to you (NK, SK).'
		);
		expect(areaProblem({ components: ['UNPOL'], areas: [] }, null, parents)).toBeNull();
	});

	test('an unknown code is outside (it is nobody’s subtree yet)', () => {
		expect(withinAreas('NEW', ['NK'], parents)).toBe(false);
	});

	test('a walk that comes back to itself stops instead of looping', () => {
		const cycle: Record<string, string> = { A: 'B', B: 'A' };
		expect(withinAreas('A', ['NK'], (c) => cycle[c])).toBe(false);
		expect(withinAreas('A', ['B'], (c) => cycle[c])).toBe(true);
	});
});
