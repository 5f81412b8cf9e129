// The demo mission's lists (formats.md §5): an incident log (one row per incident) and a
// KoboToolbox-style perception survey export (one row per respondent), with the rules file that
// says how their rows become figures. They are drawn from the very figures the generator made
// for the indicators they feed, so the demo tells the same story whichever way it is loaded,
// and a newcomer sees the whole path: sources, rules, list batches in the import history.
// Pure and seeded like the rest of the generator: the same seed gives byte-identical files.

import Papa from 'papaparse';
import { RULE_COLUMNS } from '../../domain/columns';
import { AREAS, PROVINCES, TERRITORIES } from './mission';
import { monthIndex, monthOfYear } from './periods';
import { poisson, streamFor, type Rng } from './random';

type Row = Record<string, string>;

export const INCIDENT_SOURCE = 'demo-incident-log';
export const SURVEY_SOURCE = 'demo-perception-survey';

/** The indicators whose actual figures come from the lists rather than observations.csv. */
export const LIST_FED = { incidents: '1.2.8', survey: '1.3.7' } as const;

/** The incident types the rule of 1.2.8 counts (intercommunal violence), and others it does not. */
const COUNTED_TYPES = ['Intercommunal clash', 'Cattle raid with violence', 'Revenge killing'];
const OTHER_TYPES = ['Armed robbery', 'Armed group attack', 'Road ambush', 'Arson'];

const SUMMARIES: Record<string, string[]> = {
	'Intercommunal clash': [
		'Clash between farming and herding groups over a water point (fictional)',
		'Fighting between two villages after a land dispute (fictional)'
	],
	'Cattle raid with violence': [
		'Cattle taken at night, herders wounded (fictional)',
		'Raid on a cattle camp, shots fired (fictional)'
	],
	'Revenge killing': ['Killing in retaliation for an earlier attack (fictional)'],
	'Armed robbery': ['Shop robbed at gunpoint on market day (fictional)'],
	'Armed group attack': ['Armed group fired on a checkpoint (fictional)'],
	'Road ambush': ['Trucks stopped and looted on the main road (fictional)'],
	Arson: ['Granary set on fire at night (fictional)']
};

const RULES: Row[] = [
	{
		source: INCIDENT_SOURCE,
		indicator_code: LIST_FED.incidents,
		value: 'count',
		date_column: 'incident_date',
		area_column: 'territory',
		where: `incident_type=${COUNTED_TYPES.join('|')}`
	},
	{
		source: SURVEY_SOURCE,
		indicator_code: LIST_FED.survey,
		// the question alone: the rule finds it inside its KoboToolbox group
		value: 'share(safe_alone=yes)',
		date_column: '_submission_time',
		area_column: 'province',
		where: 'sex=female'
	}
];

export interface DemoList {
	source: string;
	name: string;
	content: string;
}

