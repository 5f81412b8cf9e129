import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import {
	DEMO_SEED,
	generateDemo,
	generateDemoMission,
	type DemoFile
} from '$lib/server/demo/generate';
import { INCIDENT_SOURCE, LIST_FED, SURVEY_SOURCE } from '$lib/server/demo/lists';

// The contract's headers (docs formats §1.1–1.4), written out here rather than imported so that
// a change in the generator cannot silently change what the test expects.
const HEADERS = {
	'areas.csv': [
		'area_code',
		'area_name',
		'parent_area',
		'area_level',
		'population',
		'population_year'
	],
	'framework.csv': [
		'result_code',
		'result_level',
		'result_title',
		'parent_result',
		'driver_of_change',
		'critical_condition',
		'component',
		'tier',
		'description'
	],
	'indicators.csv': [
		'indicator_code',
		'indicator_title',
		'result_code',
		'category',
		'direction',
		'measure',
		'aggregation',
		'frequency',
		'dimensions',
		'baseline_value',
		'baseline_period',
		'tier',
		'unit',
		'data_source',
		'component',
		'definition',
		'sensitivity'
	],
	'observations.csv': [
		'indicator_code',
		'period',
		'area_code',
		'value',
		'value_type',
		'verification',
		'numerator',
		'denominator',
		'sample_size',
		'ci_low',
		'ci_high',
		'source',
		'comment'
	]
} as const;

/** The project's French columns (docs/formats.md "Beyond the contract"). */
const FRENCH = {
	'framework.csv': [
		'result_title_fr',
		'driver_of_change_fr',
		'critical_condition_fr',
		'description_fr'
	],
	'indicators.csv': ['indicator_title_fr', 'definition_fr']
} as const;

type Row = Record<string, string>;

const files = generateDemoMission();

function parse(name: DemoFile['name']): { fields: string[]; rows: Row[] } {
	const file = files.find((f) => f.name === name);
	if (!file) throw new Error(`missing ${name}`);
	const result = Papa.parse<Row>(file.content, { header: true, skipEmptyLines: true });
	if (result.errors.length > 0) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
	return { fields: result.meta.fields ?? [], rows: result.data };
}

const areas = parse('areas.csv');
const framework = parse('framework.csv');
const indicators = parse('indicators.csv');
const observations = parse('observations.csv');

const resultByCode = new Map(framework.rows.map((row) => [row.result_code, row]));
const indicatorByCode = new Map(indicators.rows.map((row) => [row.indicator_code, row]));
const dimensionsOf = (row: Row | undefined) => (row?.dimensions ? row.dimensions.split(';') : []);
const usedDimensions = [...new Set(indicators.rows.flatMap((row) => dimensionsOf(row)))];

/** The objective a framework node belongs to. */
function objectiveOf(code: string): string {
	let node = resultByCode.get(code);
	while (node && node.parent_result) node = resultByCode.get(node.parent_result);
	return node?.result_code ?? '';
}

const isInteger = (text: string | undefined) => /^\d+$/.test(text ?? '');

describe('generateDemoMission', () => {
	test('is deterministic and depends on the seed', () => {
		expect(generateDemoMission()).toEqual(files);
		expect(generateDemoMission(DEMO_SEED)).toEqual(files);
		const other = generateDemoMission(DEMO_SEED + 1);
		const content = (list: DemoFile[]) => list.find((f) => f.name === 'observations.csv')?.content;
		expect(content(other)).not.toEqual(content(files));
	});

	test('returns the four files in dependency order, with \\n newlines', () => {
		expect(files.map((f) => f.name)).toEqual([
			'areas.csv',
			'framework.csv',
			'indicators.csv',
			'observations.csv'
		]);
		for (const file of files) {
			expect(file.content).not.toContain('\r');
			expect(file.content.endsWith('\n')).toBe(true);
		}
	});

	test('files have exactly the contract headers, then the French columns', () => {
		expect(areas.fields).toEqual(HEADERS['areas.csv']);
		expect(framework.fields).toEqual([...HEADERS['framework.csv'], ...FRENCH['framework.csv']]);
		expect(indicators.fields).toEqual([...HEADERS['indicators.csv'], ...FRENCH['indicators.csv']]);
		expect(observations.fields).toEqual([...HEADERS['observations.csv'], ...usedDimensions]);
		expect(usedDimensions).toEqual(expect.arrayContaining(['sex', 'age', 'perpetrator']));
	});
});

