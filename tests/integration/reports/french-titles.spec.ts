/**
 * Reports read the French titles of the framework and indicators where given: the RBB report
 * in its own language (a French report for any reader, an English one for a French reader),
 * the IPTT in the reader's, with the English fallback marked.
 */
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { loadIptt } from '../../../src/lib/server/reports/iptt/iptt';
import { loadRbbReport } from '../../../src/lib/server/reports/rbb/load-report';
import { csv, freshDb } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const YEAR = 'FY2023/24';

async function mission() {
	const db = freshDb();
	const report = await importFiles(db, admin, [
		csv('areas.csv', 'area_code,area_name,population\nN,North,100000\n'),
		csv(
			'framework.csv',
			[
				'result_code,result_level,result_title,parent_result,result_title_fr',
				'PO1,objective,Civilians protected,,Les civils sont protégés',
				'PO1-IM1,impact,Threat reduced,PO1,Menace réduite',
				'PO1-OC1,outcome,Forces respond,PO1-IM1,',
				'PO1-OP1,output,Patrols conducted,PO1-OC1,Patrouilles menées'
			].join('\n')
		),
		csv(
			'indicators.csv',
			[
				'indicator_code,indicator_title,result_code,category,direction,measure,frequency,indicator_title_fr',
				'INC,Incidents,PO1-OC1,situation,decrease,count,month,Incidents de sécurité',
				'PAT,Patrols,PO1-OP1,capacity,increase,count,month,'
			].join('\n')
		),
		csv(
			'observations.csv',
			[
				'indicator_code,period,area_code,value,value_type',
				'INC,2023-07,N,1500,',
				'INC,FY2023/24,,2000,target',
				'PAT,2023-09,N,100,',
				'PAT,FY2023/24,,150,target'
			].join('\n')
		)
	]);
	expect(report.ok, JSON.stringify(report.files.map((f) => f.errors))).toBe(true);
	return db;
}

describe('French titles in reports', () => {
	test('an RBB report in French has the French titles where given, English where not', async () => {
		const db = await mission();
		const loaded = inLocale('en', () => loadRbbReport(db, admin, YEAR, 'fr'));
		if (!loaded.ok) throw new Error(loaded.message);
		const [objective] = loaded.report.objectives;
		expect(objective!.title).toBe('Les civils sont protégés');
		expect(objective!.achievements.map((r) => [r.code, r.title, r.resultTitle])).toEqual([
			['INC', 'Incidents de sécurité', 'Forces respond']
		]);
		expect(objective!.outputs.map((o) => [o.title, o.indicators[0]!.title])).toEqual([
			['Patrouilles menées', 'Patrols']
		]);
	});

	test('an RBB report in English has the English titles, whoever reads it', async () => {
		const db = await mission();
		const loaded = inLocale('fr', () => loadRbbReport(db, admin, YEAR, 'en'));
		if (!loaded.ok) throw new Error(loaded.message);
		const [objective] = loaded.report.objectives;
		expect(objective!.title).toBe('Civilians protected');
		expect(objective!.achievements[0]!.title).toBe('Incidents');
	});

	test('the IPTT of a French reader, the English fallback marked', async () => {
		const db = await mission();
		const found = inLocale('fr', () => loadIptt(db, admin, {}));
		if (!found.ok) throw new Error(found.message);
		expect(found.iptt.rows.map((r) => [r.code, r.title, r.titleLang])).toEqual([
			['INC', 'Incidents de sécurité', undefined],
			['PAT', 'Patrols', 'en']
		]);
		expect(found.iptt.choices.objectives).toEqual([
			{ code: 'PO1', title: 'Les civils sont protégés' }
		]);
		const english = inLocale('en', () => loadIptt(db, admin, {}));
		if (!english.ok) throw new Error(english.message);
		expect(english.iptt.rows.map((r) => r.title)).toEqual(['Incidents', 'Patrols']);
	});
});
