/**
 * An RBB report in French: generated in French (the page's, download's or command's choice),
 * its HTML, workbook and CSV have French headings and numbers; once issued in French it stays
 * French for an English reader, and a French reader of an English issued report reads English.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../../src/lib/server/actor';
import { inLocale } from '../../../../src/lib/server/i18n/request-locale';
import { importFiles } from '../../../../src/lib/server/imports/import-files';
import { rbbCsv } from '../../../../src/lib/server/reports/rbb/csv';
import { rbbHtml } from '../../../../src/lib/server/reports/rbb/html';
import { issueRbbReport } from '../../../../src/lib/server/reports/rbb/issue';
import { setRbbLanguage } from '../../../../src/lib/server/reports/rbb/language';
import { loadRbbReport } from '../../../../src/lib/server/reports/rbb/load-report';
import { saveRbbText } from '../../../../src/lib/server/reports/rbb/save-text';
import { rbbWorkbook } from '../../../../src/lib/server/reports/rbb/xlsx';
import { csv, freshDb } from '../../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const spu: Actor = { username: 'spu-officer', role: 'spu', cleared: false };
const YEAR = 'FY2023/24';

const MISSION = [
	csv('areas.csv', 'area_code,area_name,population\nN,North,100000\nS,South,100000\n'),
	csv(
		'framework.csv',
		[
			'result_code,result_level,result_title,parent_result',
			'PO1,objective,Civilians protected,',
			'PO1-IM1,impact,Threat reduced,PO1',
			'PO1-OC1,outcome,Forces respond,PO1-IM1',
			'PO1-OP1,output,Patrols conducted,PO1-OC1'
		].join('\n')
	),
	csv(
		'indicators.csv',
		[
			'indicator_code,indicator_title,result_code,category,direction,measure,frequency,baseline_value,baseline_period',
			'INC,Incidents,PO1-OC1,situation,decrease,count,month,4000,FY2022/23',
			'SAFE,% feel safe,PO1-OC1,perception,increase,percent,quarter,,',
			'PAT,Patrols,PO1-OP1,capacity,increase,count,month,,'
		].join('\n')
	),
	csv(
		'observations.csv',
		[
			'indicator_code,period,area_code,value,value_type,numerator,denominator',
			'INC,2023-07,N,1500,,,',
			'INC,2023-08,S,1234,,,',
			'INC,FY2023/24,,2000,target,,',
			'SAFE,2023-Q3,N,,,25,200',
			'SAFE,FY2023/24,,45,target,,',
			'PAT,2023-09,N,100,,,',
			'PAT,FY2023/24,,150,target,,'
		].join('\n')
	)
];

async function mission() {
	const db = freshDb();
	const report = await importFiles(db, admin, MISSION);
	expect(report.ok, JSON.stringify(report.files.map((f) => f.errors))).toBe(true);
	return db;
}

function load(db: ReturnType<typeof freshDb>, asked?: 'en' | 'fr') {
	const loaded = loadRbbReport(db, admin, YEAR, asked);
	if (!loaded.ok) throw new Error(loaded.message);
	return loaded.report;
}

async function readBook(buffer: Buffer) {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(buffer as unknown as ArrayBuffer);
	return book;
}

describe('an RBB report generated in French', () => {
	test('the HTML file has French headings, French number formats and says its language', async () => {
		const db = await mission();
		const report = load(db, 'fr');
		expect(report.locale).toBe('fr');
		const html = await rbbHtml(report, false);
		expect(html).toContain('<html lang="fr">');
		expect(html).toContain(`<title>Rapport de performance BAR ${YEAR}</title>`);
		expect(html).toContain(`Exercice budgétaire ${YEAR}`);
		expect(html).toContain('Indicateurs de succès');
		expect(html).toContain('Produits');
		expect(html).toContain('Rédigé en français.');
		expect(html).toContain('Brouillon (non commencé)');
		expect(html).toContain('"Page " counter(page) " sur " counter(pages)');
		// 2 734 incidents: grouped with the narrow no-break space of fr-FR; 12,5 % with a comma
		expect(html).toContain('data-actual="">2\u202f734<');
		expect(html).toMatch(/data-actual="">12,5\s%</);
		expect(html).toContain('4\u202f000');
		expect(html).not.toContain('Indicators of achievement');
		expect(html).not.toContain('Budget year');
	}, 30_000); // the first render compiles the document component

	test('the workbook read back has French sheet names and headers, and numbers as numbers', async () => {
		const db = await mission();
		const book = await readBook(await rbbWorkbook(load(db, 'fr')));
		expect(book.worksheets.map((s) => s.name)).toEqual(['Synthèse', 'PO1']);
		const summary = book.getWorksheet('Synthèse')!;
		expect(summary.getRow(1).values).toEqual([undefined, 'Élément', 'Valeur']);
		expect(summary.getRow(2).values).toEqual([undefined, 'Exercice budgétaire', YEAR]);
		const sheet = book.getWorksheet('PO1')!;
		const header = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(header).toEqual([
			'Partie',
			'Code du résultat',
			'Résultat',
			'Code de l’indicateur',
			'Indicateur',
			'Unité',
			'Valeur de référence',
			'Période de référence',
			'Prévu',
			'Réel',
			'Statut',
			'Explication du statut',
			'Explication de l’écart / observations'
		]);
		const inc = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(4).value === 'INC')!;
		expect(inc.getCell(1).value).toBe('Indicateur de succès');
		expect(inc.getCell(9).value).toBe(2000);
		expect(inc.getCell(10).value).toBe(2734);
		const pat = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(4).value === 'PAT')!;
		expect(pat.getCell(1).value).toBe('Produit');
	});

	test('the CSV keeps its header of codes and writes its words in French', async () => {
		const db = await mission();
		const english = Papa.parse<Record<string, string>>(rbbCsv(load(db, 'en')), { header: true });
		const french = Papa.parse<Record<string, string>>(rbbCsv(load(db, 'fr')), { header: true });
		expect(french.meta.fields).toEqual(english.meta.fields);
		expect(french.meta.fields).toContain('indicator_code');
		const parts = new Set(french.data.map((r) => r.part));
		expect([...parts]).toEqual(
			expect.arrayContaining(['Synthèse', 'Commentaire', 'Indicateur de succès', 'Produit'])
		);
		const inc = french.data.find((r) => r.indicator_code === 'INC')!;
		// numbers stay plain in a CSV, whatever the language
		expect([inc.planned, inc.actual]).toEqual(['2000', '2734']);
		expect(english.data.find((r) => r.indicator_code === 'INC')!.part).toBe(
			'Indicator of achievement'
		);
	});

	test('without a choice, a report not started is written in the reader’s language', async () => {
		const db = await mission();
		expect(inLocale('fr', () => load(db).locale)).toBe('fr');
		expect(inLocale('en', () => load(db).locale)).toBe('en');
	});
});

describe('the language of a draft and of an issued report', () => {
	test('the first text starts the draft in the language it was written in; the SPU changes it', async () => {
		const db = await mission();
		expect(saveRbbText(db, spu, YEAR, { section: 'PO1' }, 'Une année.', 'fr').ok).toBe(true);
		// the draft is French for an English reader too, unless they ask for English
		expect(inLocale('en', () => load(db).locale)).toBe('fr');
		expect(inLocale('en', () => load(db, 'en').locale)).toBe('en');
		expect(setRbbLanguage(db, spu, YEAR, 'en')).toMatchObject({ ok: true });
		expect(inLocale('fr', () => load(db).locale)).toBe('en');
		expect(setRbbLanguage(db, spu, YEAR, 'fr')).toMatchObject({ ok: true });
		const viewer: Actor = { username: 'guest', role: 'viewer', cleared: false };
		expect(() => setRbbLanguage(db, viewer, YEAR, 'en')).toThrow();
	});

	test('an issued French report stays French for an English reader, in every format', async () => {
		const db = await mission();
		expect(saveRbbText(db, spu, YEAR, { section: 'PO1' }, 'Une année.', 'fr').ok).toBe(true);
		expect(issueRbbReport(db, spu, YEAR).ok).toBe(true);
		await inLocale('en', async () => {
			// an English reader, even asking for English
			const report = load(db, 'en');
			expect(report.locale).toBe('fr');
			const html = await rbbHtml(report, false);
			expect(html).toContain('<html lang="fr">');
			expect(html).toMatch(/Publié le \d{1,2} [a-zéû.]+ \d{4} par spu-officer/);
			expect(html).toContain('Ce sont les valeurs avec lesquelles le rapport a été publié.');
			const book = await readBook(await rbbWorkbook(report));
			expect(book.worksheets[0]!.name).toBe('Synthèse');
			expect(rbbCsv(report)).toContain('Indicateur de succès');
		});
		expect(setRbbLanguage(db, spu, YEAR, 'en')).toMatchObject({
			ok: false,
			problem: 'conflict'
		});
	});

	test('an issued English report stays English for a French reader', async () => {
		const db = await mission();
		expect(inLocale('en', () => issueRbbReport(db, spu, YEAR)).ok).toBe(true);
		await inLocale('fr', async () => {
			const report = load(db, 'fr');
			expect(report.locale).toBe('en');
			const html = await rbbHtml(report, false);
			expect(html).toContain('<html lang="en">');
			expect(html).toContain(`Budget year ${YEAR}`);
			expect(html).toContain('Indicators of achievement');
		});
	});

	test('a refusal speaks the reader’s language', () => {
		const db = freshDb();
		const refused = inLocale('fr', () => loadRbbReport(db, admin, 'FY2030/31'));
		expect(refused).toMatchObject({
			ok: false,
			problem: 'not_found',
			message:
				'Aucune valeur ne tombe dans l’exercice budgétaire FY2030/31. Il n’y a encore aucune valeur.'
		});
	});
});
