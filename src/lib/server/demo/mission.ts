// What the fictional demo mission is made of: its areas, its results framework and its indicators.
// Everything is invented; the place names must never be mistaken for real ones. How the figures
// behave over time lives in scenario.ts.

import { directionOfWording } from '../../domain/dpo-catalogue';
import type { Measure, ResultLevel, Tier } from '../../domain/vocabulary';
import type { Frequency } from './periods';

export const COUNTRY = 'Republic of Corvania';

// ---------------------------------------------------------------------------------------------
// Areas: three provinces, eight territories. Populations are given for territories only; the
// contract sums children for provinces and for the mission.

export interface DemoArea {
	code: string;
	name: string;
	/** blank for provinces (top level) */
	parent: string;
	level: 'province' | 'territory';
	population2021?: number;
	/** yearly growth, e.g. 0.025 */
	growth?: number;
}

export const POPULATION_YEARS = [2021, 2022, 2023, 2024, 2025, 2026];

export const AREAS: DemoArea[] = [
	{ code: 'AMB', name: 'Amberlake', parent: '', level: 'province' },
	{ code: 'KES', name: 'Kestrelmark', parent: '', level: 'province' },
	{ code: 'SOL', name: 'Solvanne', parent: '', level: 'province' },
	territory('AMB-DUN', 'Dunmarrow', 'AMB', 312_400, 0.028),
	territory('AMB-ORR', 'Orrin Falls', 'AMB', 186_900, 0.03),
	territory('AMB-SAB', 'Sabelle Hills', 'AMB', 97_300, 0.024),
	territory('KES-QUI', 'Quillhaven', 'KES', 241_800, 0.026),
	territory('KES-FEN', 'Fennoway', 'KES', 128_600, 0.029),
	territory('KES-BRA', 'Brackenford', 'KES', 74_200, 0.022),
	territory('SOL-MIR', 'Mirrowgate', 'SOL', 455_000, 0.025),
	territory('SOL-PEL', 'Pellinor', 'SOL', 163_500, 0.021)
];

function territory(
	code: string,
	name: string,
	parent: string,
	population2021: number,
	growth: number
): DemoArea {
	return { code, name, parent, level: 'territory', population2021, growth };
}

export const PROVINCES = AREAS.filter((area) => area.level === 'province');
export const TERRITORIES = AREAS.filter((area) => area.level === 'territory');

export function population(area: DemoArea, year: number): number | undefined {
	if (area.population2021 === undefined || area.growth === undefined) return undefined;
	return Math.round(area.population2021 * (1 + area.growth) ** (year - 2021));
}

/** The whole country's population in a year: what a mission-wide rate divides by. */
export function missionPopulation(year: number): number {
	return TERRITORIES.reduce((sum, area) => sum + (population(area, year) ?? 0), 0);
}

// ---------------------------------------------------------------------------------------------
// Results framework: objective → impact (driver of change) → outcome (critical condition) → output.

export interface DemoResult {
	code: string;
	level: ResultLevel;
	title: string;
	parent: string;
	driver?: string;
	condition?: string;
	component?: string;
	tier?: Tier;
	description?: string;
}

const objective = (code: string, title: string, tier: Tier, description: string): DemoResult => ({
	code,
	level: 'objective',
	title,
	parent: '',
	tier,
	description
});
const impact = (code: string, parent: string, title: string, driver: string, tier: Tier) =>
	({ code, level: 'impact', title, parent, driver, tier }) satisfies DemoResult;
const outcome = (code: string, parent: string, title: string, condition: string, tier: Tier) =>
	({ code, level: 'outcome', title, parent, condition, tier }) satisfies DemoResult;
const output = (code: string, parent: string, title: string, component: string, tier: Tier) =>
	({ code, level: 'output', title, parent, component, tier }) satisfies DemoResult;

