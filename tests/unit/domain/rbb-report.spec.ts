import { describe, expect, test } from 'vitest';
import type { BudgetYear } from '../../../src/lib/domain/budget-year';
import type { ResultNode } from '../../../src/lib/domain/framework-tree';
import {
	shapeRbbReport,
	textKeys,
	type RbbFigures,
	type RbbIndicatorInfo,
	type RbbInput
} from '../../../src/lib/domain/rbb-report';
import { rbbCsvRows, rbbTables } from '../../../src/lib/format/rbb-tables';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';
import { statusReasonText } from '../../../src/lib/format/status-text';
import type { SeriesPoint } from '../../../src/lib/domain/series';
import type { ResultLevel } from '../../../src/lib/domain/vocabulary';

const YEAR: BudgetYear = {
	label: 'FY2024/25',
	slug: 'FY2024-25',
	start: '2024-07-01',
	end: '2025-06-30'
};

let nextId = 1;
function node(code: string, level: ResultLevel, parentId: number | null): ResultNode {
	return {
		id: nextId++,
		code,
		level,
		title: `Title of ${code}`,
		parentId,
		driverOfChange: null,
		criticalCondition: null,
		components: level === 'output' ? 'Force' : null,
		tier: null,
		description: null,
		retired: false
	};
}

const PO1 = node('PO1', 'objective', null);
const IM1 = node('PO1-IM1', 'impact', PO1.id);
const OC1 = node('PO1-OC1', 'outcome', IM1.id);
const OP1 = node('PO1-OP1', 'output', OC1.id);
const OP2 = node('PO1-OP2', 'output', OC1.id);
const PO2 = node('PO2', 'objective', null);
const NODES = [PO2, OP2, OP1, OC1, IM1, PO1]; // any order: the report reads the framework's

function indicator(code: string, at: ResultNode, more: Partial<RbbIndicatorInfo> = {}) {
	return {
		code,
		title: `Indicator ${code}`,
		resultId: at.id,
		category: 'situation',
		direction: 'decrease',
		measure: 'count',
		unit: null,
		baselineValue: null,
		baselinePeriod: null,
		...more
	} satisfies RbbIndicatorInfo;
}

const INDICATORS = [
	indicator('K10', IM1, { baselineValue: 40, baselinePeriod: '2023' }),
	indicator('K2', IM1),
	indicator('P1', PO1, { measure: 'percent', direction: 'increase' }),
	indicator('C1', OC1),
	indicator('O1', OP1, { direction: 'increase' }),
	indicator('RETIRED', OC1)
];

function point(actual: number | null, target: number | null, partial = false): SeriesPoint {
	const status =
		actual === null
			? 'no_data'
			: target === null
				? 'no_target'
				: actual <= target
					? 'achieved'
					: 'off_track';
	return { period: YEAR.label, start: YEAR.start, end: YEAR.end, partial, actual, target, status };
}

function input(more: Partial<RbbInput> = {}): RbbInput {
	const figures = new Map<string, RbbFigures>([
		['K10', { point: point(30, 35), differences: [] }],
		['K2', { point: point(12, 10, true), differences: [] }],
		['P1', { point: point(55.5, 50), differences: [] }],
		['C1', { point: null, differences: [] }],
		['O1', { point: point(8, 12), differences: [] }]
	]);
	return {
		year: YEAR,
		status: 'draft',
		locale: 'en',
		issuedAt: null,
		issuedBy: null,
		nodes: NODES,
		indicators: INDICATORS,
		figures,
		sections: new Map([
			['summary', 'A good year.'],
			['PO1', 'Narrative of PO1.'],
			['PO1-OP1', 'Patrols were cut by the rains.']
		]),
		variances: new Map([['K2', 'More reporting, not more violence.']]),
		margin: 0.15,
		...more
	};
}

