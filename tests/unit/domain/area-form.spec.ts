import { describe, expect, test } from 'vitest';
import { hasProblems, populationProblems, problemsOnForm } from '$lib/domain/area-form';

const issue = (column: string | null, message: string) => ({
	line: 2,
	column,
	value: 'x',
	message
});

describe('the importer’s problems on the areas form', () => {
	test('each column’s problem goes to its field, the first one per field', () => {
		expect(
			problemsOnForm([
				issue('parent_area', 'Unknown parent area "X".'),
				issue('population_year', '"x" is not a number'),
				issue('parent_area', 'a second problem with the parent'),
				issue('area_name', 'area_name is required.')
			])
		).toEqual({
			fields: {
				parent: 'Unknown parent area "X".',
				year: '"x" is not a number',
				name: 'area_name is required.'
			},
			general: []
		});
	});

	test('problems not in a column of the form are for the whole form', () => {
		const problems = problemsOnForm([issue(null, 'The file is empty.'), issue('sex', 'odd')]);
		expect(problems).toEqual({ fields: {}, general: ['The file is empty.', 'odd'] });
		expect(hasProblems(problems)).toBe(true);
		expect(hasProblems(problemsOnForm([]))).toBe(false);
	});
});

describe('a population typed into a form', () => {
	test('is required where the form is only about a population', () => {
		expect(populationProblems('', '2025', true)).toEqual({ population: 'Give the population.' });
		expect(populationProblems(' ', '', true)).toEqual({ population: 'Give the population.' });
	});

	test('is optional for a new area, but a year needs one', () => {
		expect(populationProblems('', '', false)).toEqual({});
		expect(populationProblems('', '2025', false)).toEqual({
			population: 'Give the population for that year, or leave the year blank.'
		});
		expect(populationProblems('1200', '2025', false)).toEqual({});
	});
});