export const FRAMEWORK: DemoResult[] = [
	objective(
		'PO1',
		'Civilians in the eastern provinces are protected from physical violence',
		'II',
		`Amberlake and Kestrelmark, the two eastern provinces of the fictional ${COUNTRY}, where armed groups attack villages, roads and displacement sites.`
	),
	impact(
		'PO1-IM1',
		'PO1',
		'Threat posed by armed groups to civilians decreases',
		'Threat posed by armed groups decreases',
		'II'
	),
	outcome(
		'PO1-OC1',
		'PO1-IM1',
		'National security forces are present in high-risk localities',
		'Effective presence of national security forces',
		'II'
	),
	output(
		'PO1-OP1',
		'PO1-OC1',
		'Joint patrols with national security forces conducted in high-risk localities',
		'Force;JOC',
		'II'
	),
	output(
		'PO1-OP2',
		'PO1-OC1',
		'Temporary operating bases deployed to hotspots during the dry season',
		'Force',
		'II'
	),
	outcome(
		'PO1-OC2',
		'PO1-IM1',
		'Host authorities respond rapidly to alerts of protection threats',
		'Functioning early warning and rapid response chain',
		'II'
	),
	output(
		'PO1-OP3',
		'PO1-OC2',
		'Alerts of protection threats received, analysed and acted upon within 24 hours',
		'JOC;POC Unit;Force',
		'II'
	),
	output(
		'PO1-OP4',
		'PO1-OC2',
		'National police and army units trained in the protection of civilians',
		'UNPOL;Human Rights',
		'III'
	),
	impact(
		'PO1-IM2',
		'PO1',
		'Explosive hazards cause fewer civilian casualties',
		'Contamination of roads and farmland by explosive ordnance decreases',
		'III'
	),
	outcome(
		'PO1-OC3',
		'PO1-IM2',
		'National authorities clear contaminated land and communities know the risks',
		'National mine action capacity',
		'III'
	),
	output(
		'PO1-OP5',
		'PO1-OC3',
		'National security forces trained in explosive hazard mitigation',
		'UNMAS;UNPOL',
		'III'
	),
	objective(
		'PO2',
		'Communities in the highlands resolve disputes over land and cattle without violence',
		'I',
		'Farming and herding communities of the Kestrelmark highlands clash during the dry season (December to April), when herds move along the cattle corridors.'
	),
	impact(
		'PO2-IM1',
		'PO2',
		'Intercommunal violence between farming and herding communities decreases',
		'Competition over land, water and cattle corridors is managed peacefully',
		'II'
	),
	outcome(
		'PO2-OC1',
		'PO2-IM1',
		'Local mechanisms settle disputes peacefully',
		'Functioning local dispute resolution mechanisms',
		'I'
	),
	output(
		'PO2-OP1',
		'PO2-OC1',
		'Intercommunal dialogues and mediation sessions supported',
		'Civil Affairs',
		'I'
	),
	outcome(
		'PO2-OC2',
		'PO2-IM1',
		'Communities warn of threats early and act to prevent violence',
		'Community-based early warning networks with women among their members',
		'II'
	),
	output(
		'PO2-OP2',
		'PO2-OC2',
		'Community alert networks set up, trained and equipped',
		'Civil Affairs;POC Unit',
		'II'
	),
	output(
		'PO2-OP3',
		'PO2-OC2',
		'Cattle corridors monitored during the dry season',
		'Force;Civil Affairs;JMAC',
		'II'
	),
	impact(
		'PO2-IM2',
		'PO2',
		'Displaced people return and daily life resumes',
		'Insecurity on farmland, at markets and along roads decreases',
		'III'
	),
	outcome(
		'PO2-OC3',
		'PO2-IM2',
		'Areas of return are secure and markets function',
		'Security and basic services in areas of return',
		'III'
	),
	output(
		'PO2-OP4',
		'PO2-OC3',
		'Conditions for return assessed with humanitarian partners',
		'Civil Affairs;POC Unit',
		'III'
	),
	objective(
		'PO3',
		'A protective environment is established in which violations against civilians are prevented and perpetrators held accountable',
		'III',
		'Mission-wide: human rights violations, conflict-related sexual violence and grave violations against children, and the justice chain that answers them.'
	),
	impact(
		'PO3-IM1',
		'PO3',
		'Violations of human rights and international humanitarian law against civilians decrease',
		'Impunity of perpetrators, including members of state forces, decreases',
		'III'
	),
	outcome(
		'PO3-OC1',
		'PO3-IM1',
		'Perpetrators of violations are investigated, prosecuted and sanctioned',
		'Functioning justice chain in the provinces',
		'III'
	),
	output(
		'PO3-OP1',
		'PO3-OC1',
		'Human rights violations monitored, documented and reported',
		'Human Rights',
		'III'
	),
	output(
		'PO3-OP2',
		'PO3-OC1',
		'Mobile courts and investigations into serious crimes supported',
		'Human Rights;UNPOL',
		'III'
	),
	outcome(
		'PO3-OC2',
		'PO3-IM1',
		'People trust the host authorities to address their security concerns',
		'Trust between communities and host authorities',
		'I'
	),
	output(
		'PO3-OP3',
		'PO3-OC2',
		"Community security forums held with police, local authorities and women's groups",
		'Civil Affairs;UNPOL;POC Unit',
		'I'
	),
	impact(
		'PO3-IM2',
		'PO3',
		'Children are protected from grave violations',
		'Recruitment and use of children by armed groups decreases',
		'II'
	),
	outcome(
		'PO3-OC3',
		'PO3-IM2',
		'Children are released from armed groups and reintegrated',
		'Child protection and reintegration capacity',
		'III'
	),
	output(
		'PO3-OP4',
		'PO3-OC3',
		'Action plans to end child recruitment negotiated with armed groups and monitored',
		'Human Rights;Civil Affairs',
		'I'
	)
];

