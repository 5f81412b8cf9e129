import { describe, expect, test } from 'vitest';
import {
	RowMapper,
	comparable,
	headerSignature,
	mappingProblems,
	rekeyColumns,
	suggestColumns,
	suggestValue,
	targetColumns
} from '$lib/domain/column-mapping';

const observations = targetColumns('observations', ['sex', 'age', 'perpetrator']);

describe('suggestColumns', () => {
	test('English export headers', () => {
		expect(suggestColumns(['Indicator', 'Month', 'Province', 'Total'], observations)).toEqual({
			Indicator: 'indicator_code',
			Month: 'period',
			Province: 'area_code',
			Total: 'value'
		});
	});

	test('French headers, accents and case ignored', () => {
		expect(
			suggestColumns(['Indicateur', 'Période', 'RÉGION', 'Valeur', 'Sexe'], observations)
		).toEqual({
			Indicateur: 'indicator_code',
			Période: 'period',
			RÉGION: 'area_code',
			Valeur: 'value',
			Sexe: 'sex'
		});
	});

	test('contract names win over synonyms; a column is never claimed twice', () => {
		const map = suggestColumns(['Total', 'value', 'Province', 'District'], observations);
		expect(map).toEqual({ Total: null, value: 'value', Province: 'area_code', District: null });
	});

	test('close spellings, period headers kept (wide form), unknown headers left out', () => {
		expect(
			suggestColumns(['indicator_cod', '2024-01', '2024-Q2', 'Reporter phone'], observations)
		).toEqual({
			indicator_cod: 'indicator_code',
			'2024-01': '2024-01',
			'2024-Q2': '2024-Q2',
			'Reporter phone': null
		});
	});

	test('the kind decides what a word means', () => {
		expect(
			suggestColumns(['Code', 'Name', 'Parent', 'Level'], targetColumns('areas'))
		).toMatchObject({
			Name: 'area_name',
			Parent: 'parent_area',
			Level: 'area_level'
		});
	});
});

test('two headers on one column is a problem to solve', () => {
	expect(mappingProblems({ A: 'value', B: 'value', C: null })).toEqual([
		'"A" and "B" are both mapped to value; keep one.'
	]);
	expect(mappingProblems({ A: 'value', B: null })).toEqual([]);
});

describe('suggestValue', () => {
	const areas = [
		{ code: 'NK', name: 'Nord-Kivu' },
		{ code: 'SK', name: 'Sud-Kivu' },
		{ code: 'IT', name: 'Ituri' }
	];
	test('area names and codes in another case', () => {
		expect(suggestValue('Nord Kivu', areas)).toBe('NK');
		expect(suggestValue('nord-kivu', areas)).toBe('NK');
		expect(suggestValue('it', areas)).toBe('IT');
		expect(suggestValue('Ituri province', areas)).toBeNull();
		expect(suggestValue('Sud-Kivou', areas)).toBe('SK');
	});
	test('local words for categories', () => {
		const sex = [{ code: 'female' }, { code: 'male' }];
		expect(suggestValue('F', sex)).toBe('female');
		expect(suggestValue('H', sex)).toBe('male');
		expect(suggestValue('Femmes', sex)).toBe('female');
		expect(suggestValue('other', sex)).toBeNull();
	});
	test('a unique abbreviation', () => {
		expect(suggestValue('chi', [{ code: 'child' }, { code: 'adult' }])).toBe('child');
		expect(suggestValue('a', [{ code: 'armed_group' }, { code: 'adult' }])).toBeNull();
	});
});

test('a file is recognised by its headers, whatever their case or accents', () => {
	expect(comparable('  Période de rapport ')).toBe('periode de rapport');
	expect(headerSignature(['Indicateur', 'Période'])).toBe(
		headerSignature(['INDICATEUR', 'periode'])
	);
});

test('rows map column for column, local values replaced, left-out columns dropped', () => {
	const mapper = new RowMapper(['Indicateur', 'Phone', 'Sexe', 'Valeur'], {
		columns: { Indicateur: 'indicator_code', Phone: null, Sexe: 'sex', Valeur: 'value' },
		values: { sex: { F: 'female' } }
	});
	expect(mapper.header).toEqual(['indicator_code', 'sex', 'value']);
	expect(mapper.map(['1.1', '+243 99', ' F ', '7'])).toEqual(['1.1', 'female', '7']);
	expect(mapper.map(['1.1', '', 'M'])).toEqual(['1.1', 'M', '']);
});

test('a saved mapping applies to headers written in another case or with other accents', () => {
	expect(
		rekeyColumns({ Indicateur: 'indicator_code', Période: 'period', Téléphone: null }, [
			'INDICATEUR',
			'periode',
			'Telephone'
		])
	).toEqual({ INDICATEUR: 'indicator_code', periode: 'period', Telephone: null });
});