export interface DemoLists {
	rules: string;
	lists: DemoList[];
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(month: number): number {
	const year = Math.floor(month / 12);
	return new Date(Date.UTC(year, monthOfYear(month), 0)).getUTCDate();
}

function dayOf(rng: Rng, month: number): string {
	const day = 1 + Math.floor(rng() * daysIn(month));
	return `${Math.floor(month / 12)}-${pad(monthOfYear(month))}-${pad(day)}`;
}

function csvText(fields: readonly string[], rows: Row[]): string {
	const data = rows.map((row) => fields.map((field) => row[field] ?? ''));
	return `${Papa.unparse({ fields: [...fields], data }, { delimiter: ',', newline: '\n' })}\n`;
}

/**
 * The lists of the demo, from the actual figures generated for the indicators they feed:
 * `figures` are observation rows (those of LIST_FED's indicators are read, others ignored).
 */
export function demoLists(seed: number, figures: readonly Row[]): DemoLists {
	const actual = (code: string) =>
		figures.filter((r) => r.indicator_code === code && r.value_type === 'actual');
	return {
		rules: csvText(RULE_COLUMNS, RULES),
		lists: [
			{
				source: INCIDENT_SOURCE,
				name: 'incident-log.csv',
				content: incidentLog(seed, actual(LIST_FED.incidents))
			},
			{
				source: SURVEY_SOURCE,
				name: 'perception-survey.csv',
				content: perceptionSurvey(seed, actual(LIST_FED.survey))
			}
		]
	};
}

const INCIDENT_COLUMNS = ['incident_id', 'incident_date', 'territory', 'incident_type', 'summary'];

/**
 * One row per incident: each monthly figure of a territory becomes that many counted incidents
 * on days of its month, beside incidents of other types the rule leaves out. Every territory
 * has some incident in the first month, so the list covers every territory from its start.
 */
function incidentLog(seed: number, figures: Row[]): string {
	const rng = streamFor(seed, 'list', 'incident-log');
	const nameOf = new Map(AREAS.map((a) => [a.code, a.name]));
	const months = figures.map((f) => monthIndex(f.period!));
	const first = Math.min(...months);
	const last = Math.max(...months);
	const rows: Row[] = [];
	const incident = (month: number, territory: string, type: string) => {
		rows.push({
			incident_date: dayOf(rng, month),
			// most records name the territory, some give its code, as real logs mix them
			territory: rng() < 0.85 ? nameOf.get(territory)! : territory,
			incident_type: type,
			summary: pick(rng, SUMMARIES[type]!)
		});
	};
	for (const f of figures) {
		const month = monthIndex(f.period!);
		for (let i = 0; i < Number(f.value); i++)
			incident(month, f.area_code!, pick(rng, COUNTED_TYPES));
	}
	for (let month = first; month <= last; month++) {
		for (const t of TERRITORIES) {
			const others = month === first ? 1 : poisson(rng, 0.4);
			for (let i = 0; i < others; i++) incident(month, t.code, pick(rng, OTHER_TYPES));
		}
	}
	rows.sort(
		(a, b) =>
			a.incident_date!.localeCompare(b.incident_date!) || a.territory!.localeCompare(b.territory!)
	);
	rows.forEach((r, i) => (r.incident_id = `INC-${String(i + 1).padStart(5, '0')}`));
	return csvText(INCIDENT_COLUMNS, rows);
}

const SURVEY_COLUMNS = [
	'_id',
	'_submission_time',
	'group_location/province',
	'group_respondent/sex',
	'group_respondent/age_group',
	'group_safety/safe_alone',
	'group_safety/comments'
];

const AGE_GROUPS = ['15-24', '25-49', '50+'];
const COMMENTS = [
	'',
	'',
	'',
	'Feels safer since the patrols started (fictional)',
	'Avoids the road to the fields at night (fictional)'
];

/**
 * One row per respondent, as KoboToolbox exports it (group paths, `_submission_time`). Each
 * half-yearly figure of a province (share of women who feel safe, out of its sample) becomes
 * that many women answering `yes` or `no`, a few who gave no answer, and as many men, whom the
 * rule leaves out. Fieldwork runs in the half's second and third months.
 */
function perceptionSurvey(seed: number, figures: Row[]): string {
	const rng = streamFor(seed, 'list', 'perception-survey');
	const nameOf = new Map(PROVINCES.map((a) => [a.code, a.name]));
	const rows: Row[] = [];
	const respondent = (firstMonth: number, province: string, sex: string, answer: string) => {
		const date = dayOf(rng, firstMonth + 1 + Math.floor(rng() * 2));
		const time = `${pad(7 + Math.floor(rng() * 10))}:${pad(Math.floor(rng() * 60))}:${pad(Math.floor(rng() * 60))}`;
		rows.push({
			_submission_time: `${date}T${time}.000+01:00`,
			'group_location/province': nameOf.get(province)!,
			'group_respondent/sex': sex,
			'group_respondent/age_group': pick(rng, AGE_GROUPS),
			'group_safety/safe_alone': answer,
			'group_safety/comments': pick(rng, COMMENTS)
		});
	};
	for (const f of figures) {
		const [year, half] = f.period!.split('-H').map(Number);
		const firstMonth = year! * 12 + (half! - 1) * 6;
		const sample = Number(f.sample_size);
		const yes = Math.round((Number(f.value) * sample) / 100);
		for (let i = 0; i < sample; i++)
			respondent(firstMonth, f.area_code!, 'female', i < yes ? 'yes' : 'no');
		const unanswered = poisson(rng, sample * 0.03);
		for (let i = 0; i < unanswered; i++) respondent(firstMonth, f.area_code!, 'female', '');
		for (let i = 0; i < sample; i++) {
			respondent(firstMonth, f.area_code!, 'male', rng() < 0.6 ? 'yes' : 'no');
		}
	}
	rows.sort((a, b) => a._submission_time!.localeCompare(b._submission_time!));
	rows.forEach((r, i) => (r._id = String(100001 + i)));
	return csvText(SURVEY_COLUMNS, rows);
}
