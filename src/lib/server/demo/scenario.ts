// The story the demo figures tell, indicator by indicator: levels and trends, where things
// happen, the dry season, one attack and one wave of clashes, access gaps, and how ambitious the
// targets are. The trends are set against the targets on purpose so that a newcomer sees
// indicators that are achieved, on track and off track, and some that turn around.

import type { Dimension } from './mission';

/** Where an indicator's figures concentrate; the weights are relative, per territory. */
export type Theatre =
	'armed' | 'communal' | 'mines' | 'rights' | 'displacement' | 'alerts' | 'remote' | 'even';

export const WEIGHTS: Record<Theatre, Record<string, number>> = {
	// armed groups operate around Lake Ambrel, in the east
	armed: weights(26, 24, 20, 10, 6, 9, 2, 3),
	// farmers and herders clash in the Kestrelmark highlands
	communal: weights(4, 3, 5, 27, 25, 22, 4, 10),
	mines: weights(22, 18, 25, 8, 7, 12, 3, 5),
	rights: weights(20, 15, 10, 15, 10, 8, 14, 8),
	displacement: weights(22, 20, 12, 14, 14, 10, 4, 4),
	alerts: weights(15, 14, 12, 18, 15, 14, 5, 7),
	// how far from roads and bases: slows responses down
	remote: weights(1, 0.9, 1.4, 0.9, 1.1, 1.4, 0.6, 0.8),
	even: weights(1, 1, 1, 1, 1, 1, 1, 1)
};

function weights(...values: number[]): Record<string, number> {
	const codes = [
		'AMB-DUN',
		'AMB-ORR',
		'AMB-SAB',
		'KES-QUI',
		'KES-FEN',
		'KES-BRA',
		'SOL-MIR',
		'SOL-PEL'
	];
	return Object.fromEntries(codes.map((code, i) => [code, values[i] ?? 0]));
}

export interface Story {
	/**
	 * Expected mission-wide value per reporting period, as [decimal year, value] knots joined by
	 * straight lines (flat beyond the ends): a count per period, a percent, or a number. For
	 * `number` indicators it is the average over areas, as the contract combines them; for
	 * `average` ones the mean over the items of all areas.
	 */
	path: [number, number][];
	theatre: Theatre;
	/** the area level the figures are reported at */
	level: 'territory' | 'province' | 'mission';
	/** amplitude of the dry-season swing: highest in February, lowest in August */
	season?: number;
	/**
	 * How much areas differ: for `percent`, percentage points per unit of relative weight (negative
	 * = lower where the theatre weighs more); for `number`, the relative spread of the area factor.
	 */
	spread?: number;
	/** perception surveys: women minus men, in percentage points */
	sexGap?: number;
	/** `number` and stock counts: relative noise (standard deviation) */
	noise?: number;
	/** decimals of `number` values */
	decimals?: number;
	/** shares of each dimension's categories, in the order of DIMENSION_VALUES */
	shares?: Partial<Record<Dimension, number[]>>;
	/**
	 * `percent` from counts: fixed per area, Poisson around a mission-wide mean, or 1 per area;
	 * `average`: its items (alerts answered), Poisson around a mission-wide mean
	 */
	denominator?: { fixed: Record<string, number> } | { mean: number } | 'unit';
	/** perception surveys: respondents per row, roughly */
	sampleSize?: number;
	/** recent figures may be unverified; this scales how many (absent: no verification status) */
	unverified?: number;
	/** targets change per year by this much: relative for counts, rates and numbers, else points */
	target: number;
}

