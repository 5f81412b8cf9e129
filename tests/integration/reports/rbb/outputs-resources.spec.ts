/**
 * The RBB report's planned outputs and resources (docs/formats.md "Outputs", "Resources";
 * docs/reports.md): imported through the one importer into real SQLite, shown in the report
 * exactly as imported, with the variance rule, the threshold, the refusal to issue a report
 * with a required explanation missing, and freezing on issue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../../src/lib/server/actor';
import type { Db } from '../../../../src/lib/server/db';
import { exportKind } from '../../../../src/lib/server/exports/export-files';
import { importFiles } from '../../../../src/lib/server/imports/import-files';
import { sourceFromPath } from '../../../../src/lib/server/imports/source';
import { issueRbbReport } from '../../../../src/lib/server/reports/rbb/issue';
import { loadRbbReport } from '../../../../src/lib/server/reports/rbb/load-report';
import {
	setVarianceThreshold,
	varianceThreshold
} from '../../../../src/lib/server/reports/rbb/resources';
import { NotAllowed } from '../../../../src/lib/server/permissions';
import { outputPlanForms, saveOutputPlan } from '../../../../src/lib/server/framework/output-plans';
import { csv, fixture, freshDb } from '../../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const spu: Actor = { username: 'spu-officer', role: 'spu', cleared: false };
const planner: Actor = { username: 'planner', role: 'planner', cleared: false };
const viewer: Actor = { username: 'guest', role: 'viewer', cleared: false };

const FRAMEWORK = fixture('rbb', 'framework.csv');
const OUTPUTS = fixture('rbb', 'outputs.csv');
const RESOURCES = fixture('rbb', 'resources.csv');
/** a figure in each year, so both budget years can be reported on */
const FIGURES = [
	csv('areas.csv', 'area_code,area_name\nN,North\n'),
	csv(
		'indicators.csv',
		'indicator_code,indicator_title,result_code,category,direction,measure\nPAT,Patrols,PO1-OP1,capacity,increase,count\n'
	),
	csv(
		'observations.csv',
		'indicator_code,period,area_code,value\nPAT,2023-09,N,100\nPAT,2024-09,N,90\n'
	)
];

let db: Db;
beforeEach(async () => {
	db = freshDb();
	const report = await importFiles(db, admin, [FRAMEWORK, ...FIGURES]);
	expect(report.ok, JSON.stringify(report.files.map((f) => f.errors))).toBe(true);
});

function report(year = 'FY2023/24', actor: Actor = admin) {
	const loaded = loadRbbReport(db, actor, year);
	if (!loaded.ok) throw new Error(loaded.message);
	return loaded.report;
}

const plans = (r: ReturnType<typeof report>) =>
	Object.fromEntries(r.objectives.flatMap((o) => o.outputs.map((out) => [out.code, out.plan])));

const exported = (kind: string) => {
	const result = exportKind(db, admin, kind);
	if (!result.ok) throw new Error(result.message);
	return [...result.chunks].join('');
};

