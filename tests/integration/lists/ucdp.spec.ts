/**
 * Real data: the 1,848 UCDP GED events of the Central African Republic (1991–2022, CC BY 4.0)
 * through the UCDP template's rules and the real command line, against areas made from the
 * geoBoundaries prefectures. The figures must equal the events counted directly: per
 * prefecture and year, for the mission per quarter, and 0 in the months without events.
 *
 * Area names: UCDP writes `Ouaka province`, `Ombella-M'Poko province`, `Mambéré-Kadéi province`;
 * geoBoundaries `Ouaka`, `Ombella M'Poko`, `Mambéré-Kadéï`. The areas are imported with the
 * level UCDP names (`province`), so the list's names match by name and level, punctuation and
 * accents aside (domain/lists/area-match.ts); no spelling has to be mapped by hand. The 42
 * events without a province go to an `unlocated_area`, which the template leaves to the
 * mission (a template cannot know its area codes).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpas } from '../../helpers/cli';

/** Real data copied into the project with its attribution (tests/fixtures/real/README.md). */
const DATA = join(import.meta.dirname, '../../fixtures/real');
const UCDP = join(DATA, 'ucdp-ged-central-african-republic.csv');
const TEMPLATE = join(import.meta.dirname, '../../../src/lib/server/lists/templates/ucdp-ged.csv');

interface Feature {
	properties: { shapeName: string; shapeISO: string };
}
interface Event {
	date_start: string;
	adm_1: string;
	type_of_violence: string;
	deaths_civilians: string;
}

const features = (
	JSON.parse(readFileSync(join(DATA, 'geoboundaries-caf-adm1.geojson'), 'utf8')) as {
		features: Feature[];
	}
).features;
const codeOf = (f: Feature) => f.properties.shapeISO.replace(/^CF-/, '');
const events = Papa.parse<Event>(readFileSync(UCDP, 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data;

/** The test's own reading of a UCDP province: its name without " province", compared loosely. */
function loose(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/ province$/, '')
		.replace(/[^a-z]+/g, '');
}
const provinceCode = new Map(features.map((f) => [loose(f.properties.shapeName), codeOf(f)]));
function areaOfEvent(e: Event): string {
	if (e.adm_1.trim() === '') return 'UNL';
	const code = provinceCode.get(loose(e.adm_1));
	if (!code) throw new Error(`the test cannot place ${e.adm_1}`);
	return code;
}

let dir = '';
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-ucdp-'));
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
	const file = (name: string, text: string) => {
		writeFileSync(join(dir, name), text);
		return join(dir, name);
	};
	const areas = file(
		'areas.csv',
		'area_code,area_name,parent_area,area_level\n' +
			features.map((f) => `${codeOf(f)},"${f.properties.shapeName}",,province`).join('\n') +
			'\nUNL,Province not known,,\n'
	);
	const framework = file(
		'framework.csv',
		'result_code,result_level,result_title,parent_result\nPO1,objective,Civilians protected,\nPO1-IM1,impact,Threat reduced,PO1\n'
	);
	// the template's indicators, monthly: the figures are the months, years and quarters add up
	const indicators = file(
		'indicators.csv',
		'indicator_code,indicator_title,result_code,category,direction,measure,frequency,dimensions\n' +
			'1.1.1,Armed clashes,PO1-IM1,situation,decrease,count,month,perpetrator\n' +
			'1.2.1,Civilian deaths,PO1-IM1,situation,decrease,count,month,\n' +
			'1.2.3,Attacks on civilians (one-sided violence),PO1-IM1,situation,decrease,count,month,\n'
	);
	// the template's rules, with the mission's area for events without a province
	const template = readFileSync(TEMPLATE, 'utf8')
		.split('\n')
		.filter((l) => l.startsWith('source,') || l.startsWith('ucdp-ged,'));
	const rules = file(
		'rules.csv',
		[template[0], ...template.slice(1).map((l) => l.replace(/,,,$/, ',,UNL,'))].join('\n') + '\n'
	);
	const mission = await cpas('import', areas, framework, indicators, rules, '--json');
	expect(JSON.parse(mission.stdout).files.map((f: { errors: unknown[] }) => f.errors)).toEqual([
		[],
		[],
		[],
		[]
	]);
}, 60_000);

afterAll(() => {
	delete process.env.DATABASE_PATH;
	rmSync(dir, { recursive: true, force: true });
});

async function series(code: string, ...args: string[]) {
	const r = await cpas('series', code, ...args, '--json');
	expect(r.code, r.stdout + r.stderr).toBe(0);
	return JSON.parse(r.stdout).points as { period: string; actual: number | null }[];
}

