// The demo mission's two milestone indicators (docs/formats.md "The measure `milestone`"), as
// an indicators file and an observations file a planner would import: the stage of each
// territory's local protection plan (drafted → adopted → implemented) by quarter, one
// territory going back when its plan was suspended, with targets; and a mission-wide
// transition benchmark (not met → met) by half-year. Written by hand rather than drawn, so
// the story is the same for every seed: the pages and their screenshots say it in words.

import Papa from 'papaparse';
import {
	INDICATOR_COLUMNS,
	INDICATOR_FRENCH_COLUMNS,
	INDICATOR_STAGE_COLUMNS
} from '../../domain/columns';

const PLAN = 'PO3-K3';
const BENCHMARK = 'PO3-K4';

type Stage = 'drafted' | 'adopted' | 'implemented';

/**
 * Each territory's plan: the quarters it reached each stage in (a territory reports from the
 * quarter its plan was drafted), and for Fennoway the quarters it went back and forward again.
 */
const PLANS: readonly { territory: string; steps: readonly [string, Stage][] }[] = [
	{
		territory: 'AMB-DUN',
		steps: [
			['2024-Q1', 'drafted'],
			['2024-Q4', 'adopted'],
			['2026-Q1', 'implemented']
		]
	},
	{
		territory: 'AMB-ORR',
		steps: [
			['2024-Q2', 'drafted'],
			['2025-Q2', 'adopted']
		]
	},
	{
		territory: 'AMB-SAB',
		steps: [
			['2024-Q3', 'drafted'],
			['2025-Q3', 'adopted']
		]
	},
	{
		territory: 'KES-QUI',
		steps: [
			['2024-Q1', 'drafted'],
			['2024-Q3', 'adopted'],
			['2025-Q4', 'implemented']
		]
	},
	// the plan was suspended when the territory's administrator was replaced, then adopted again
	{
		territory: 'KES-FEN',
		steps: [
			['2024-Q2', 'drafted'],
			['2025-Q1', 'adopted'],
			['2025-Q3', 'drafted'],
			['2026-Q2', 'adopted']
		]
	},
	{ territory: 'KES-BRA', steps: [['2025-Q1', 'drafted']] },
	{
		territory: 'SOL-MIR',
		steps: [
			['2024-Q1', 'drafted'],
			['2024-Q2', 'adopted'],
			['2025-Q2', 'implemented']
		]
	},
	{
		territory: 'SOL-PEL',
		steps: [
			['2024-Q4', 'drafted'],
			['2025-Q4', 'adopted']
		]
	}
];

/** Every territory's targets: adopted by mid-2025, implemented by the end of 2026. */
const PLAN_TARGETS: readonly [string, Stage][] = [
	['2025-Q2', 'adopted'],
	['2026-Q4', 'implemented']
];

/** The last quarter with figures (the demo's actuals end in September 2026). */
const LAST_QUARTER = '2026-Q3';

function quartersFrom(first: string, last: string): string[] {
	const out: string[] = [];
	let [year, q] = first.split('-Q').map(Number) as [number, number];
	for (;;) {
		const label = `${year}-Q${q}`;
		out.push(label);
		if (label === last) return out;
		if (++q > 4) [year, q] = [year + 1, 1];
	}
}

const INDICATOR_ROWS: Record<string, string>[] = [
	{
		indicator_code: PLAN,
		indicator_title: 'Stage of the local protection plan in each territory',
		result_code: 'PO3-OC2',
		category: 'capacity',
		direction: 'increase',
		measure: 'milestone',
		frequency: 'quarter',
		tier: 'I',
		data_source: 'Demo Civil Affairs reports (fictional)',
		component: 'Civil Affairs;POC Unit',
		definition:
			'The stage the territory’s local protection plan has reached at the end of the quarter: drafted with communities, adopted by the territorial security council, implemented (its measures funded and under way). Province and mission figures count the territories at each stage.',
		sensitivity: 'internal',
		indicator_title_fr: 'Étape du plan local de protection dans chaque territoire',
		definition_fr:
			'L’étape atteinte par le plan local de protection du territoire à la fin du trimestre : rédigé avec les communautés, adopté par le conseil territorial de sécurité, mis en œuvre (ses mesures financées et en cours). Les chiffres des provinces et de la mission comptent les territoires à chaque étape.',
		stages: 'drafted;adopted;implemented',
		stages_fr: 'rédigé;adopté;mis en œuvre'
	},
	{
		indicator_code: BENCHMARK,
		indicator_title:
			'Transition benchmark: state authorities lead the protection of civilians in Amberlake',
		result_code: 'PO3-OC2',
		category: 'capacity',
		direction: 'increase',
		measure: 'milestone',
		frequency: 'half',
		tier: 'I',
		data_source: 'Demo transition task force (fictional)',
		component: 'Political Affairs',
		definition:
			'Whether the benchmark of the mission’s transition plan is met at the end of the half-year, as assessed by the joint transition task force.',
		sensitivity: 'internal',
		indicator_title_fr:
			'Critère de transition : les autorités de l’État dirigent la protection des civils en Amberlake',
		definition_fr:
			'Si le critère du plan de transition de la mission est atteint à la fin du semestre, selon l’évaluation de l’équipe spéciale conjointe de transition.',
		stages: 'not met;met',
		stages_fr: 'non atteint;atteint'
	}
];

function observationRows(): Record<string, string>[] {
	const rows: Record<string, string>[] = [];
	const figure = (period: string, area: string, value: string, type: 'actual' | 'target') =>
		rows.push({ indicator_code: '', period, area_code: area, value, value_type: type });
	for (const { territory, steps } of PLANS) {
		let stage: Stage = steps[0]![1];
		for (const quarter of quartersFrom(steps[0]![0], LAST_QUARTER)) {
			stage = steps.find(([q]) => q === quarter)?.[1] ?? stage;
			figure(quarter, territory, stage, 'actual');
		}
		for (const [quarter, target] of PLAN_TARGETS) figure(quarter, territory, target, 'target');
	}
	for (const row of rows) row.indicator_code = PLAN;
	// assessed every half-year since the transition plan was agreed in 2022
	const benchmark: [string, string, 'actual' | 'target'][] = [
		...['2022-H1', '2022-H2', '2023-H1', '2023-H2', '2024-H1', '2024-H2', '2025-H1'].map(
			(half): [string, string, 'actual'] => [half, 'not met', 'actual']
		),
		['2025-H2', 'met', 'actual'],
		['2026-H1', 'met', 'actual'],
		['2025-H2', 'met', 'target']
	];
	for (const [period, value, type] of benchmark) {
		rows.push({ indicator_code: BENCHMARK, period, area_code: '', value, value_type: type });
	}
	return rows;
}

/** The demo's milestone files: an indicators file and an observations file. */
export function demoMilestoneFiles(): { name: string; content: string }[] {
	const columns = [...INDICATOR_COLUMNS, ...INDICATOR_FRENCH_COLUMNS, ...INDICATOR_STAGE_COLUMNS];
	return [
		{
			name: 'milestone-indicators.csv',
			content: Papa.unparse(INDICATOR_ROWS, { columns, newline: '\n' })
		},
		{
			name: 'milestone-observations.csv',
			content: Papa.unparse(observationRows(), {
				columns: ['indicator_code', 'period', 'area_code', 'value', 'value_type'],
				newline: '\n'
			})
		}
	];
}
