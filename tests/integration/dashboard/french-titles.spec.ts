/**
 * The views pages read give a French reader the French titles, definitions, drivers and
 * conditions where they are given, and the English ones marked `lang: 'en'` where not; an
 * English reader, and the API, read the English texts as stored.
 */
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { loadIndicatorView } from '../../../src/lib/server/dashboard/indicator-page';
import { loadObjectiveView } from '../../../src/lib/server/dashboard/objective-view';
import { loadOverview } from '../../../src/lib/server/dashboard/overview';
import { loadFrameworkEditor } from '../../../src/lib/server/framework/editor-view';
import { frameworkOutline } from '../../../src/lib/server/framework/tree';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';
import { listIndicators } from '../../../src/lib/server/indicators/list';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { csv, freshDb, importBasic } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;

/** The basic mission with French texts for some of its nodes and indicators. */
async function withFrench(): Promise<Db> {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	const french = await importFiles(db, admin, [
		csv(
			'framework-fr.csv',
			[
				'result_code,result_level,result_title,parent_result,result_title_fr,driver_of_change_fr,description_fr',
				'PO1,objective,Civilians protected,,Les civils sont protégés,,Les civils vivent en sécurité',
				'PO1-IM1,impact,Threat reduced,PO1,Menace réduite,,'
			].join('\n')
		),
		csv(
			'indicators-fr.csv',
			[
				'indicator_code,indicator_title,result_code,category,direction,measure,definition,indicator_title_fr,definition_fr',
				'K1,Incidents,PO1-IM1,situation,decrease,count,Incidents recorded,Incidents de sécurité,',
				'K2,% feel safe,PO1-OC1,perception,increase,percent,,,'
			].join('\n')
		)
	]);
	expect(french.ok).toBe(true);
	return db;
}

describe('French texts in the views pages read', () => {
	test('the overview: French where given, English marked lang en where not', async () => {
		const db = await withFrench();
		const [objective] = inLocale('fr', () => loadOverview(db, admin));
		expect(objective!.objective).toMatchObject({
			title: 'Les civils sont protégés',
			description: 'Les civils vivent en sécurité'
		});
		expect(objective!.objective.titleLang).toBeUndefined();
		const titles = objective!.indicators.map((i) => [i.code, i.title, i.titleLang]);
		expect(titles).toEqual([
			['1.2.1', 'Casualties per 100k', 'en'],
			['K1', 'Incidents de sécurité', undefined],
			['K2', '% feel safe', 'en']
		]);
	});

	test('an English reader reads the English texts, unmarked, from its own kept view', async () => {
		const db = await withFrench();
		inLocale('fr', () => loadOverview(db, admin));
		const [objective] = inLocale('en', () => loadOverview(db, admin));
		expect(objective!.objective.title).toBe('Civilians protected');
		expect(objective!.indicators.map((i) => [i.title, i.titleLang])).toEqual([
			['Casualties per 100k', undefined],
			['Incidents', undefined],
			['% feel safe', undefined]
		]);
	});

	test('the objective page: the results chain with its drivers and conditions', async () => {
		const db = await withFrench();
		const found = inLocale('fr', () => loadObjectiveView(db, admin, 'PO1'));
		if (!found.ok) throw new Error(found.message);
		const impact = found.view.chain.children[0]!;
		expect(impact).toMatchObject({
			title: 'Menace réduite',
			driverOfChange: 'Threat posed by armed groups decreases',
			driverOfChangeLang: 'en'
		});
		expect(impact.titleLang).toBeUndefined();
		const outcome = impact.children[0]!;
		expect(outcome).toMatchObject({
			title: 'Forces respond',
			titleLang: 'en',
			criticalCondition: 'Presence of forces',
			criticalConditionLang: 'en'
		});
		expect(found.view.panels.situation.map((i) => i.titleLang)).toEqual(['en', undefined]);
	});

	test('the indicator page: title and definition, and where it sits', async () => {
		const db = await withFrench();
		const found = inLocale('fr', () => loadIndicatorView(db, admin, 'K1', {}, null));
		if (!found.ok) throw new Error(found.message);
		expect(found.view.indicator).toMatchObject({
			title: 'Incidents de sécurité',
			definition: 'Incidents recorded',
			definitionLang: 'en'
		});
		expect(found.view.indicator.titleLang).toBeUndefined();
		expect(found.view.result).toEqual({
			code: 'PO1-IM1',
			title: 'Menace réduite',
			level: 'impact'
		});
		expect(found.view.objective).toEqual({ code: 'PO1', title: 'Les civils sont protégés' });
	});

	test('the indicator list, the framework page and the editor’s node choices', async () => {
		const db = await withFrench();
		const listed = inLocale('fr', () => listIndicators(db, admin));
		expect(listed.map((i) => [i.code, i.title, i.titleLang])).toEqual([
			['1.2.1', 'Casualties per 100k', 'en'],
			['K1', 'Incidents de sécurité', undefined],
			['K2', '% feel safe', 'en']
		]);
		const editor = inLocale('fr', () => loadFrameworkEditor(db, admin));
		expect(editor.objectives[0]!.title).toBe('Les civils sont protégés');
		expect(editor.indicatorsByResult['PO1-IM1']!.map((i) => i.titleLang)).toEqual([
			'en',
			undefined
		]);
		const outline = inLocale('fr', () => frameworkOutline(db, admin));
		expect(outline.map((n) => [n.code, n.title, n.titleLang])).toEqual([
			['PO1', 'Les civils sont protégés', undefined],
			['PO1-IM1', 'Menace réduite', undefined],
			['PO1-OC1', 'Forces respond', 'en']
		]);
	});

	test('the API lists the titles as stored, whatever the reader’s language', async () => {
		const db = await withFrench();
		const listed = inLocale('fr', () => listIndicators(db, admin, 'en'));
		expect(listed.map((i) => i.title)).toEqual(['Casualties per 100k', 'Incidents', '% feel safe']);
		expect(listed.every((i) => i.titleLang === undefined)).toBe(true);
	});
});