describe('UCDP GED, Central African Republic', () => {
	test('the whole export imports through the template: every row read, none refused', async () => {
		expect(events.length).toBe(1848);
		const r = await cpas('import', '--source', 'ucdp-ged', UCDP, '--json');
		const [file] = JSON.parse(r.stdout).files;
		expect(file.errors).toEqual([]);
		expect(r.code).toBe(0);
		const oneSided = events.filter((e) => e.type_of_violence === '3').length;
		const clashes = events.filter((e) => ['1', '2'].includes(e.type_of_violence)).length;
		expect(file).toMatchObject({ kind: 'list', rows: 1848, removed: 0 });
		expect(
			file.rules.map((r: { indicator: string; matched: number }) => [r.indicator, r.matched])
		).toEqual([
			['1.1.1', clashes],
			['1.2.1', 1848],
			['1.2.3', oneSided]
		]);
		// every figure written once: 1991-08 to 2022-12 is 377 months, 18 areas
		expect(file.rules[2].figures).toBeGreaterThanOrEqual(377 * 18);
	}, 60_000);

	test('per prefecture and year: the figures equal the events counted directly', async () => {
		const oneSided = events.filter((e) => e.type_of_violence === '3');
		for (const feature of features) {
			const code = codeOf(feature);
			const counted = new Map<string, number>();
			for (const e of oneSided) {
				if (areaOfEvent(e) !== code) continue;
				const year = e.date_start.slice(0, 4);
				counted.set(year, (counted.get(year) ?? 0) + 1);
			}
			const points = await series('1.2.3', '--area', code, '--by', 'year');
			expect(points.length).toBe(2022 - 1991 + 1);
			for (const p of points)
				expect([code, p.period, p.actual]).toEqual([code, p.period, counted.get(p.period) ?? 0]);
		}
	}, 120_000);

	test('civilian deaths per prefecture and year: the sum of deaths_civilians', async () => {
		for (const code of ['UK', 'BGF', 'MP', 'HS']) {
			const summed = new Map<string, number>();
			for (const e of events) {
				if (areaOfEvent(e) !== code) continue;
				const year = e.date_start.slice(0, 4);
				summed.set(year, (summed.get(year) ?? 0) + Number(e.deaths_civilians));
			}
			const points = await series('1.2.1', '--area', code, '--by', 'year');
			for (const p of points)
				expect([code, p.period, p.actual]).toEqual([code, p.period, summed.get(p.period) ?? 0]);
		}
	}, 60_000);

	test('the mission per quarter: every event counted once, unlocated ones included', async () => {
		const counted = new Map<string, number>();
		for (const e of events) {
			const quarter = `${e.date_start.slice(0, 4)}-Q${Math.floor((Number(e.date_start.slice(5, 7)) - 1) / 3) + 1}`;
			counted.set(quarter, (counted.get(quarter) ?? 0) + 1);
		}
		const points = await series('1.2.1', '--by', 'quarter');
		// the mission's civilian deaths add up per quarter; count the events by 1.1.1 + 1.2.3 + the rest
		const deaths = new Map<string, number>();
		for (const e of events) {
			const quarter = `${e.date_start.slice(0, 4)}-Q${Math.floor((Number(e.date_start.slice(5, 7)) - 1) / 3) + 1}`;
			deaths.set(quarter, (deaths.get(quarter) ?? 0) + Number(e.deaths_civilians));
		}
		for (const p of points)
			expect([p.period, p.actual]).toEqual([p.period, deaths.get(p.period) ?? 0]);
		const oneSided = await series('1.2.3', '--by', 'quarter');
		const clashes = await series('1.1.1', '--by', 'quarter');
		const byQuarter = new Map<string, number>();
		for (const e of events.filter((e) => e.type_of_violence !== '')) {
			const quarter = `${e.date_start.slice(0, 4)}-Q${Math.floor((Number(e.date_start.slice(5, 7)) - 1) / 3) + 1}`;
			byQuarter.set(quarter, (byQuarter.get(quarter) ?? 0) + 1);
		}
		oneSided.forEach((p, i) => {
			expect([p.period, (p.actual ?? 0) + (clashes[i]!.actual ?? 0)]).toEqual([
				p.period,
				byQuarter.get(p.period) ?? 0
			]);
		});
		expect([...counted.values()].reduce((a, b) => a + b, 0)).toBe(1848);
	}, 60_000);

	test('a month without events is a 0, not a gap', async () => {
		const months = new Set(
			events
				.filter((e) => e.type_of_violence === '3' && areaOfEvent(e) === 'VK')
				.map((e) => e.date_start.slice(0, 7))
		);
		const points = await series(
			'1.2.3',
			'--area',
			'VK',
			'--by',
			'month',
			'--from',
			'2014-01',
			'--to',
			'2014-12'
		);
		expect(points).toHaveLength(12);
		for (const p of points) {
			expect(p.actual).not.toBeNull();
			if (!months.has(p.period)) expect(p.actual).toBe(0);
		}
		expect(points.some((p) => p.actual === 0)).toBe(true);
	});

	test('the same export again changes nothing', async () => {
		const r = await cpas('import', '--source', 'ucdp-ged', UCDP, '--json');
		const [file] = JSON.parse(r.stdout).files;
		expect(file).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
		expect(file.unchanged).toBeGreaterThan(377 * 18);
	}, 60_000);
});