describe('areas', () => {
	const codes = new Set(areas.rows.map((row) => row.area_code));
	const leaves = [...codes].filter((code) => !areas.rows.some((row) => row.parent_area === code));

	test('has at least 3 provinces and 8 territories on two levels', () => {
		const provinces = new Set(areas.rows.filter((r) => !r.parent_area).map((r) => r.area_code));
		expect(provinces.size).toBeGreaterThanOrEqual(3);
		expect(leaves.length).toBeGreaterThanOrEqual(8);
		for (const province of provinces) {
			const children = new Set(
				areas.rows.filter((r) => r.parent_area === province).map((r) => r.area_code)
			);
			expect(children.size).toBeGreaterThanOrEqual(2);
			expect(children.size).toBeLessThanOrEqual(4);
		}
		for (const leaf of leaves) {
			const parent = areas.rows.find((r) => r.area_code === leaf)?.parent_area ?? '';
			expect(provinces.has(parent)).toBe(true);
		}
	});

	test('repeats name, parent and level consistently', () => {
		for (const code of codes) {
			const rows = areas.rows.filter((row) => row.area_code === code);
			const shapes = new Set(rows.map((r) => `${r.area_name}|${r.parent_area}|${r.area_level}`));
			expect(shapes.size).toBe(1);
		}
	});

	test('gives every territory a growing population for each year 2021–2026', () => {
		for (const leaf of leaves) {
			const rows = areas.rows.filter((row) => row.area_code === leaf);
			expect(rows.map((row) => row.population_year)).toEqual([
				'2021',
				'2022',
				'2023',
				'2024',
				'2025',
				'2026'
			]);
			const populations = rows.map((row) => Number(row.population));
			for (const [i, value] of populations.entries()) {
				expect(isInteger(rows[i]?.population)).toBe(true);
				if (i > 0) expect(value / (populations[i - 1] ?? 1)).toBeGreaterThan(1.015);
				if (i > 0) expect(value / (populations[i - 1] ?? 1)).toBeLessThan(1.035);
			}
		}
	});
});

describe('framework', () => {
	const levelOfParent = { impact: 'objective', outcome: 'impact', output: 'outcome' } as const;

	test('has at least 3 objectives, each with impacts, outcomes and outputs', () => {
		const objectives = framework.rows.filter((row) => row.result_level === 'objective');
		expect(objectives.length).toBeGreaterThanOrEqual(3);
		for (const objective of objectives) {
			const levels = new Set(
				framework.rows
					.filter((row) => objectiveOf(row.result_code ?? '') === objective.result_code)
					.map((row) => row.result_level)
			);
			expect([...levels].sort()).toEqual(['impact', 'objective', 'outcome', 'output']);
		}
	});

	test('every parent_result is an existing node of the level above', () => {
		for (const row of framework.rows) {
			if (row.result_level === 'objective') {
				expect(row.parent_result).toBe('');
				continue;
			}
			const expected = levelOfParent[row.result_level as keyof typeof levelOfParent];
			expect(expected, `level of ${row.result_code}`).toBeDefined();
			expect(resultByCode.get(row.parent_result ?? '')?.result_level).toBe(expected);
		}
	});

	test('codes are unique and tiers valid', () => {
		expect(resultByCode.size).toBe(framework.rows.length);
		for (const row of framework.rows) expect(['', 'I', 'II', 'III']).toContain(row.tier);
	});
});