describe('shapeRbbReport', () => {
	test('indicators of achievement are the objective’s, its impacts’ and outcomes’, in framework order', () => {
		const report = shapeRbbReport(input());
		expect(report.objectives.map((o) => o.code)).toEqual(['PO1', 'PO2']);
		const po1 = report.objectives[0]!;
		expect(po1.achievements.map((r) => [r.code, r.resultCode, r.resultLevel])).toEqual([
			['P1', 'PO1', 'objective'],
			['K2', 'PO1-IM1', 'impact'],
			['K10', 'PO1-IM1', 'impact'],
			['C1', 'PO1-OC1', 'outcome']
		]);
		expect(report.objectives[1]!.achievements).toEqual([]);
	});

	test('outputs are apart, planned vs completed from their own indicators, with their remarks', () => {
		const [po1] = shapeRbbReport(input()).objectives;
		expect(po1!.outputs.map((o) => [o.code, o.indicators.map((r) => r.code), o.remarks])).toEqual([
			['PO1-OP1', ['O1'], 'Patrols were cut by the rains.'],
			['PO1-OP2', [], '']
		]);
		expect(po1!.outputs[0]!.indicators[0]).toMatchObject({ planned: 12, actual: 8 });
	});

	test('planned and actual are the budget-year point’s target and actual, untouched', () => {
		const rows = shapeRbbReport(input()).objectives[0]!.achievements;
		const k10 = rows.find((r) => r.code === 'K10')!;
		expect(k10).toMatchObject({
			planned: 35,
			actual: 30,
			status: 'achieved',
			baselineValue: 40,
			baselinePeriod: '2023',
			partial: false
		});
		expect(statusReasonText(k10.statusReason)).toBe(
			"14 % below the budget year's target; lower is better"
		);
		expect(rows.find((r) => r.code === 'K2')).toMatchObject({
			partial: true,
			variance: 'More reporting, not more violence.'
		});
		expect(rows.find((r) => r.code === 'C1')).toMatchObject({
			planned: null,
			actual: null,
			status: 'no_data',
			statusReason: { kind: 'no_figures' }
		});
		expect(statusReasonText(rows.find((r) => r.code === 'C1')!.statusReason)).toBe(
			'No figures reported yet'
		);
	});

	test('an indicator without figures in the input is not in the report', () => {
		const codes = textKeys(shapeRbbReport(input())).indicators;
		expect(codes.has('RETIRED')).toBe(false);
		expect([...codes].sort()).toEqual(['C1', 'K10', 'K2', 'O1', 'P1']);
	});

	test('the summary and the narratives come from their sections', () => {
		const report = shapeRbbReport(input());
		expect(report.summary).toBe('A good year.');
		expect(report.objectives.map((o) => o.narrative)).toEqual(['Narrative of PO1.', '']);
		expect([...textKeys(report).sections].sort()).toEqual([
			'PO1',
			'PO1-OP1',
			'PO1-OP2',
			'PO2',
			'summary'
		]);
	});

	test('an issued report names the indicators whose figures moved since, and those added', () => {
		const figures = new Map(input().figures);
		figures.set('K10', {
			point: point(30, 35),
			differences: [{ period: YEAR.label, field: 'actual', frozen: 30, current: 33 }]
		});
		const report = shapeRbbReport(
			input({
				status: 'issued',
				issuedAt: '2025-08-01T10:00:00.000Z',
				figures,
				notInIssued: ['NEW']
			})
		);
		expect(report.changedSinceIssue).toEqual(['K10']);
		expect(report.notInIssued).toEqual(['NEW']);
		expect(report.objectives[0]!.achievements.find((r) => r.code === 'K10')!.actual).toBe(30);
	});
});