export const STORIES: Record<string, Story> = {
	// PO1: armed groups recede until 2024, then come back in 2025–2026
	'1.2.1': {
		path: [
			[2021.5, 96],
			[2023.5, 72],
			[2024.9, 58],
			[2026, 66],
			[2026.75, 74]
		],
		theatre: 'armed',
		level: 'territory',
		season: 0.25,
		shares: { sex: [0.38, 0.62], age: [0.24, 0.76] },
		unverified: 1,
		target: -0.1
	},
	'1.1.1': {
		path: [
			[2021.5, 34],
			[2023, 24],
			[2024.5, 19],
			[2025.5, 28],
			[2026.75, 38]
		],
		theatre: 'armed',
		level: 'territory',
		season: 0.2,
		shares: { perpetrator: [0.68, 0.32] },
		unverified: 1,
		target: -0.1
	},
	'1.3.6': {
		path: [
			[2021.5, 64],
			[2024, 53],
			[2026.5, 50]
		],
		theatre: 'armed',
		level: 'province',
		spread: 6,
		sexGap: 3,
		sampleSize: 220,
		target: -3
	},
	'1.2.2': {
		path: [
			[2021.5, 9],
			[2026.75, 4]
		],
		theatre: 'mines',
		level: 'territory',
		season: 0.15,
		shares: { age: [0.45, 0.55] },
		unverified: 1,
		target: -0.1
	},
	'1.3.5': {
		path: [
			[2021.5, 14.2],
			[2026.75, 6.4]
		],
		theatre: 'mines',
		level: 'territory',
		spread: 0.9,
		noise: 0.03,
		target: -0.12
	},
	'PO1-K1': {
		path: [
			[2021.5, 38],
			[2023.5, 55],
			[2026.75, 68]
		],
		theatre: 'armed',
		level: 'territory',
		spread: -6,
		denominator: { fixed: weights(9, 8, 11, 6, 5, 7, 2, 3) },
		target: 5
	},
	'2.2.2': {
		path: [
			[2021.5, 31],
			[2024, 42],
			[2026.75, 47]
		],
		theatre: 'alerts',
		level: 'territory',
		spread: -4,
		denominator: { mean: 70 },
		target: 4
	},
	// an average over alerts answered: remote territories answer slower
	'2.2.3': {
		path: [
			[2021.5, 4.8],
			[2026.75, 3.1]
		],
		theatre: 'remote',
		level: 'territory',
		spread: 1,
		noise: 0.12,
		denominator: { mean: 60 },
		target: -0.1
	},
	// clearance slows down in 2025 when a donor-funded national team is stood down
	'2.2.6': {
		path: [
			[2021.5, 0.4],
			[2022.5, 0.45],
			[2024, 0.9],
			[2025, 0.75],
			[2026.75, 1.1]
		],
		theatre: 'mines',
		level: 'territory',
		spread: 0.8,
		noise: 0.2,
		decimals: 2,
		target: 0.2
	},
	'PO1-K2': {
		path: [
			[2021.5, 22],
			[2023, 35],
			[2026.75, 41]
		],
		theatre: 'armed',
		level: 'territory',
		spread: 0.6,
		noise: 0.1,
		decimals: 0,
		target: 0.14
	},
	'PO1-K3': {
		path: [
			[2021.5, 40],
			[2026.75, 85]
		],
		theatre: 'alerts',
		level: 'territory',
		target: 0.18
	},
	// training stalls after a funding cut in 2024
	'2.3.5': {
		path: [
			[2021.5, 30],
			[2023.5, 55],
			[2026.75, 38]
		],
		theatre: 'mines',
		level: 'territory',
		shares: { sex: [0.14, 0.86] },
		target: 0.1
	},
	// PO2: intercommunal violence dips, then rises again with every dry season
	'1.2.7': {
		path: [
			[2021.5, 21],
			[2023, 15],
			[2024.5, 19],
			[2026.75, 25]
		],
		theatre: 'communal',
		level: 'territory',
		season: 0.45,
		shares: { sex: [0.33, 0.67] },
		unverified: 1,
		target: -0.08
	},
	'1.2.8': {
		path: [
			[2021.5, 26],
			[2023, 20],
			[2024.5, 22],
			[2026.75, 28]
		],
		theatre: 'communal',
		level: 'territory',
		season: 0.5,
		unverified: 1,
		target: -0.08
	},
	'3.2.5': {
		path: [
			[2021.5, 41],
			[2026.5, 50]
		],
		theatre: 'communal',
		level: 'province',
		spread: -5,
		sexGap: -2,
		sampleSize: 200,
		target: 2
	},
	'1.2.11': {
		path: [
			[2021.5, 182_000],
			[2023, 151_000],
			[2024.5, 139_000],
			[2026.75, 121_000]
		],
		theatre: 'displacement',
		level: 'territory',
		noise: 0.04,
		target: -0.06
	},
	'3.3.4': {
		path: [
			[2021.5, 58],
			[2024, 70],
			[2026.75, 78]
		],
		theatre: 'communal',
		level: 'territory',
		spread: -8,
		denominator: { fixed: weights(12, 9, 7, 14, 10, 8, 20, 11) },
		target: 3
	},
	'3.1.1': {
		path: [
			[2021.5, 47],
			[2026.75, 63]
		],
		theatre: 'communal',
		level: 'territory',
		spread: -4,
		denominator: { mean: 90 },
		target: 4
	},
	'3.2.1': {
		path: [
			[2021.5, 25],
			[2026.75, 88]
		],
		theatre: 'even',
		level: 'territory',
		denominator: 'unit',
		target: 15
	},
	'3.2.2': {
		path: [
			[2021.5, 18],
			[2026.75, 46]
		],
		theatre: 'even',
		level: 'territory',
		denominator: { fixed: weights(6, 5, 4, 8, 7, 5, 3, 4) },
		target: 7
	},
	'PO2-K1': {
		path: [
			[2021.5, 14],
			[2026.75, 22]
		],
		theatre: 'communal',
		level: 'territory',
		season: 0.3,
		target: 0.1
	},
	'PO2-K2': {
		path: [
			[2021.5, 60],
			[2026.75, 90]
		],
		theatre: 'communal',
		level: 'territory',
		shares: { sex: [0.42, 0.58] },
		target: 0.08
	},
	// PO3: violations fall, accountability and trust lag behind their targets
	'1.2.4': {
		path: [
			[2021.5, 48],
			[2026.75, 27]
		],
		theatre: 'rights',
		level: 'territory',
		season: 0.15,
		shares: { perpetrator: [0.6, 0.4] },
		unverified: 1,
		target: -0.08
	},
	'1.2.5': {
		path: [
			[2021.5, 30],
			[2026.75, 26]
		],
		theatre: 'armed',
		level: 'territory',
		shares: { age: [0.3, 0.7] },
		unverified: 1,
		target: -0.1
	},
	'1.3.7': {
		path: [
			[2021.5, 44],
			[2026.5, 57]
		],
		theatre: 'armed',
		level: 'province',
		spread: -6,
		sampleSize: 260,
		target: 3
	},
	'1.2.6': {
		path: [
			[2021.5, 19],
			[2024, 13],
			[2026.75, 16]
		],
		theatre: 'armed',
		level: 'territory',
		shares: { perpetrator: [0.86, 0.14] },
		// verification of grave violations takes longer than that of other incidents
		unverified: 1.5,
		target: -0.1
	},
	'1.3.2': {
		path: [
			[2021.5, 35],
			[2024, 60],
			[2026.75, 48]
		],
		theatre: 'armed',
		level: 'territory',
		shares: { sex: [0.2, 0.8] },
		unverified: 1,
		target: 0.08
	},
	'2.3.1': {
		path: [
			[2021.5, 12],
			[2026.75, 21]
		],
		theatre: 'rights',
		level: 'province',
		spread: -3,
		denominator: { mean: 120 },
		target: 3
	},
	'2.3.4': {
		path: [
			[2021.5, 4],
			[2026.75, 11]
		],
		theatre: 'even',
		level: 'mission',
		target: 0.15
	},
	'2.3.2': {
		path: [
			[2021.5, 33],
			[2023.5, 39],
			[2026.5, 36]
		],
		theatre: 'even',
		level: 'mission',
		sexGap: -3,
		sampleSize: 600,
		target: 2.5
	},
	'PO3-K1': {
		path: [
			[2021.5, 18],
			[2026.75, 26]
		],
		theatre: 'rights',
		level: 'territory',
		target: 0.06
	},
	'PO3-K2': {
		path: [
			[2021.5, 6],
			[2023.5, 14],
			[2026.75, 19]
		],
		theatre: 'rights',
		level: 'province',
		target: 0.2
	}
};