// ---------------------------------------------------------------------------------------------
// Indicators. Most are adopted from the DPO list (keeping its code and wording, placeholders
// filled); the `PO…-K…` ones are the mission's own. The good direction is read from the title.

export type Dimension = 'sex' | 'age' | 'perpetrator';

/** The categories each disaggregation dimension takes in the demo. */
export const DIMENSION_VALUES: Record<Dimension, readonly string[]> = {
	sex: ['female', 'male'],
	age: ['child', 'adult'],
	perpetrator: ['armed_group', 'state_forces']
};

export interface DemoIndicator {
	code: string;
	title: string;
	result: string;
	category: 'situation' | 'perception' | 'capacity';
	measure: Measure;
	aggregation?: 'sum' | 'last' | 'mean';
	frequency: Frequency;
	dimensions: Dimension[];
	tier: Tier;
	unit: string;
	dataSource: string;
	component: string;
	definition: string;
	sensitivity: 'public' | 'internal' | 'restricted';
}

const INCIDENTS = 'Demo incident database (fictional)';
const SURVEY = 'Demo perception survey (fictional)';
const MINES = 'Demo mine action database (fictional)';
const ALERTS = 'Demo JOC alert log (fictional)';
const RECORDS = 'Demo national records, checked by the mission (fictional)';
const DISPLACEMENT = 'Demo displacement tracking (fictional)';
const MRM = 'Demo MRM database (fictional)';
const ACTIVITIES = 'Demo mission activity reports (fictional)';
const MAPPING = 'Demo Civil Affairs mapping (fictional)';

