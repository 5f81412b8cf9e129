// Generates the fictional "Demo mission" as the four CSV files of the interchange contract
// (docs formats §1). Pure: the same seed gives byte-identical files, with no clock, no
// Math.random and no I/O, so the demo can be rebuilt and compared in tests.

import Papa from 'papaparse';
import {
	AREAS,
	DIMENSION_VALUES,
	FRAMEWORK,
	INDICATORS,
	POPULATION_YEARS,
	PROVINCES,
	TERRITORIES,
	directionOf,
	missionPopulation,
	population,
	type DemoIndicator,
	type Dimension
} from './mission';
import {
	decimalYear,
	monthIndex,
	monthOfYear,
	periodBefore,
	periodsBetween,
	type Period
} from './periods';
import { binomial, normal, poisson, split, streamFor, type Rng } from './random';
import { GAPS, SHOCKS, STORIES, WEIGHTS, type Story } from './scenario';
import { LIST_FED, demoLists, type DemoList } from './lists';
import { FRAMEWORK_FR, INDICATORS_FR } from './mission-fr';
import {
	AREA_COLUMNS,
	FRAMEWORK_COLUMNS,
	FRAMEWORK_FRENCH_COLUMNS,
	INDICATOR_COLUMNS,
	INDICATOR_FRENCH_COLUMNS,
	OBSERVATION_COLUMNS
} from '../../domain/columns';

export interface DemoFile {
	name: 'areas.csv' | 'framework.csv' | 'indicators.csv' | 'observations.csv';
	content: string;
}

export const DEMO_SEED = 20210701;

/** Actual figures run from July 2021 to September 2026; targets to the end of FY2026/27. */
const FIRST_MONTH = monthIndex('2021-07');
const LAST_MONTH = monthIndex('2026-09');
const LAST_TARGET_MONTH = monthIndex('2027-06');
const TARGET_SOURCE = 'Demo results-based budget (fictional)';

type Row = Record<string, string>;

export interface DemoMission {
	/** the files of the contract, in the order they import */
	files: DemoFile[];
	/** the rules file of the demo's list sources (formats.md §5.1) */
	rules: string;
	/** the lists whose rows become some of the figures (formats.md §5.2), each of its source */
	lists: DemoList[];
}

/**
 * The demo mission: its files, and its lists with their rules. The actual figures of the
 * indicators the lists feed are left out of observations.csv: the lists give them.
 */
export function generateDemo(seed = DEMO_SEED): DemoMission {
	const dimensions = [...new Set(INDICATORS.flatMap((indicator) => indicator.dimensions))];
	const observations = observationRows(seed);
	const { rules, lists } = demoLists(seed, observations);
	const fed = new Set<string>(Object.values(LIST_FED));
	const notFromLists = observations.filter(
		(row) => !(row.value_type === 'actual' && fed.has(row.indicator_code!))
	);
	return {
		files: [
			csv('areas.csv', AREA_COLUMNS, areaRows()),
			// with the French texts, so that the French product looks complete (mission-fr.ts)
			csv('framework.csv', [...FRAMEWORK_COLUMNS, ...FRAMEWORK_FRENCH_COLUMNS], frameworkRows()),
			csv('indicators.csv', [...INDICATOR_COLUMNS, ...INDICATOR_FRENCH_COLUMNS], indicatorRows()),
			csv('observations.csv', [...OBSERVATION_COLUMNS, ...dimensions], notFromLists)
		],
		rules,
		lists
	};
}

/** The demo mission's files of the contract (its lists and rules: `generateDemo`). */
export function generateDemoMission(seed = DEMO_SEED): DemoFile[] {
	return generateDemo(seed).files;
}

function csv(name: DemoFile['name'], fields: readonly string[], rows: Row[]): DemoFile {
	const data = rows.map((row) => fields.map((field) => row[field] ?? ''));
	const content = Papa.unparse({ fields: [...fields], data }, { delimiter: ',', newline: '\n' });
	return { name, content: `${content}\n` };
}