describe('planned outputs', () => {
	test('an outputs file is recognised, imported by those who edit the framework, and shows in the report as imported', async () => {
		const one = csv('o.csv', 'result_code,budget_year,planned\nPO1-OP1,FY2023/24,5\n');
		expect(() => importFiles(db, viewer, [one])).toThrow(NotAllowed);
		// planners edit the framework, so they plan outputs too
		const byPlanner = await importFiles(db, planner, [one]);
		expect(byPlanner.files[0]).toMatchObject({ kind: 'outputs', inserted: 1 });

		const imported = await importFiles(db, spu, [OUTPUTS]);
		expect(imported.ok).toBe(true);
		expect(imported.files[0]).toMatchObject({ kind: 'outputs', rows: 4, inserted: 3, updated: 1 });
		expect(plans(report())).toEqual({
			'PO1-OP1': {
				kind: 'quantity',
				planned: 1200,
				completed: 980,
				remarks: 'Rainy season closed two axes',
				underPlan: true
			},
			'PO1-OP2': { kind: 'deliverable', planned: 1, completed: 1, remarks: '', underPlan: false },
			'PO1-OP3': { kind: 'quantity', planned: 12, completed: null, remarks: '', underPlan: false }
		});
		expect(plans(report('FY2024/25'))['PO1-OP1']).toMatchObject({ planned: 1300, completed: null });
		// a French report reads the French remarks
		const fr = loadRbbReport(db, admin, 'FY2023/24', 'fr');
		if (!fr.ok) throw new Error(fr.message);
		expect(plans(fr.report)['PO1-OP1']!.remarks).toBe('La saison des pluies a fermé deux axes');
	});

	test('cpas export outputs round trips: importing the export changes nothing', async () => {
		await importFiles(db, admin, [OUTPUTS]);
		const text = exported('outputs');
		expect(text.split('\n')[0]).toBe(
			'result_code,budget_year,planned,completed,remarks,remarks_fr'
		);
		expect(text).toContain('PO1-OP2,FY2023/24,yes,yes,,');
		const again = await importFiles(db, admin, [csv('outputs.csv', text)]);
		expect(again.files[0]).toMatchObject({
			kind: 'outputs',
			rows: 4,
			inserted: 0,
			updated: 0,
			unchanged: 4
		});
		expect(exported('outputs')).toBe(text);
	});

	test('refusals name line, column and value, and nothing is written', async () => {
		const file = [
			'result_code,budget_year,planned,completed',
			'PO1-OC1,FY2023/24,3,1',
			'NOPE,FY2023/24,3,1',
			'PO1-OP1,2023,3,1',
			'PO1-OP2,FY2023/24,yes,4',
			'PO1-OP3,FY2023/24,-2,',
			'PO1-OP1,FY2024/25,4,yes'
		].join('\n');
		const result = await importFiles(db, admin, [csv('broken.csv', file)]);
		expect(result.ok).toBe(false);
		const errors = result.files[0]!.errors.map((e) => [e.line, e.column, e.value]);
		expect(errors).toEqual([
			[2, 'result_code', 'PO1-OC1'],
			[3, 'result_code', 'NOPE'],
			[4, 'budget_year', '2023'],
			[5, 'completed', '4'],
			[6, 'planned', '-2'],
			[7, 'completed', 'yes']
		]);
		expect(result.files[0]!.errors[0]!.message).toMatch(/not an output/);
		expect(result.files[0]!.errors[3]!.message).toMatch(/deliverable/);
		expect(db.$client.prepare('SELECT count(*) AS n FROM output_plans').get()).toEqual({ n: 0 });
	});
});