describe('rbbTables', () => {
	test('a summary table, then one per objective with one header and numbers as numbers', () => {
		const tables = rbbTables(shapeRbbReport(input()));
		expect(tables.map((t) => t.name)).toEqual(['Summary', 'PO1', 'PO2']);
		const po1 = tables[1]!;
		const col = (key: string) => po1.columns.findIndex((c) => c.key === key);
		const k10 = po1.rows.find((r) => r[col('indicator_code')] === 'K10')!;
		expect([k10[col('baseline')], k10[col('planned')], k10[col('actual')]]).toEqual([40, 35, 30]);
		const p1 = po1.rows.find((r) => r[col('indicator_code')] === 'P1')!;
		expect(p1[col('actual')]).toBe(55.5);
		expect(p1[col('unit')]).toBe('%');
		// the output without indicators still has its row, with its remarks column empty
		expect(po1.rows.filter((r) => r[col('result_code')] === 'PO1-OP2')).toHaveLength(1);
		expect(po1.measures).toHaveLength(po1.rows.length);
		expect(po1.rows.every((r) => r.length === po1.columns.length)).toBe(true);
	});

	test('the CSV holds the same rows with the objective in front, and the narratives', () => {
		const { fields, rows } = rbbCsvRows(shapeRbbReport(input()));
		expect(fields[0]).toBe('objective_code');
		expect(rows.every((r) => r.length === fields.length)).toBe(true);
		const explanation = fields.indexOf('explanation');
		expect(rows.find((r) => r[1] === 'Summary')![explanation]).toBe('A good year.');
		expect(rows.find((r) => r[1] === 'Narrative' && r[0] === 'PO1')![explanation]).toBe(
			'Narrative of PO1.'
		);
		const o1 = rows.find((r) => r[fields.indexOf('indicator_code')] === 'O1')!;
		expect([o1[0], o1[fields.indexOf('planned')], o1[fields.indexOf('actual')]]).toEqual([
			'PO1',
			12,
			8
		]);
		expect(o1[explanation]).toBe('Patrols were cut by the rains.');
	});

	test('in French: sheet, headers and words are French, keys, codes and numbers stay', () => {
		const report = shapeRbbReport(
			input({ locale: 'fr', status: 'issued', issuedAt: '2025-07-31T10:00:00Z', issuedBy: 'spu' })
		);
		const tables = inLocale('fr', () => rbbTables(report));
		expect(tables.map((t) => t.name)).toEqual(['Synthèse', 'PO1', 'PO2']);
		expect(tables[0]!.title).toBe('Rapport de performance BAR FY2024/25');
		expect(tables[0]!.rows.slice(0, 5)).toEqual([
			['Exercice budgétaire', 'FY2024/25'],
			['Du', '2024-07-01'],
			['Au', '2025-06-30'],
			['Statut', 'Publié le 31 juil. 2025 par spu'],
			['Langue', 'Français']
		]);
		const po1 = tables[1]!;
		expect(po1.columns.map((c) => c.header)).toContain('Code de l’indicateur');
		expect(po1.columns.map((c) => c.key)).toContain('indicator_code');
		const col = (key: string) => po1.columns.findIndex((c) => c.key === key);
		const k10 = po1.rows.find((r) => r[col('indicator_code')] === 'K10')!;
		expect(k10[col('part')]).toBe('Indicateur de succès');
		expect([k10[col('planned')], k10[col('actual')]]).toEqual([35, 30]);
		const k2 = po1.rows.find((r) => r[col('indicator_code')] === 'K2')!;
		expect(String(k2[col('status')])).toMatch(/\(exercice non terminé\)$/);
		const { fields, rows } = inLocale('fr', () => rbbCsvRows(report));
		// the CSV's header is codes, the same in both languages
		expect(fields).toEqual(rbbCsvRows(shapeRbbReport(input())).fields);
		expect(rows.some((r) => r[1] === 'Synthèse')).toBe(true);
		expect(rows.some((r) => r[1] === 'Produit')).toBe(true);
	});

	test('in English, the status of an issued report keeps its ISO day', () => {
		const report = shapeRbbReport(
			input({ status: 'issued', issuedAt: '2025-07-31T10:00:00Z', issuedBy: 'spu' })
		);
		expect(inLocale('en', () => rbbTables(report))[0]!.rows[3]).toEqual([
			'Status',
			'Issued on 2025-07-31 by spu'
		]);
	});
});