describe('indicators', () => {
	test('has at least 24 indicators with all categories and measures', () => {
		expect(indicators.rows.length).toBeGreaterThanOrEqual(24);
		expect(indicatorByCode.size).toBe(indicators.rows.length);
		const categories = new Set(indicators.rows.map((row) => row.category));
		expect([...categories].sort()).toEqual(['capacity', 'perception', 'situation']);
		const measures = new Set(indicators.rows.map((row) => row.measure));
		expect([...measures].sort()).toEqual(['average', 'count', 'number', 'per_100k', 'percent']);
	});

	test('every objective has indicators at each level and of each category', () => {
		const objectives = framework.rows.filter((row) => row.result_level === 'objective');
		for (const objective of objectives) {
			const own = indicators.rows.filter(
				(row) => objectiveOf(row.result_code ?? '') === objective.result_code
			);
			const levels = new Set(
				own.map((row) => resultByCode.get(row.result_code ?? '')?.result_level)
			);
			expect(levels).toEqual(new Set(['impact', 'outcome', 'output']));
			expect(new Set(own.map((row) => row.category))).toEqual(
				new Set(['situation', 'perception', 'capacity'])
			);
		}
	});

	test('fields hold values the contract accepts', () => {
		for (const row of indicators.rows) {
			expect(resultByCode.has(row.result_code ?? '')).toBe(true);
			expect(row.direction).toBe(
				row.indicator_title?.startsWith('Increase') ? 'increase' : 'decrease'
			);
			expect(row.indicator_title).toMatch(/^(Increase|Decrease) in /);
			expect(row.indicator_title).not.toMatch(/\[/); // placeholders filled in
			expect(['month', 'quarter', 'half']).toContain(row.frequency);
			expect(['public', 'internal', 'restricted']).toContain(row.sensitivity);
			expect(['I', 'II', 'III']).toContain(row.tier);
			expect(row.baseline_value).toMatch(/^\d+(\.\d+)?$/);
			expect(row.baseline_period).toMatch(/^2021-(06|Q2|H1)$/);
			if (row.measure === 'count') expect(['sum', 'last']).toContain(row.aggregation);
			if (row.measure === 'number') expect(['sum', 'last', 'mean']).toContain(row.aggregation);
		}
		const sensitivities = indicators.rows.map((row) => row.sensitivity);
		expect(sensitivities).toContain('public');
		expect(sensitivities).toContain('restricted');
	});
});

describe('observations', () => {
	const areaCodes = new Set(areas.rows.map((row) => row.area_code));
	const actuals = observations.rows.filter((row) => row.value_type === 'actual');
	const targets = observations.rows.filter((row) => row.value_type === 'target');

	test('stay within 60,000 rows and mark every row actual or target', () => {
		expect(observations.rows.length).toBeLessThanOrEqual(60_000);
		expect(actuals.length + targets.length).toBe(observations.rows.length);
	});

	test('refer to existing indicators and areas', () => {
		for (const row of observations.rows) {
			expect(indicatorByCode.has(row.indicator_code ?? '')).toBe(true);
			if (row.area_code) expect(areaCodes.has(row.area_code)).toBe(true);
		}
	});

	test('fill only the dimensions their indicator declares', () => {
		for (const row of observations.rows) {
			const declared = dimensionsOf(indicatorByCode.get(row.indicator_code ?? ''));
			for (const dimension of usedDimensions) {
				if (!declared.includes(dimension)) expect(row[dimension]).toBe('');
			}
		}
	});

	test('have no two rows with the same natural key', () => {
		const keys = observations.rows.map((row) =>
			[
				row.indicator_code,
				row.period,
				row.area_code,
				...usedDimensions.map((d) => row[d]),
				row.value_type
			].join('|')
		);
		expect(new Set(keys).size).toBe(keys.length);
	});

	test('cover July 2021 to September 2026 in each indicator frequency', () => {
		const expected = {
			month: ['2021-07', '2026-09'],
			quarter: ['2021-Q3', '2026-Q3'],
			half: ['2021-H2', '2026-H1']
		};
		const fromLists = new Set<string>(Object.values(LIST_FED));
		for (const indicator of indicators.rows) {
			// the lists give these indicators' actual figures (see 'lists' below)
			if (fromLists.has(indicator.indicator_code ?? '')) continue;
			const periods = actuals
				.filter((row) => row.indicator_code === indicator.indicator_code)
				.map((row) => row.period ?? '')
				.sort();
			const [first, last] = expected[indicator.frequency as keyof typeof expected];
			expect(periods[0], indicator.indicator_code).toBe(first);
			expect(periods.at(-1), indicator.indicator_code).toBe(last);
		}
	});

	test('write numbers plainly: percents within 0–100, counts non-negative integers', () => {
		for (const row of observations.rows) {
			for (const column of [
				'value',
				'numerator',
				'denominator',
				'sample_size',
				'ci_low',
				'ci_high'
			]) {
				if (row[column]) expect(row[column]).toMatch(/^\d+(\.\d+)?$/);
			}
			const measure = indicatorByCode.get(row.indicator_code ?? '')?.measure;
			if (measure === 'percent') {
				for (const column of ['value', 'ci_low', 'ci_high']) {
					if (!row[column]) continue;
					expect(row[column]).toMatch(/^\d+(\.\d)?$/);
					expect(Number(row[column])).toBeLessThanOrEqual(100);
				}
				expect(Boolean(row.numerator)).toBe(Boolean(row.denominator));
				if (row.numerator) {
					expect(isInteger(row.numerator) && isInteger(row.denominator)).toBe(true);
					expect(Number(row.numerator)).toBeLessThanOrEqual(Number(row.denominator));
					expect(Number(row.denominator)).toBeGreaterThan(0);
				} else {
					expect(row.value).not.toBe('');
				}
				if (row.sample_size) {
					expect(Number(row.ci_low)).toBeLessThanOrEqual(Number(row.value));
					expect(Number(row.ci_high)).toBeGreaterThanOrEqual(Number(row.value));
				}
			}
			if (measure === 'count') expect(isInteger(row.value)).toBe(true);
			if (measure === 'number') expect(row.value).not.toBe('');
			if (measure === 'average' && row.value_type === 'actual') {
				// the pair (total days, alerts), never a bare mean: areas weigh by their alerts
				expect(row.value).toBe('');
				expect(isInteger(row.denominator)).toBe(true);
				expect(Number(row.denominator)).toBeGreaterThan(0);
				expect(Number(row.numerator)).toBeGreaterThan(0);
			}
			if (measure === 'per_100k') {
				if (row.value_type === 'actual') {
					expect(isInteger(row.numerator)).toBe(true);
					expect(row.value).toBe('');
				} else {
					expect(row.value).not.toBe('');
				}
			}
		}
	});

	test('report most situation and capacity figures at territory level', () => {
		const leaves = new Set(areas.rows.filter((r) => r.parent_area).map((r) => r.area_code));
		const share = actuals.filter((row) => leaves.has(row.area_code ?? '')).length / actuals.length;
		expect(share).toBeGreaterThan(0.9);
	});

	test('leave some recent casualty and incident figures unverified', () => {
		const recent = actuals.filter((row) => row.verification && (row.period ?? '') >= '2025-10');
		const unverified = recent.filter((row) => row.verification === 'unverified').length;
		expect(unverified / recent.length).toBeGreaterThan(0.08);
		expect(unverified / recent.length).toBeLessThan(0.3);
		const old = actuals.filter((row) => (row.period ?? '') < '2025');
		expect(old.every((row) => row.verification !== 'unverified')).toBe(true);
	});

	test('have gaps, each explained on the first figures after it', () => {
		const previousMonth = (period: string) => {
			const [year = 0, month = 0] = period.split('-').map(Number);
			const index = year * 12 + month - 2;
			return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
		};
		const commented = actuals.filter(
			(row) => row.comment?.startsWith('No access') && /^\d{4}-\d{2}$/.test(row.period ?? '')
		);
		expect(commented.length).toBeGreaterThan(0);
		for (const row of commented) {
			const before = actuals.filter(
				(r) =>
					r.indicator_code === row.indicator_code &&
					r.area_code === row.area_code &&
					r.period === previousMonth(row.period ?? '')
			);
			expect(before).toEqual([]);
		}
	});

	test('give mission-wide targets moving from the baseline in the good direction', () => {
		for (const indicator of indicators.rows) {
			const own = targets.filter((row) => row.indicator_code === indicator.indicator_code);
			expect(own.length, indicator.indicator_code).toBeGreaterThan(0);
			expect(own.every((row) => row.area_code === '')).toBe(true);
			const values = own.map((row) => Number(row.value));
			// targets come at the indicator's own frequency, like its baseline
			const baseline = Number(indicator.baseline_value);
			const [first = NaN, ...rest] = values;
			if (indicator.direction === 'decrease') {
				expect(first, indicator.indicator_code).toBeLessThanOrEqual(baseline * 1.01);
				rest.forEach((value, i) => expect(value).toBeLessThanOrEqual(values[i] ?? NaN));
				expect(values.at(-1)).toBeLessThan(baseline);
			} else {
				expect(first, indicator.indicator_code).toBeGreaterThanOrEqual(baseline * 0.99);
				rest.forEach((value, i) => expect(value).toBeGreaterThanOrEqual(values[i] ?? NaN));
				expect(values.at(-1)).toBeGreaterThan(baseline);
			}
		}
	});
});

describe('lists', () => {
	const demo = generateDemo();
	const read = (content: string) =>
		Papa.parse<Row>(content, { header: true, skipEmptyLines: true });
	const incidents = read(demo.lists.find((l) => l.source === INCIDENT_SOURCE)!.content);
	const survey = read(demo.lists.find((l) => l.source === SURVEY_SOURCE)!.content);

	test('are deterministic, with their rules, and leave their indicators out of observations.csv', () => {
		expect(generateDemo()).toEqual(demo);
		expect(generateDemo(DEMO_SEED + 1).lists[0]!.content).not.toEqual(demo.lists[0]!.content);
		expect(read(demo.rules).data.map((r) => [r.source, r.indicator_code, r.value])).toEqual([
			[INCIDENT_SOURCE, LIST_FED.incidents, 'count'],
			[SURVEY_SOURCE, LIST_FED.survey, 'share(safe_alone=yes)']
		]);
		const fed = new Set<string>(Object.values(LIST_FED));
		const actual = observations.rows.filter((r) => r.value_type === 'actual');
		expect(actual.some((r) => fed.has(r.indicator_code ?? ''))).toBe(false);
		// their targets stay: the lists give actual figures only
		for (const code of fed)
			expect(observations.rows.some((r) => r.indicator_code === code)).toBe(true);
	});

	test('the incident log: one row per incident, dated in the demo months, every territory named', () => {
		expect(incidents.errors).toEqual([]);
		expect(incidents.meta.fields).toEqual([
			'incident_id',
			'incident_date',
			'territory',
			'incident_type',
			'summary'
		]);
		const dates = incidents.data.map((r) => r.incident_date ?? '');
		expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !isNaN(Date.parse(d)))).toBe(true);
		expect([dates[0]!.slice(0, 7), dates.at(-1)!.slice(0, 7)]).toEqual(['2021-07', '2026-09']);
		const names = new Map(areas.rows.map((a) => [a.area_name, a.area_code]));
		const named = new Set(incidents.data.map((r) => names.get(r.territory ?? '') ?? r.territory));
		const territories = areas.rows.filter((a) => a.parent_area).map((a) => a.area_code);
		expect([...named].sort()).toEqual([...new Set(territories)].sort());
		const types = new Set(incidents.data.map((r) => r.incident_type));
		expect(types.has('Intercommunal clash') && types.has('Armed robbery')).toBe(true);
	});

	test('the survey: KoboToolbox headers, one row per respondent, in every half-year', () => {
		expect(survey.errors).toEqual([]);
		expect(survey.meta.fields).toContain('group_safety/safe_alone');
		expect(survey.meta.fields).toContain('_submission_time');
		const answers = new Set(survey.data.map((r) => r['group_safety/safe_alone']));
		expect([...answers].sort()).toEqual(['', 'no', 'yes']);
		const halves = new Set(
			survey.data.map((r) => {
				const month = Number(r._submission_time!.slice(5, 7));
				return `${r._submission_time!.slice(0, 4)}-H${month <= 6 ? 1 : 2}`;
			})
		);
		expect([...halves].sort()[0]).toBe('2021-H2');
		expect([...halves].sort().at(-1)).toBe('2026-H1');
	});
});

describe('French texts', () => {
	const pairs = [
		[framework.rows, 'result_title', 'result_title_fr'],
		[framework.rows, 'driver_of_change', 'driver_of_change_fr'],
		[framework.rows, 'critical_condition', 'critical_condition_fr'],
		[framework.rows, 'description', 'description_fr'],
		[indicators.rows, 'indicator_title', 'indicator_title_fr'],
		[indicators.rows, 'definition', 'definition_fr']
	] as const;

	test.each(pairs)(
		'every %#: %s has a French text exactly where the English has one',
		(rows, english, french) => {
			const missing = rows.filter((row) => (row[english] !== '') !== (row[french] !== ''));
			expect(missing.map((row) => row.result_code ?? row.indicator_code)).toEqual([]);
			expect(rows.some((row) => row[french] !== '')).toBe(true);
		}
	);

	test('the French follows French typography: no-break spaces, typographic apostrophes', () => {
		const texts = pairs.flatMap(([rows, , french]) => rows.map((row) => row[french]!));
		for (const text of texts) {
			expect(text).not.toMatch(/'/);
			expect(text).not.toMatch(/ [;:!?»]|« /);
			expect(text).not.toMatch(/\d \d{3}/);
		}
	});
});