export const INDICATORS: DemoIndicator[] = [
	// PO1 — armed-group violence in the east
	{
		code: '1.2.1',
		title:
			'Decrease in the number of recorded casualties (violent deaths and injuries) among civilians per 100,000 population in the country',
		result: 'PO1-IM1',
		category: 'situation',
		measure: 'per_100k',
		frequency: 'month',
		dimensions: ['sex', 'age'],
		tier: 'II',
		unit: 'casualties per 100,000',
		dataSource: INCIDENTS,
		component: 'Human Rights;Force;JOC;POC Unit',
		definition:
			'Civilians killed or injured in violent incidents in the month, per 100,000 population of the area; rows give the casualty count and the rate uses the area population.',
		sensitivity: 'public'
	},
	{
		code: '1.1.1',
		title:
			'Decrease in the number of violations of cease-fire agreements by conflict parties (at national and/or local level)',
		result: 'PO1-IM1',
		category: 'situation',
		measure: 'count',
		aggregation: 'sum',
		frequency: 'month',
		dimensions: ['perpetrator'],
		tier: 'I',
		unit: 'violations',
		dataSource: INCIDENTS,
		component: 'Political Affairs;Force;JOC',
		definition:
			'Violations of the (fictional) Lake Ambrel cease-fire recorded in the month, by the party that committed them.',
		sensitivity: 'internal'
	},
	{
		code: '1.3.6',
		title:
			'Decrease in the number and proportion of persons who think that armed groups have the intention and capabilities to carry out physical violence against civilian communities',
		result: 'PO1-IM1',
		category: 'perception',
		measure: 'percent',
		frequency: 'half',
		dimensions: ['sex'],
		tier: 'III',
		unit: '%',
		dataSource: SURVEY,
		component: 'Civil Affairs;POC Unit',
		definition:
			'Share of respondents who agree that armed groups intend and are able to attack their community; household survey per province, twice a year.',
		sensitivity: 'public'
	},
	{
		code: '1.2.2',
		title:
			'Decrease in the number of civilian casualties attributed to land mines and other explosive remnants of war (ERW), including IEDs, per 100,000 population in the country',
		result: 'PO1-IM2',
		category: 'situation',
		measure: 'per_100k',
		frequency: 'month',
		dimensions: ['age'],
		tier: 'II',
		unit: 'casualties per 100,000',
		dataSource: MINES,
		component: 'UNMAS;Human Rights;JOC;POC Unit',
		definition:
			'Civilians killed or injured by explosive ordnance in the month, per 100,000 population.',
		sensitivity: 'public'
	},
	{
		code: '1.3.5',
		title:
			'Decrease in the total area contaminated (i.e. during the reporting period) by landmines and other explosive remnants of war (ERW), including IEDs',
		result: 'PO1-IM2',
		category: 'situation',
		measure: 'number',
		aggregation: 'last',
		frequency: 'quarter',
		dimensions: [],
		tier: 'III',
		unit: 'km²',
		dataSource: MINES,
		component: 'UNMAS',
		definition:
			'Area known or suspected to be contaminated at the end of the quarter, per territory; province and mission figures are the average per territory.',
		sensitivity: 'internal'
	},
	{
		code: 'PO1-K1',
		title:
			'Increase in the percentage of high-risk localities with an effective presence of national security forces',
		result: 'PO1-OC1',
		category: 'capacity',
		measure: 'percent',
		frequency: 'quarter',
		dimensions: [],
		tier: 'II',
		unit: '%',
		dataSource: 'Demo JMAC high-risk locality mapping (fictional)',
		component: 'Force;JMAC',
		definition:
			'High-risk localities (JMAC list) where national forces were present at least 20 days in each month of the quarter, out of all high-risk localities.',
		sensitivity: 'internal'
	},
	{
		code: '2.2.2',
		title:
			'Increase in the number and proportion of effective rapid responses taken by host authorities following alerts of protection threats, i.e. where impending or ongoing violence was stopped',
		result: 'PO1-OC2',
		category: 'capacity',
		measure: 'percent',
		frequency: 'month',
		dimensions: [],
		tier: 'II',
		unit: '%',
		dataSource: ALERTS,
		component: 'Force;UNPOL;JOC;POC Unit',
		definition:
			'Alerts after which host authorities acted and the violence was stopped, out of all alerts received in the month.',
		sensitivity: 'internal'
	},
	{
		code: '2.2.3',
		title:
			'Decrease in the average time it takes host authorities to respond to alerts of protection threats',
		result: 'PO1-OC2',
		category: 'capacity',
		// a mean over alerts: a territory with 2 alerts weighs less than one with 20
		measure: 'average',
		frequency: 'month',
		dimensions: [],
		tier: 'II',
		unit: 'days',
		dataSource: ALERTS,
		component: 'Force;UNPOL;JOC;POC Unit',
		definition:
			'Average days from the alert being received to host authorities taking action, over the alerts answered in the month: each figure is the total days (numerator) over the alerts (denominator).',
		sensitivity: 'internal'
	},
	{
		code: '2.2.6',
		title:
			'Increase in the area where landmines and explosive remnants of war (ERW) have been removed by host authorities',
		result: 'PO1-OC3',
		category: 'capacity',
		measure: 'number',
		aggregation: 'sum',
		frequency: 'quarter',
		dimensions: [],
		tier: 'II',
		unit: 'km²',
		dataSource: MINES,
		component: 'UNMAS',
		definition: 'Area cleared and released by national mine action teams in the quarter.',
		sensitivity: 'internal'
	},
	{
		code: 'PO1-K2',
		title:
			'Increase in the average number of joint patrols with national security forces per month in each territory',
		result: 'PO1-OP1',
		category: 'capacity',
		measure: 'number',
		aggregation: 'mean',
		frequency: 'month',
		dimensions: [],
		tier: 'II',
		unit: 'patrols per month',
		dataSource: ACTIVITIES,
		component: 'Force;JOC',
		definition: 'Day and night patrols conducted jointly with national forces in the month.',
		sensitivity: 'internal'
	},
	{
		code: 'PO1-K3',
		title:
			'Increase in the number of alerts of protection threats to which the mission responded within 24 hours',
		result: 'PO1-OP3',
		category: 'capacity',
		measure: 'count',
		aggregation: 'sum',
		frequency: 'month',
		dimensions: [],
		tier: 'II',
		unit: 'alerts',
		dataSource: ALERTS,
		component: 'JOC;POC Unit;Force',
		definition:
			'Alerts for which a mission patrol, a deployment or a demarche took place within 24 hours.',
		sensitivity: 'internal'
	},
	{
		code: '2.3.5',
		title:
			'Increase in the number and proportion of members of national security and defence forces trained in explosive hazard mitigation and management',
		result: 'PO1-OP5',
		category: 'capacity',
		measure: 'count',
		aggregation: 'sum',
		frequency: 'quarter',
		dimensions: ['sex'],
		tier: 'III',
		unit: 'people trained',
		dataSource: RECORDS,
		component: 'UNMAS;UNPOL',
		definition: 'Members of national forces who completed the course in the quarter.',
		sensitivity: 'internal'
	},
	// PO2 — intercommunal violence in the highlands
	{
		code: '1.2.7',
		title:
			'Decrease in the recorded number of civilians killed as a result of inter- or intra-communal violence per 100,000 population in the country',
		result: 'PO2-IM1',
		category: 'situation',
		measure: 'per_100k',
		frequency: 'month',
		dimensions: ['sex'],
		tier: 'II',
		unit: 'deaths per 100,000',
		dataSource: INCIDENTS,
		component: 'Civil Affairs;Human Rights;JOC',
		definition:
			'Civilians killed in clashes between communities in the month, per 100,000 population.',
		sensitivity: 'public'
	},
	{
		code: '1.2.8',
		title: 'Decrease in the number of incidents of inter- or intracommunal violence',
		result: 'PO2-IM1',
		category: 'situation',
		measure: 'count',
		aggregation: 'sum',
		frequency: 'month',
		dimensions: [],
		tier: 'II',
		unit: 'incidents',
		dataSource: INCIDENTS,
		component: 'Civil Affairs;Human Rights;JOC',
		definition:
			'Violent incidents between communities (attacks, cattle raids with violence, revenge killings).',
		sensitivity: 'internal'
	},
	{
		code: '3.2.5',
		title:
			'Increase in the number and proportion of people who express an enhanced level of trust toward members of other communities',
		result: 'PO2-IM1',
		category: 'perception',
		measure: 'percent',
		frequency: 'half',
		dimensions: ['sex'],
		tier: 'II',
		unit: '%',
		dataSource: SURVEY,
		component: 'Civil Affairs',
		definition:
			'Share of respondents who would trust a member of another community to settle a dispute fairly.',
		sensitivity: 'public'
	},
	{
		code: '1.2.11',
		title:
			'Decrease in the total number of IDPs and refugees recorded, as well as decrease in their proportion of the total population',
		result: 'PO2-IM2',
		category: 'situation',
		measure: 'count',
		aggregation: 'last',
		frequency: 'quarter',
		dimensions: [],
		tier: 'II',
		unit: 'people',
		dataSource: DISPLACEMENT,
		component: 'POC Unit;Civil Affairs',
		definition:
			'Internally displaced people present in the territory at the end of the quarter (a stock: over time the last figure counts, not the sum).',
		sensitivity: 'public'
	},
	{
		code: '3.3.4',
		title:
			'Increase in the proportion of daily activities that have resumed (e.g. markets that have re-opened; agricultural fields again being tended to; school enrollment)',
		result: 'PO2-IM2',
		category: 'situation',
		measure: 'percent',
		frequency: 'quarter',
		dimensions: [],
		tier: 'III',
		unit: '%',
		dataSource: 'Demo market monitoring (fictional)',
		component: 'Civil Affairs',
		definition: 'Weekly markets open in the quarter, out of the markets open before the crisis.',
		sensitivity: 'public'
	},
	{
		code: '3.1.1',
		title:
			'Increase in the number and proportion of disputes that are referred by victims to dispute resolution mechanisms (traditional/informal or institutionalized/formal), and which are thereby settled peacefully',
		result: 'PO2-OC1',
		category: 'capacity',
		measure: 'percent',
		frequency: 'quarter',
		dimensions: [],
		tier: 'I',
		unit: '%',
		dataSource: MAPPING,
		component: 'Civil Affairs;Human Rights',
		definition:
			'Disputes settled without violence, out of the disputes referred to local mechanisms in the quarter.',
		sensitivity: 'internal'
	},
	{
		code: '3.2.1',
		title:
			'Increase in the number and proportion of territories where effective community based early warning/ alert systems are in place',
		result: 'PO2-OC2',
		category: 'capacity',
		measure: 'percent',
		frequency: 'quarter',
		dimensions: [],
		tier: 'II',
		unit: '%',
		dataSource: MAPPING,
		component: 'Civil Affairs;POC Unit',
		definition:
			'Each territory reports 1 of 1 when its alert network passed an alert that was acted upon in the quarter, else 0 of 1; provinces and the mission add them up.',
		sensitivity: 'internal'
	},
	{
		code: '3.2.2',
		title:
			'Increase in the number and proportion of local early warning mechanisms where women make up at least 30% of active members',
		result: 'PO2-OC2',
		category: 'capacity',
		measure: 'percent',
		frequency: 'quarter',
		dimensions: [],
		tier: 'II',
		unit: '%',
		dataSource: MAPPING,
		component: 'Civil Affairs',
		definition: 'Local early warning committees with at least 30% women among active members.',
		sensitivity: 'internal'
	},
	{
		code: 'PO2-K1',
		title:
			'Increase in the number of intercommunal dialogue and mediation sessions supported by the mission',
		result: 'PO2-OP1',
		category: 'capacity',
		measure: 'count',
		aggregation: 'sum',
		frequency: 'month',
		dimensions: [],
		tier: 'I',
		unit: 'sessions',
		dataSource: ACTIVITIES,
		component: 'Civil Affairs',
		definition: 'Dialogue and mediation sessions held with mission support in the month.',
		sensitivity: 'internal'
	},
	{
		code: 'PO2-K2',
		title: 'Increase in the number of community alert network focal points trained',
		result: 'PO2-OP2',
		category: 'capacity',
		measure: 'count',
		aggregation: 'sum',
		frequency: 'quarter',
		dimensions: ['sex'],
		tier: 'II',
		unit: 'people trained',
		dataSource: ACTIVITIES,
		component: 'Civil Affairs;POC Unit',
		definition: 'Focal points who completed the alert network training in the quarter.',
		sensitivity: 'internal'
	},
	// PO3 — violations and accountability
	{
		code: '1.2.4',
		title:
			'Decrease in the number of recorded incidents of violations of IHL and IHRL related to the rights to life and physical integrity committed against the civilian population per 100,000 population in the country',
		result: 'PO3-IM1',
		category: 'situation',
		measure: 'per_100k',
		frequency: 'month',
		dimensions: ['perpetrator'],
		tier: 'II',
		unit: 'incidents per 100,000',
		dataSource: INCIDENTS,
		component: 'Human Rights;JOC;UNPOL;Force;POC Unit',
		definition:
			'Incidents of killing, injury, torture or ill-treatment of civilians recorded by the mission in the month, per 100,000 population.',
		sensitivity: 'internal'
	},
	{
		code: '1.2.5',
		title:
			'Decrease in the number of recorded victims of conflict related sexual violence, per 100,000 population in the country',
		result: 'PO3-IM1',
		category: 'situation',
		measure: 'per_100k',
		frequency: 'quarter',
		dimensions: ['age'],
		tier: 'II',
		unit: 'victims per 100,000',
		dataSource: 'Demo CRSV monitoring (fictional)',
		component: 'Human Rights',
		definition:
			'Victims of conflict-related sexual violence recorded in the quarter, per 100,000 population. Restricted: small numbers can identify people.',
		sensitivity: 'restricted'
	},
	{
		code: '1.3.7',
		title:
			'Increase in the proportion of girls and women interviewed who report feeling safe to leave their house alone during the day/night',
		result: 'PO3-IM1',
		category: 'perception',
		measure: 'percent',
		frequency: 'half',
		dimensions: [],
		tier: 'III',
		unit: '%',
		dataSource: SURVEY,
		component: 'Civil Affairs;POC Unit',
		definition:
			'Share of women and girls (15 and older) who feel safe leaving their house alone by day and at night.',
		sensitivity: 'internal'
	},
	{
		code: '1.2.6',
		title:
			'Decrease in the number of grave violations against children (differentiate between verified and unverified), specifically killing or maiming; recruitment or use of children as soldiers; sexual violence; attacks against schools and hospitals; denial of humanitarian access; abduction of children',
		result: 'PO3-IM2',
		category: 'situation',
		measure: 'count',
		aggregation: 'sum',
		frequency: 'month',
		dimensions: ['perpetrator'],
		tier: 'II',
		unit: 'violations',
		dataSource: MRM,
		component: 'Human Rights;JOC',
		definition:
			'Grave violations against children documented in the month; recent months are partly unverified. Restricted: small numbers can identify children.',
		sensitivity: 'restricted'
	},
	{
		code: '1.3.2',
		title:
			'Increase in the number of children released from armed groups as well as from national security forces (distinguish between verified and unverified)',
		result: 'PO3-OC3',
		category: 'situation',
		measure: 'count',
		aggregation: 'sum',
		frequency: 'quarter',
		dimensions: ['sex'],
		tier: 'III',
		unit: 'children',
		dataSource: MRM,
		component: 'Human Rights',
		definition: 'Children released and handed over to child protection actors in the quarter.',
		sensitivity: 'internal'
	},
	{
		code: '2.3.1',
		title:
			'Increase in the number and proportion of cases of violations of IHL and the rights to life and physical integrity (including conflict related sexual violence and grave violations against children) that are reported to national law enforcement agencies, and which result in an arrest and prosecution',
		result: 'PO3-OC1',
		category: 'capacity',
		measure: 'percent',
		frequency: 'quarter',
		dimensions: [],
		tier: 'III',
		unit: '%',
		dataSource: RECORDS,
		component: 'Human Rights;UNPOL',
		definition:
			'Cases that led to an arrest and a prosecution, out of cases reported to the police in the quarter; reported per province.',
		sensitivity: 'internal'
	},
	{
		code: '2.3.4',
		title:
			'Increase in the number of corrective actions taken by the host State in response to violations of IHL and IHRL committed by national security and defence forces',
		result: 'PO3-OC1',
		category: 'capacity',
		measure: 'count',
		aggregation: 'sum',
		frequency: 'quarter',
		dimensions: [],
		tier: 'III',
		unit: 'actions',
		dataSource: RECORDS,
		component: 'Human Rights;UNPOL;Force',
		definition:
			'Arrests, investigations, prosecutions, convictions and disciplinary sanctions of members of state forces, nationwide.',
		sensitivity: 'public'
	},
	{
		code: '2.3.2',
		title:
			'Increase in the proportion of persons who express increased trust in the host Government to address security concerns',
		result: 'PO3-OC2',
		category: 'perception',
		measure: 'percent',
		frequency: 'half',
		dimensions: ['sex'],
		tier: 'III',
		unit: '%',
		dataSource: SURVEY,
		component: 'Civil Affairs;POC Unit',
		definition:
			'Nationwide survey. The DPO wording adds "by 100,000 population"; dropped here because this is a share of respondents.',
		sensitivity: 'internal'
	},
	{
		code: 'PO3-K1',
		title: 'Increase in the number of human rights monitoring and fact-finding missions conducted',
		result: 'PO3-OP1',
		category: 'capacity',
		measure: 'count',
		aggregation: 'sum',
		frequency: 'month',
		dimensions: [],
		tier: 'III',
		unit: 'missions',
		dataSource: ACTIVITIES,
		component: 'Human Rights',
		definition: 'Monitoring and fact-finding missions deployed in the month.',
		sensitivity: 'internal'
	},
	{
		code: 'PO3-K2',
		title: 'Increase in the number of cases heard by mobile courts supported by the mission',
		result: 'PO3-OP2',
		category: 'capacity',
		measure: 'count',
		aggregation: 'sum',
		frequency: 'quarter',
		dimensions: [],
		tier: 'III',
		unit: 'cases',
		dataSource: RECORDS,
		component: 'Human Rights;UNPOL',
		definition: 'Cases heard by mobile court sessions in the province in the quarter.',
		sensitivity: 'internal'
	}
];

/** `increase` or `decrease`, read from the standard wording "Increase in…" / "Decrease in…". */
export function directionOf(indicator: DemoIndicator): 'increase' | 'decrease' {
	const direction = directionOfWording(indicator.title);
	if (direction) return direction;
	throw new Error(`indicator ${indicator.code}: title must start with Increase or Decrease`);
}
