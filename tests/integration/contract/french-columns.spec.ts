/**
 * docs/formats.md "Beyond the contract": the optional French columns of the framework and
 * indicators kinds (`result_title_fr`, `driver_of_change_fr`, `critical_condition_fr`,
 * `description_fr`; `indicator_title_fr`, `definition_fr`) are read, written, exported and
 * imported back unchanged, through the real command line and database.
 */
import { describe, expect, test } from 'vitest';
import {
	FRAMEWORK,
	exportCsv,
	file,
	importJson,
	importTexts,
	load,
	query,
	useTempDatabase
} from '../../helpers/contract';

useTempDatabase();

const FRENCH_FRAMEWORK = [
	'result_code,result_level,result_title,parent_result,driver_of_change,critical_condition,result_title_fr,driver_of_change_fr,critical_condition_fr,description_fr',
	'PO1,objective,Civilians protected,,,,Les civils sont protégés,,,Objectif de la mission',
	'PO1-IM1,impact,Threat reduced,PO1,Armed groups weaken,,Menace réduite,Les groupes armés s’affaiblissent,,',
	'PO1-OC1,outcome,Forces respond,PO1-IM1,,Roads open,  Les forces réagissent  ,,Routes ouvertes,',
	'PO1-OP1,output,Patrols conducted,PO1-OC1,,,,,,'
].join('\n');

const FRENCH_INDICATORS = [
	'indicator_code,indicator_title,result_code,category,direction,measure,definition,indicator_title_fr,definition_fr',
	'C,Incidents,PO1-IM1,situation,decrease,count,Incidents recorded,Incidents,Incidents enregistrés',
	'N,Response time,PO1-OC1,capacity,decrease,number,,Délai de réaction,'
].join('\n');

interface FrenchNode {
	code: string;
	title_fr: string | null;
	driver_of_change_fr: string | null;
	critical_condition_fr: string | null;
	description_fr: string | null;
}

const frenchNodes = () =>
	query<FrenchNode>(
		'SELECT code, title_fr, driver_of_change_fr, critical_condition_fr, description_fr FROM results ORDER BY code'
	);

describe('beyond the contract: French texts', () => {
	test('a framework file’s French columns are kept, trimmed, without a warning', async () => {
		const report = await load({ 'framework.csv': FRENCH_FRAMEWORK });
		expect(report.files[0]!.warnings).toEqual([]);
		expect(frenchNodes()).toEqual([
			{
				code: 'PO1',
				title_fr: 'Les civils sont protégés',
				driver_of_change_fr: null,
				critical_condition_fr: null,
				description_fr: 'Objectif de la mission'
			},
			{
				code: 'PO1-IM1',
				title_fr: 'Menace réduite',
				driver_of_change_fr: 'Les groupes armés s’affaiblissent',
				critical_condition_fr: null,
				description_fr: null
			},
			{
				code: 'PO1-OC1',
				title_fr: 'Les forces réagissent',
				driver_of_change_fr: null,
				critical_condition_fr: 'Routes ouvertes',
				description_fr: null
			},
			{
				code: 'PO1-OP1',
				title_fr: null,
				driver_of_change_fr: null,
				critical_condition_fr: null,
				description_fr: null
			}
		]);
	});

	test('an indicators file’s French columns are kept without a warning', async () => {
		await load({ 'framework.csv': FRAMEWORK });
		const report = await load({ 'indicators.csv': FRENCH_INDICATORS });
		expect(report.files[0]!.warnings).toEqual([]);
		expect(query('SELECT code, title_fr, definition_fr FROM indicators ORDER BY code')).toEqual([
			{ code: 'C', title_fr: 'Incidents', definition_fr: 'Incidents enregistrés' },
			{ code: 'N', title_fr: 'Délai de réaction', definition_fr: null }
		]);
	});

	test('a changed French text counts as an update; absent columns keep it, blank clears it', async () => {
		await load({ 'framework.csv': FRENCH_FRAMEWORK });
		await load({ 'framework.csv': FRAMEWORK });
		expect(frenchNodes().find((n) => n.code === 'PO1')!.title_fr).toBe('Les civils sont protégés');
		const changed = await load({
			'framework.csv': FRENCH_FRAMEWORK.replace('Menace réduite', 'La menace diminue')
		});
		expect(changed.files[0]).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
		const cleared = await load({
			'framework.csv':
				'result_code,result_level,result_title,parent_result,result_title_fr\nPO1,objective,Civilians protected,,\n'
		});
		expect(cleared.files[0]).toMatchObject({ updated: 1 });
		expect(frenchNodes().find((n) => n.code === 'PO1')!.title_fr).toBeNull();

		await load({ 'indicators.csv': FRENCH_INDICATORS });
		const indicator = await load({
			'indicators.csv': FRENCH_INDICATORS.replace('Délai de réaction', 'Temps de réaction')
		});
		expect(indicator.files[0]).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
	});

	test('exports write the French columns after the others, and import back unchanged', async () => {
		await load({ 'framework.csv': FRENCH_FRAMEWORK });
		await load({ 'indicators.csv': FRENCH_INDICATORS });
		const framework = (await exportCsv('framework')).stdout;
		const indicators = (await exportCsv('indicators')).stdout;
		expect(framework.split('\n')[0]).toBe(
			'result_code,result_level,result_title,parent_result,driver_of_change,critical_condition,component,tier,description,result_title_fr,driver_of_change_fr,critical_condition_fr,description_fr'
		);
		expect(
			indicators.split('\n')[0]!.endsWith(',sensitivity,indicator_title_fr,definition_fr')
		).toBe(true);
		expect(indicators).toMatch(/^N,Response time,.*,Délai de réaction,$/m);

		const { code, report } = await importJson([
			file('framework-back.csv', framework),
			file('indicators-back.csv', indicators)
		]);
		expect(code).toBe(0);
		expect(report.files.map((f) => [f.kind, f.inserted, f.updated, f.unchanged])).toEqual([
			['framework', 0, 0, 4],
			['indicators', 0, 0, 2]
		]);
		expect(report.files.flatMap((f) => f.warnings)).toEqual([]);
	});

	test('without any French text the exports keep the contract’s columns only', async () => {
		await load({ 'framework.csv': FRAMEWORK });
		const framework = (await exportCsv('framework')).stdout;
		expect(framework.split('\n')[0]!.endsWith(',tier,description')).toBe(true);
	});

	test('a French title longer than a spreadsheet cell is refused naming line, column and value', async () => {
		const long = 'é'.repeat(32_768);
		const { code, report } = await importTexts({
			'framework.csv': `result_code,result_level,result_title,parent_result,result_title_fr\nPO1,objective,Civilians protected,,${long}\n`
		});
		expect(code).toBe(1);
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({
				line: 2,
				column: 'result_title_fr',
				value: `${'é'.repeat(40)}…`,
				message: expect.stringContaining('32,768 characters long')
			})
		]);
		expect(query('SELECT code FROM results')).toEqual([]);
	});
});
