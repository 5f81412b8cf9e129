// The fictional mission's planned outputs and resources for the RBB performance report, as the
// `outputs` and `resources` files a planner and the finance office would import (docs/formats.md
// "Outputs", "Resources"). Hand-written rather than drawn at random, so each case the report
// shows is there on purpose: quantities and deliverables, outputs delivered below plan with
// remarks (in both languages), a year still being delivered, and resources within the 5 %
// threshold, above it with the SPU's explanation, and above it without one (the draft then says
// "explanation required" and cannot be issued until it is written).

import Papa from 'papaparse';
import { OUTPUT_COLUMNS, RESOURCE_COLUMNS } from '../../domain/columns';

type Plan = [
	code: string,
	planned: string,
	completed: string,
	remarks?: string,
	remarksFr?: string
];

/** Completed budget years: what was planned and delivered. */
const DELIVERED: Record<string, Plan[]> = {
	'FY2023/24': [
		['PO1-OP1', '1800', '1742'],
		['PO1-OP2', '6', '6'],
		['PO1-OP3', '95', '91'],
		['PO1-OP4', '24', '24'],
		['PO1-OP5', '300', '315'],
		['PO2-OP1', '40', '44'],
		['PO2-OP2', 'yes', 'yes'],
		['PO2-OP3', '120', '118'],
		['PO2-OP4', 'yes', 'yes'],
		['PO3-OP1', '12', '12'],
		[
			'PO3-OP2',
			'8',
			'6',
			'Two sessions postponed by the courts’ recess',
			'Deux audiences reportées pendant les vacances judiciaires'
		],
		['PO3-OP3', '60', '63'],
		[
			'PO3-OP4',
			'yes',
			'no',
			'Negotiations suspended after the armed group split',
			'Négociations suspendues après la scission du groupe armé'
		]
	],
	'FY2024/25': [
		['PO1-OP1', '1900', '1911'],
		[
			'PO1-OP2',
			'6',
			'5',
			'One base delayed by the early rains',
			'Une base retardée par les pluies précoces'
		],
		['PO1-OP3', '95', '96'],
		['PO1-OP4', '24', '22'],
		['PO1-OP5', '320', '320'],
		['PO2-OP1', '45', '47'],
		['PO2-OP2', 'yes', 'yes'],
		['PO2-OP3', '120', '124'],
		['PO2-OP4', 'yes', 'yes'],
		['PO3-OP1', '12', '12'],
		['PO3-OP2', '8', '8'],
		['PO3-OP3', '64', '64'],
		['PO3-OP4', 'yes', 'yes']
	],
	'FY2025/26': [
		[
			'PO1-OP1',
			'2000',
			'1684',
			'Two axes closed by the rainy season from August to October; patrols resumed in November',
			'Deux axes fermés par la saison des pluies d’août à octobre ; les patrouilles ont repris en novembre'
		],
		['PO1-OP2', '6', '6'],
		['PO1-OP3', '95', '97'],
		[
			'PO1-OP4',
			'30',
			'24',
			'Two training cycles postponed at the request of the host authorities',
			'Deux cycles de formation reportés à la demande des autorités hôtes'
		],
		['PO1-OP5', '320', '342'],
		['PO2-OP1', '48', '48'],
		['PO2-OP2', 'yes', 'yes'],
		['PO2-OP3', '120', '120'],
		[
			'PO2-OP4',
			'yes',
			'no',
			'Assessment deferred: access to the return areas was refused by the local authorities',
			'Évaluation reportée : l’accès aux zones de retour a été refusé par les autorités locales'
		],
		['PO3-OP1', '12', '12'],
		['PO3-OP2', '10', '9'],
		['PO3-OP3', '64', '71'],
		['PO3-OP4', 'yes', 'yes']
	],
	// the year in progress: planned, nothing completed yet
	'FY2026/27': [
		['PO1-OP1', '2000', ''],
		['PO1-OP4', '30', ''],
		['PO2-OP4', 'yes', ''],
		['PO3-OP4', 'yes', '']
	]
};

type Money = [
	subject: { objective: string } | { component: string },
	category: string,
	apportionment: string,
	expenditure: string,
	explanation?: string
];

const MILITARY = 'Military and police personnel';
const CIVILIAN = 'Civilian personnel';
const OPERATIONAL = 'Operational costs';

const RESOURCES: Record<string, Money[]> = {
	'FY2024/25': [
		[{ objective: 'PO1' }, MILITARY, '48,200,000.00', '47,650,300.00'],
		[{ objective: 'PO1' }, OPERATIONAL, '12,400,000.00', '12,950,000.00'],
		[{ objective: 'PO2' }, CIVILIAN, '6,100,000.00', '5,870,000.00'],
		[
			{ objective: 'PO3' },
			CIVILIAN,
			'7,800,000.00',
			'6,900,000.00',
			'High vacancy rate of human rights officers (18 % against 10 % budgeted)'
		],
		[{ component: 'UNMAS' }, OPERATIONAL, '3,000,000.00', '2,940,000.00']
	],
	'FY2025/26': [
		[{ objective: 'PO1' }, MILITARY, '49,500,000.00', '48,905,000.00'],
		[
			{ objective: 'PO1' },
			OPERATIONAL,
			'12,800,000.00',
			'14,210,000.00',
			'Additional air assets for the dry-season deployment of temporary operating bases'
		],
		[{ objective: 'PO2' }, CIVILIAN, '6,300,000.00', '6,150,000.00'],
		[{ objective: 'PO2' }, OPERATIONAL, '2,100,000.00', '1,680,000.00'],
		[{ objective: 'PO3' }, CIVILIAN, '8,000,000.00', '7,850,000.00'],
		[{ component: 'UNMAS' }, OPERATIONAL, '3,200,000.00', '3,150,000.00']
	]
};

export function demoOutputsFile(): { name: string; content: string } {
	const rows = Object.entries(DELIVERED).flatMap(([year, plans]) =>
		plans.map(([code, planned, completed, remarks = '', remarksFr = '']) => [
			code,
			year,
			planned,
			completed,
			remarks,
			remarksFr
		])
	);
	return {
		name: 'outputs.csv',
		content: Papa.unparse({ fields: [...OUTPUT_COLUMNS], data: rows })
	};
}

export function demoResourcesFile(): { name: string; content: string } {
	const rows = Object.entries(RESOURCES).flatMap(([year, lines]) =>
		lines.map(([subject, category, apportionment, expenditure, explanation = '']) => [
			year,
			'component' in subject ? subject.component : '',
			'objective' in subject ? subject.objective : '',
			category,
			apportionment,
			expenditure,
			explanation
		])
	);
	return {
		name: 'resources.csv',
		content: Papa.unparse({ fields: [...RESOURCE_COLUMNS], data: rows })
	};
}