describe('resources', () => {
	test('a resources file needs the right to report, and the report shows each line with its variance and totals', async () => {
		const byPlanner = await importFiles(db, planner, [RESOURCES]);
		expect(byPlanner.ok).toBe(false);
		expect(byPlanner.files[0]!.errors[0]!.message).toMatch(/Strategic Planning Unit/);

		const imported = await importFiles(db, spu, [RESOURCES]);
		expect(imported.ok, JSON.stringify(imported.files[0]!.errors)).toBe(true);
		expect(imported.files[0]).toMatchObject({ kind: 'resources', rows: 4, inserted: 4 });
		const { resources } = report();
		expect(resources.threshold).toBe(5);
		expect(
			resources.rows.map((r) => [
				r.objective ?? r.component,
				r.category,
				r.apportionment,
				r.expenditure,
				r.variance.amount,
				r.variance.percent,
				r.explanationRequired,
				r.explanationMissing
			])
		).toEqual([
			['PO1', 'Civilian personnel', 4_000_000, 3_400_000, 600_000, 15, true, false],
			['PO1', 'Military and police personnel', 12_500_000, 12_300_000, 200_000, 1.6, false, false],
			['Civil affairs', 'Operational costs', 1_000_000, 1_120_000, -120_000, -12, true, true],
			['Force', '', 0, 0, 0, null, false, false]
		]);
		expect(resources.rows[0]!.explanation).toBe('Recruitment froze for four months');
		expect(resources.totals).toEqual({
			apportionment: 17_500_000,
			expenditure: 16_820_000,
			variance: { amount: 680_000, percent: 3.9 }
		});
	});

	test('the threshold is the SPU’s setting: raising it removes a requirement', async () => {
		await importFiles(db, spu, [RESOURCES]);
		expect(() => setVarianceThreshold(db, viewer, 20)).toThrow(NotAllowed);
		expect(setVarianceThreshold(db, spu, 150)).toMatchObject({ ok: false });
		expect(setVarianceThreshold(db, spu, 12)).toEqual({ ok: true, before: 5, after: 12 });
		expect(varianceThreshold(db)).toBe(12);
		// exactly at the threshold (−12 %) needs none; 15 % still does
		expect(report().resources.rows.map((r) => r.explanationRequired)).toEqual([
			true,
			false,
			false,
			false
		]);
	});

	test('cpas export resources round trips', async () => {
		await importFiles(db, spu, [RESOURCES]);
		const text = exported('resources');
		expect(text.split('\n')[0]).toBe(
			'budget_year,component,result_code,category,apportionment,expenditure,explanation'
		);
		const again = await importFiles(db, spu, [csv('resources.csv', text)]);
		expect(again.files[0]).toMatchObject({ rows: 4, inserted: 0, updated: 0, unchanged: 4 });
		expect(exported('resources')).toBe(text);
	});

	test('the finance office’s workbook (xlsx) imports like the CSV file: number cells and typed amounts alike', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'cpas-resources-xlsx-'));
		try {
			const book = new ExcelJS.Workbook();
			const sheet = book.addWorksheet('FY2023-24 expenditure');
			sheet.addRow([
				'budget_year',
				'component',
				'result_code',
				'category',
				'apportionment',
				'expenditure',
				'explanation'
			]);
			// as finance exports them: amounts as number cells, one typed by hand as text
			sheet.addRow(['FY2023/24', '', 'PO1', 'Civilian personnel', 4_000_000, 3_400_000, '']);
			sheet.addRow([
				'FY2023/24',
				'Civil affairs',
				'',
				'Operational costs',
				'1,000,000',
				1_120_000.5
			]);
			const path = join(dir, 'expenditure.xlsx');
			await book.xlsx.writeFile(path);
			const imported = await importFiles(db, spu, [sourceFromPath(path)]);
			expect(imported.ok, JSON.stringify(imported.files[0]!.errors)).toBe(true);
			expect(imported.files[0]).toMatchObject({ kind: 'resources', rows: 2, inserted: 2 });
			expect(
				report().resources.rows.map((r) => [
					r.objective ?? r.component,
					r.apportionment,
					r.expenditure
				])
			).toEqual([
				['PO1', 4_000_000, 3_400_000],
				['Civil affairs', 1_000_000, 1_120_000.5]
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('refusals: both or neither subject, a non-objective, another currency, a negative amount', async () => {
		const file = [
			'budget_year,component,result_code,apportionment,expenditure',
			'FY2023/24,Force,PO1,1,1',
			'FY2023/24,,,1,1',
			'FY2023/24,,PO1-OP1,1,1',
			'FY2023/24,Force,,€100,1',
			'FY2023/24,Force,,100,-5',
			'FY2023/24,Force,,100,12a'
		].join('\n');
		const result = await importFiles(db, spu, [csv('broken.csv', file)]);
		expect(result.ok).toBe(false);
		expect(result.files[0]!.errors.map((e) => [e.line, e.column, e.value])).toEqual([
			[2, 'result_code', 'PO1'],
			[3, 'component', ''],
			[4, 'result_code', 'PO1-OP1'],
			[5, 'apportionment', '€100'],
			[6, 'expenditure', '-5'],
			[7, 'expenditure', '12a']
		]);
	});
});

describe('issuing', () => {
	test('is refused while a required explanation is missing, naming the lines', async () => {
		await importFiles(db, spu, [RESOURCES]);
		const refused = issueRbbReport(db, spu, 'FY2023/24');
		expect(refused).toMatchObject({ ok: false, problem: 'conflict' });
		expect(!refused.ok && refused.message).toMatch(
			/above 5%.*: Civil affairs · Operational costs\./
		);
		expect(report().status).toBe('not_started');
	});

	test('freezes the outputs and resources: later edits and imports change today’s data, not the issued report', async () => {
		await importFiles(db, spu, [OUTPUTS, RESOURCES]);
		const explained = await importFiles(db, spu, [
			csv(
				'explain.csv',
				'budget_year,component,category,apportionment,expenditure,explanation\nFY2023/24,Civil affairs,Operational costs,1000000,1120000,Two extra flights to the north\n'
			)
		]);
		expect(explained.files[0]).toMatchObject({ updated: 1 });
		expect(issueRbbReport(db, spu, 'FY2023/24')).toMatchObject({ ok: true });
		const before = report();

		await importFiles(db, spu, [
			csv('o.csv', 'result_code,budget_year,planned,completed\nPO1-OP1,FY2023/24,1200,1200\n'),
			csv(
				'r.csv',
				'budget_year,component,category,apportionment,expenditure\nFY2023/24,Civil affairs,Operational costs,1000000,2000000\nFY2023/24,Force,Fuel,5,5\n'
			)
		]);
		setVarianceThreshold(db, spu, 1);
		const after = report();
		expect(plans(after)).toEqual(plans(before));
		expect(after.resources).toEqual(before.resources);
		expect(after.resources.rows.find((r) => r.component === 'Civil affairs')).toMatchObject({
			expenditure: 1_120_000,
			explanation: 'Two extra flights to the north'
		});
		expect(after.changedParts).toEqual({
			outputs: ['PO1-OP1'],
			resources: ['Civil affairs · Operational costs', 'Force · Fuel']
		});
		expect(before.changedParts).toEqual({ outputs: [], resources: [] });
		// today's data did change
		expect(plans(report('FY2024/25'))['PO1-OP1']).toMatchObject({ planned: 1300 });
	});
});

describe('the framework editor’s form', () => {
	test('saves a plan through the importer, audited; a refusal comes back on its field', async () => {
		const saved = await saveOutputPlan(db, spu, 'PO1-OP2', {
			budget_year: 'FY2023/24',
			planned: 'oui',
			completed: 'non',
			remarks: 'Draft not adopted by the council',
			remarks_fr: ''
		});
		expect(saved).toEqual({ ok: true });
		expect(plans(report())['PO1-OP2']).toMatchObject({
			kind: 'deliverable',
			planned: 1,
			completed: 0,
			underPlan: true
		});
		const entry = db.$client
			.prepare(
				"SELECT actor, subject, detail FROM audit_log WHERE action = 'framework.output.plan'"
			)
			.get() as { actor: string; subject: string; detail: string };
		expect(entry).toMatchObject({ actor: 'spu-officer', subject: 'PO1-OP2' });
		expect(JSON.parse(entry.detail)).toMatchObject({
			budgetYear: 'FY2023/24',
			after: { planned: 'yes', completed: 'no' }
		});
		const forms = outputPlanForms(db, spu, outputId('PO1-OP2'));
		expect(forms.map((f) => [f.year, f.stored])).toEqual([
			['FY2024/25', false],
			['FY2023/24', true]
		]);

		const refused = await saveOutputPlan(db, spu, 'PO1-OP2', {
			budget_year: 'FY2023/24',
			planned: 'yes',
			completed: '3',
			remarks: '',
			remarks_fr: ''
		});
		expect(refused.ok).toBe(false);
		expect(!refused.ok && Object.keys(refused.errors)).toEqual(['completed']);
		await expect(
			saveOutputPlan(db, viewer, 'PO1-OP2', {
				budget_year: 'FY2023/24',
				planned: '1',
				completed: '',
				remarks: '',
				remarks_fr: ''
			})
		).rejects.toThrow(NotAllowed);
	});
});

function outputId(code: string): number {
	return (db.$client.prepare('SELECT id FROM results WHERE code = ?').get(code) as { id: number })
		.id;
}