/** Plain decimal text: rounded, no exponent, no thousands separator, never "-0". */
function fmt(value: number, decimals: number): string {
	const factor = 10 ** decimals;
	const rounded = Math.round(value * factor) / factor;
	return String(rounded === 0 ? 0 : rounded);
}

// ---------------------------------------------------------------------------------------------
// Static files

function areaRows(): Row[] {
	return AREAS.flatMap((area) => {
		const row = {
			area_code: area.code,
			area_name: area.name,
			parent_area: area.parent,
			area_level: area.level
		};
		if (area.population2021 === undefined) return [row];
		return POPULATION_YEARS.map((year) => ({
			...row,
			population: String(population(area, year)),
			population_year: String(year)
		}));
	});
}

/** The French text of a demo node or indicator: every one has one (demo tests check it). */
function frenchOf<T>(texts: Record<string, T>, code: string): T {
	const french = texts[code];
	if (!french) throw new Error(`no French texts for demo ${code}`);
	return french;
}

function frameworkRows(): Row[] {
	return FRAMEWORK.map((result) => ({
		result_code: result.code,
		result_level: result.level,
		result_title: result.title,
		parent_result: result.parent,
		driver_of_change: result.driver ?? '',
		critical_condition: result.condition ?? '',
		component: result.component ?? '',
		tier: result.tier ?? '',
		description: result.description ?? '',
		...frenchResult(result.code)
	}));
}

function frenchResult(code: string): Row {
	const french = frenchOf(FRAMEWORK_FR, code);
	return {
		result_title_fr: french.title,
		driver_of_change_fr: french.driver ?? '',
		critical_condition_fr: french.condition ?? '',
		description_fr: french.description ?? ''
	};
}

function indicatorRows(): Row[] {
	return INDICATORS.map((indicator) => ({
		indicator_code: indicator.code,
		indicator_title: indicator.title,
		result_code: indicator.result,
		category: indicator.category,
		direction: directionOf(indicator),
		measure: indicator.measure,
		aggregation: indicator.aggregation ?? '',
		frequency: indicator.frequency,
		dimensions: indicator.dimensions.join(';'),
		baseline_value: fmt(baseline(indicator), decimalsOf(indicator)),
		baseline_period: periodBefore(indicator.frequency, FIRST_MONTH).label,
		tier: indicator.tier,
		unit: indicator.unit,
		data_source: indicator.dataSource,
		component: indicator.component,
		definition: indicator.definition,
		sensitivity: indicator.sensitivity,
		indicator_title_fr: frenchOf(INDICATORS_FR, indicator.code).title,
		definition_fr: frenchOf(INDICATORS_FR, indicator.code).definition
	}));
}

function storyOf(indicator: DemoIndicator): Story {
	const story = STORIES[indicator.code];
	if (!story) throw new Error(`no story for demo indicator ${indicator.code}`);
	return story;
}

function decimalsOf(indicator: DemoIndicator): number {
	if (indicator.measure === 'count') return 0;
	if (indicator.measure === 'per_100k') return 2;
	if (indicator.measure === 'percent') return 1;
	return storyOf(indicator).decimals ?? 1;
}

/** The mission-wide value of the period just before the data starts: where the path begins. */
function baseline(indicator: DemoIndicator): number {
	const start = storyOf(indicator).path[0]?.[1] ?? 0;
	if (indicator.measure !== 'per_100k') return start;
	return (start / missionPopulation(2021)) * 100_000;
}

// ---------------------------------------------------------------------------------------------
// Targets: mission-wide, at the indicator's own frequency (so its default chart shows them),
// from the baseline at a steady yearly rate in the indicator's good direction.

