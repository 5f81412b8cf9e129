import { describe, expect, test } from 'vitest';
import {
	completedProblem,
	planCell,
	quantityProblem,
	underPlan,
	yesNo
} from '../../../src/lib/domain/output-plans';

describe('planned outputs', () => {
	test('yes/no in both languages, any case; anything else is not a deliverable word', () => {
		expect(['yes', 'YES', 'Oui', ' oui '].map(yesNo)).toEqual([true, true, true, true]);
		expect(['no', 'Non'].map(yesNo)).toEqual([false, false]);
		expect(['1', 'y', '', 'done'].map(yesNo)).toEqual([null, null, null, null]);
	});

	test('a deliverable is completed yes or no, a quantity with a number', () => {
		expect(completedProblem('deliverable', 'yes', true)).toBeNull();
		expect(completedProblem('deliverable', '3', null)).toMatch(/deliverable/);
		expect(completedProblem('quantity', '3', null)).toBeNull();
		expect(completedProblem('quantity', 'no', false)).toMatch(/not a number/);
	});

	test('negative quantities are refused', () => {
		expect(quantityProblem('-1', -1)).toMatch(/negative/);
		expect(quantityProblem('0', 0)).toBeNull();
	});

	test('under plan when completed is below planned; not reported is not under plan', () => {
		expect(underPlan({ kind: 'quantity', planned: 10, completed: 9 })).toBe(true);
		expect(underPlan({ kind: 'quantity', planned: 10, completed: 10 })).toBe(false);
		expect(underPlan({ kind: 'quantity', planned: 10, completed: null })).toBe(false);
		expect(underPlan({ kind: 'deliverable', planned: 1, completed: 0 })).toBe(true);
	});

	test('files write a deliverable as yes/no and a quantity as its number', () => {
		expect(planCell('deliverable', 1)).toBe('yes');
		expect(planCell('deliverable', 0)).toBe('no');
		expect(planCell('quantity', 12.5)).toBe(12.5);
		expect(planCell('quantity', null)).toBeNull();
	});
});