/** A sudden event: figures of the listed indicators in one area multiply, month by month. */
export interface Shock {
	area: string;
	/** YYYY-MM of the first month hit */
	start: string;
	factors: number[];
	codes: string[];
	comment: string;
}

export const SHOCKS: Shock[] = [
	{
		area: 'AMB-ORR',
		start: '2024-03',
		factors: [6, 2.5, 1.4],
		codes: ['1.2.1', '1.1.1', '1.2.4', '1.2.6'],
		comment: 'Spike: armed group attack on the Orrin Falls displacement site (fictional event)'
	},
	{
		area: 'AMB-ORR',
		start: '2024-03',
		factors: [1.9, 2.2, 2.1, 1.9, 1.7, 1.55, 1.4, 1.3, 1.2, 1.1, 1.05],
		codes: ['1.2.11'],
		comment: 'New displacement after the attack on the Orrin Falls site (fictional event)'
	},
	{
		area: 'KES-FEN',
		start: '2025-02',
		factors: [4.5, 2.2, 1.3],
		codes: ['1.2.7', '1.2.8'],
		comment:
			'Spike: clashes between farming and herding communities around Fennoway (fictional event)'
	}
];

/**
 * Periods without figures. The comment goes on the area's first figures after the gap, because a
 * missing row cannot carry one. `codes` limits a gap to some indicators.
 */
export interface Gap {
	area: string;
	from: string;
	to: string;
	codes?: string[];
	comment: string;
}

export const GAPS: Gap[] = [
	{
		area: 'AMB-SAB',
		from: '2023-07',
		to: '2023-09',
		comment: 'No access to Sabelle Hills in Q3 2023 (July to September): no figures (fictional)'
	},
	{
		area: 'KES-BRA',
		from: '2025-01',
		to: '2025-03',
		comment: 'No access to Brackenford in Q1 2025, roads cut by floods: no figures (fictional)'
	},
	{
		area: 'KES',
		from: '2024-01',
		to: '2024-06',
		codes: ['1.3.6', '3.2.5', '1.3.7'],
		comment: 'No survey in Kestrelmark in 2024-H1: fieldwork suspended for insecurity (fictional)'
	},
	{
		area: '',
		from: '2022-10',
		to: '2022-12',
		codes: ['2.3.4'],
		comment: 'National records for 2022-Q4 were never received (fictional)'
	}
];