function targetRows(indicator: DemoIndicator): Row[] {
	const story = storyOf(indicator);
	const frequency = indicator.frequency;
	const start = baseline(indicator);
	const origin = FIRST_MONTH / 12;
	return periodsBetween(frequency, FIRST_MONTH, LAST_TARGET_MONTH).map((period) => {
		const years = decimalYear(period.first, period.last) - origin;
		const value =
			indicator.measure === 'percent'
				? Math.min(100, Math.max(0, start + story.target * years))
				: start * (1 + story.target) ** years;
		return {
			indicator_code: indicator.code,
			period: period.label,
			area_code: '',
			value: fmt(value, decimalsOf(indicator)),
			value_type: 'target',
			source: TARGET_SOURCE
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Actual figures

interface Reporter {
	code: string;
	/** share of the mission-wide count */
	share: number;
	/** weight relative to the average area (1 = average) */
	relative: number;
	rng: Rng;
	/** a comment waiting for the area's next figures (after a gap) */
	pending: string;
	/** `unit` denominators: the percent of the path at which this area's system works */
	threshold: number;
	/** the area factor averaged over the areas, each weighed by its share of the items */
	meanFactor: number;
}

function reporters(indicator: DemoIndicator, story: Story, seed: number): Reporter[] {
	const weightOf = (code: string) => WEIGHTS[story.theatre][code] ?? 0;
	const areas =
		story.level === 'mission'
			? [{ code: '', weight: 1 }]
			: story.level === 'province'
				? PROVINCES.map((province) => ({
						code: province.code,
						weight: TERRITORIES.filter((t) => t.parent === province.code).reduce(
							(sum, t) => sum + weightOf(t.code),
							0
						)
					}))
				: TERRITORIES.map((t) => ({ code: t.code, weight: weightOf(t.code) }));
	const total = areas.reduce((sum, area) => sum + area.weight, 0);
	const meanFactor = areas.reduce(
		(sum, area) =>
			sum + (area.weight / total) * areaFactor(story, (area.weight * areas.length) / total),
		0
	);
	return areas.map((area) => {
		const rng = streamFor(seed, indicator.code, area.code);
		return {
			code: area.code,
			share: area.weight / total,
			relative: (area.weight * areas.length) / total,
			rng,
			pending: '',
			threshold: 100 * rng(),
			meanFactor
		};
	});
}

function pathAt(path: [number, number][], year: number): number {
	const first = path[0];
	if (!first) return 0;
	if (year <= first[0]) return first[1];
	for (let i = 1; i < path.length; i++) {
		const [x0, y0] = path[i - 1] ?? first;
		const [x1, y1] = path[i] ?? first;
		if (year <= x1) return y0 + ((y1 - y0) * (year - x0)) / (x1 - x0);
	}
	return path[path.length - 1]?.[1] ?? first[1];
}

function months(period: Period): number[] {
	return Array.from({ length: period.last - period.first + 1 }, (_, i) => period.first + i);
}

/** Dry season (December to April) peaks in February. */
function seasonFactor(story: Story, period: Period): number {
	const amplitude = story.season ?? 0;
	const factors = months(period).map(
		(month) => 1 + amplitude * Math.cos((2 * Math.PI * (monthOfYear(month) - 2)) / 12)
	);
	return factors.reduce((a, b) => a + b, 0) / factors.length;
}

/** Stocks take the shock of the period's last month, flows its average over the period. */
function shockFactor(indicator: DemoIndicator, area: string, period: Period): number {
	const hit = (month: number) =>
		SHOCKS.filter((shock) => shock.area === area && shock.codes.includes(indicator.code)).reduce(
			(factor, shock) => factor * (shock.factors[month - monthIndex(shock.start)] ?? 1),
			1
		);
	if (indicator.aggregation === 'last') return hit(period.last);
	const factors = months(period).map(hit);
	return factors.reduce((a, b) => a + b, 0) / factors.length;
}

function shockComment(indicator: DemoIndicator, area: string, period: Period): string {
	return SHOCKS.filter(
		(shock) =>
			shock.area === area &&
			shock.codes.includes(indicator.code) &&
			monthIndex(shock.start) >= period.first &&
			monthIndex(shock.start) <= period.last
	)
		.map((shock) => shock.comment)
		.join('; ');
}

function gapAt(indicator: DemoIndicator, area: string, period: Period) {
	return GAPS.find(
		(gap) =>
			gap.area === area &&
			(!gap.codes || gap.codes.includes(indicator.code)) &&
			monthIndex(gap.from) <= period.last &&
			monthIndex(gap.to) >= period.first
	);
}

/** Recent figures are still being verified: the last two months mostly, older ones rarely. */
function verification(story: Story, rng: Rng, period: Period): string {
	if (story.unverified === undefined) return '';
	const age = LAST_MONTH - period.last;
	const chance = age < 2 ? 0.5 : age < 6 ? 0.2 : age < 12 ? 0.05 : 0;
	return rng() < Math.min(0.9, chance * story.unverified) ? 'unverified' : 'verified';
}

/** Every combination of the indicator's dimension categories, with its expected share. */
function combinations(indicator: DemoIndicator, story: Story) {
	let combos: { cells: Partial<Record<Dimension, string>>; share: number }[] = [
		{ cells: {}, share: 1 }
	];
	for (const dimension of indicator.dimensions) {
		const values = DIMENSION_VALUES[dimension];
		const shares = story.shares?.[dimension] ?? values.map(() => 1 / values.length);
		combos = combos.flatMap((combo) =>
			values.map((value, i) => ({
				cells: { ...combo.cells, [dimension]: value },
				share: combo.share * (shares[i] ?? 0)
			}))
		);
	}
	return combos;
}

function observationRows(seed: number): Row[] {
	return INDICATORS.flatMap((indicator) => [
		...actualRows(indicator, seed),
		...targetRows(indicator)
	]);
}

function actualRows(indicator: DemoIndicator, seed: number): Row[] {
	const story = storyOf(indicator);
	const areas = reporters(indicator, story, seed);
	const rows: Row[] = [];
	for (const period of periodsBetween(indicator.frequency, FIRST_MONTH, LAST_MONTH)) {
		for (const area of areas) {
			const gap = gapAt(indicator, area.code, period);
			if (gap) {
				area.pending = gap.comment;
				continue;
			}
			const comment = [shockComment(indicator, area.code, period), area.pending]
				.filter(Boolean)
				.join('; ');
			area.pending = '';
			const common: Row = {
				indicator_code: indicator.code,
				period: period.label,
				area_code: area.code,
				value_type: 'actual',
				source: indicator.dataSource,
				comment
			};
			for (const cells of figures(indicator, story, area, period)) {
				rows.push({ ...common, ...cells });
			}
		}
	}
	return rows;
}

/** The cells of one area's figures for one period: one row per dimension combination. */
function figures(indicator: DemoIndicator, story: Story, area: Reporter, period: Period): Row[] {
	const { rng } = area;
	const expected = pathAt(story.path, decimalYear(period.first, period.last));
	const shock = shockFactor(indicator, area.code, period);

	if (indicator.measure === 'percent') return percentFigures(indicator, story, area, expected);
	if (indicator.measure === 'average') {
		return averageFigures(indicator, story, area, expected * seasonFactor(story, period) * shock);
	}

	if (indicator.measure === 'number') {
		const factor = areaFactor(story, area.relative);
		const noise = 1 + (story.noise ?? 0.1) * normal(rng);
		const value = expected * factor * seasonFactor(story, period) * shock * noise;
		return [{ value: fmt(Math.max(0, value), decimalsOf(indicator)) }];
	}

	if (indicator.aggregation === 'last') {
		// a stock (people displaced): a level with some noise, not a Poisson count
		const noise = 1 + (story.noise ?? 0.05) * normal(rng);
		return [{ value: fmt(Math.max(0, expected * area.share * shock * noise), 0) }];
	}

	const mean = expected * area.share * seasonFactor(story, period) * shock;
	const total = poisson(rng, mean);
	const combos = combinations(indicator, story);
	const counts = split(
		rng,
		total,
		combos.map((combo) => combo.share)
	);
	const status = verification(story, rng, period);
	return combos.map((combo, i) => {
		const count = String(counts[i] ?? 0);
		// a rate is sent as its count; the product divides by the area's population
		const figure: Row = indicator.measure === 'per_100k' ? { numerator: count } : { value: count };
		return { ...combo.cells, ...figure, verification: status };
	});
}

function percentFigures(
	indicator: DemoIndicator,
	story: Story,
	area: Reporter,
	expected: number
): Row[] {
	const { rng } = area;
	const level = clamp(expected + (story.spread ?? 0) * (area.relative - 1), 1, 99);

	if (story.sampleSize !== undefined) {
		const sampleSize = story.sampleSize;
		return combinations(indicator, story).map((combo) => {
			const gap = story.sexGap ?? 0;
			const truth =
				combo.cells.sex === 'female'
					? level + gap / 2
					: combo.cells.sex === 'male'
						? level - gap / 2
						: level;
			return { ...combo.cells, ...survey(rng, truth, sampleSize) };
		});
	}

	const denominator = story.denominator;
	if (denominator === undefined) throw new Error(`${indicator.code}: percent needs a denominator`);
	if (denominator === 'unit') {
		// the area's system works once the mission-wide path passes the area's threshold
		return [{ numerator: level >= area.threshold ? '1' : '0', denominator: '1' }];
	}
	const trials =
		'fixed' in denominator
			? (denominator.fixed[area.code] ?? 0)
			: poisson(rng, denominator.mean * area.share);
	if (trials === 0) return []; // nothing to measure this period (no alerts, no cases)
	const hits = binomial(rng, trials, level / 100);
	return [{ numerator: String(hits), denominator: String(trials) }];
}

/**
 * An average as the contract carries it: the pair (total, items) — here the days all the
 * period's alerts took to be answered, and the alerts. Areas with more weight in the theatre
 * (remote ones) answer slower; the area factors are scaled so that the mission's mean over all
 * alerts follows the path. No alert answered, no figure.
 */
function averageFigures(
	indicator: DemoIndicator,
	story: Story,
	area: Reporter,
	expected: number
): Row[] {
	const { rng } = area;
	const denominator = story.denominator;
	if (denominator === undefined || denominator === 'unit' || !('mean' in denominator)) {
		throw new Error(`${indicator.code}: an average needs a mean number of items`);
	}
	const items = poisson(rng, denominator.mean * area.share);
	if (items === 0) return [];
	const factor = areaFactor(story, area.relative) / area.meanFactor;
	// a mean over more items strays less from the expected one
	const noise = 1 + ((story.noise ?? 0.1) * normal(rng)) / Math.sqrt(items);
	const days = Math.max(0.1, expected * factor * noise);
	return [{ numerator: fmt(days * items, 1), denominator: String(items) }];
}

/** How much slower an area is than the average one: more where its theatre weighs more. */
function areaFactor(story: Story, relative: number): number {
	return Math.max(0.1, 1 + (story.spread ?? 0) * (relative - 1));
}

/** One survey estimate with its sample size and a 95 % interval (design effect 1.5). */
function survey(rng: Rng, truth: number, nominal: number): Row {
	const sampleSize = Math.round(nominal * (0.8 + 0.4 * rng()));
	const error = (p: number) => Math.sqrt((1.5 * p * (100 - p)) / sampleSize);
	const estimate = clamp(truth + error(truth) * normal(rng), 0.5, 99.5);
	const roundedEstimate = Number(fmt(estimate, 1));
	const margin = 1.96 * error(roundedEstimate);
	return {
		value: fmt(roundedEstimate, 1),
		sample_size: String(sampleSize),
		ci_low: fmt(Math.max(0, roundedEstimate - margin), 1),
		ci_high: fmt(Math.min(100, roundedEstimate + margin), 1)
	};
}

function clamp(value: number, low: number, high: number): number {
	return Math.min(high, Math.max(low, value));
}
