/**
 * The measure `milestone` end to end on a real in-memory SQLite (docs/formats.md "The measure
 * `milestone`"): stages declared in the indicators file, figures naming a stage (English or
 * French, any case and accents) or giving its position, stored as the position; the series
 * through `loadSeries` — what the pages, the API and the CLI show — with the areas at or
 * beyond each stage; the exports imported back change nothing.
 */
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { exportKind } from '../../../src/lib/server/exports/export-files';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { loadSeries, type SeriesQuery } from '../../../src/lib/server/series/load-series';
import { csv, freshDb } from '../../helpers/db';

const AREAS = [
	'area_code,area_name,parent_area,area_level',
	'N,North,,province',
	'N1,North One,N,territory',
	'N2,North Two,N,territory',
	'S,South,,province'
].join('\n');

const FRAMEWORK = [
	'result_level,result_code,result_title,parent_result',
	'objective,PO1,Protection of civilians,',
	'impact,PO1-IM1,Civilians are safer,PO1',
	'outcome,PO1-OC1,Local authorities protect,PO1-IM1'
].join('\n');

const INDICATORS = [
	'indicator_code,indicator_title,result_code,category,direction,measure,aggregation,frequency,stages,stages_fr',
	'PLAN,Stage of the local protection plan,PO1-OC1,capacity,increase,milestone,,quarter,drafted;adopted;implemented,rédigé;adopté;mis en œuvre',
	// an aggregation is accepted and not used, as for percent
	'BENCH,Transition benchmark,PO1-OC1,capacity,increase,milestone,sum,year,not met;met,'
].join('\n');

async function mission(observations: string): Promise<Db> {
	const db = freshDb();
	const report = await importFiles(db, LOCAL_ADMINISTRATOR, [
		csv('areas.csv', AREAS),
		csv('framework.csv', FRAMEWORK),
		csv('indicators.csv', INDICATORS),
		csv('observations.csv', observations)
	]);
	expect(report.files.flatMap((f) => f.errors)).toEqual([]);
	expect(report.ok).toBe(true);
	return db;
}

function series(db: Db, code: string, query: SeriesQuery = {}) {
	const outcome = loadSeries(db, LOCAL_ADMINISTRATOR, code, query);
	if (!outcome.ok) throw new Error(outcome.message);
	return outcome.series.points;
}

function exported(db: Db, kind: string): string {
	const result = exportKind(db, LOCAL_ADMINISTRATOR, kind);
	if (!result.ok) throw new Error(result.message);
	return [...result.chunks].join('');
}

const FIGURES = [
	'indicator_code,period,area_code,value,value_type',
	// names in English or French, any case or accents, or positions
	'PLAN,2024-Q1,N1,Drafted,',
	'PLAN,2024-Q1,N2,1,',
	'PLAN,2024-Q1,S,rédigé,',
	'PLAN,2024-Q2,N1,ADOPTE,',
	'PLAN,2024-Q2,N2,adopted,',
	'PLAN,2024-Q2,S,mis en œuvre,',
	// N2 went back: the plan adopted was withdrawn
	'PLAN,2024-Q3,N1,implemented,',
	'PLAN,2024-Q3,N2,drafted,',
	'PLAN,2024-Q3,S,3,',
	'PLAN,2024-Q4,,adopted,target',
	'BENCH,2024,,not met,',
	'BENCH,2025,,met,target'
].join('\n');

describe('milestone figures are stored as positions', () => {
	test('names (English, French, any case and accents) and positions give the same positions', async () => {
		const db = await mission(FIGURES);
		const stored = db.$client
			.prepare(
				`SELECT a.code AS area, o.period_start AS start, o.value FROM observations o
				 JOIN indicators i ON i.id = o.indicator_id LEFT JOIN areas a ON a.id = o.area_id
				 WHERE i.code = 'PLAN' AND o.value_type = 'actual' ORDER BY o.period_start, a.code`
			)
			.all();
		expect(stored.map((r) => Object.values(r as object).join(' '))).toEqual([
			'N1 2024-01-01 1',
			'N2 2024-01-01 1',
			'S 2024-01-01 1',
			'N1 2024-04-01 2',
			'N2 2024-04-01 2',
			'S 2024-04-01 3',
			'N1 2024-07-01 3',
			'N2 2024-07-01 1',
			'S 2024-07-01 3'
		]);
	});

	test('the stages are stored on the indicator; aggregation is not used', async () => {
		const db = await mission(FIGURES);
		const rows = db.$client
			.prepare(`SELECT code, stages, stages_fr, aggregation FROM indicators ORDER BY code`)
			.all();
		expect(rows).toEqual([
			{ code: 'BENCH', stages: 'not met;met', stages_fr: null, aggregation: 'sum' },
			{
				code: 'PLAN',
				stages: 'drafted;adopted;implemented',
				stages_fr: 'rédigé;adopté;mis en œuvre',
				aggregation: null
			}
		]);
	});
});

describe('the series of a milestone', () => {
	test('positions, the areas at or beyond each stage, and the lower median', async () => {
		const db = await mission(FIGURES);
		const points = series(db, 'PLAN');
		expect(points.map((p) => [p.period, p.actual, p.stages])).toEqual([
			['2024-Q1', 1, [3, 0, 0]],
			['2024-Q2', 2, [3, 3, 1]],
			// N1 implemented, N2 back at drafted, S implemented: 2 of 3 implemented
			['2024-Q3', 3, [3, 2, 2]],
			['2024-Q4', null, undefined]
		]);
		// North alone: N1 implemented, N2 drafted — 1 of 2 is not more than half
		expect(series(db, 'PLAN', { area: 'N' })[2]).toMatchObject({ actual: 1, stages: [2, 1, 1] });
		expect(series(db, 'PLAN', { area: 'N2' }).map((p) => p.actual)).toEqual([1, 2, 1, null]);
	});

	test('the target stage due judges each point: reached by Q3, achieved', async () => {
		const db = await mission(FIGURES);
		const points = series(db, 'PLAN');
		// Q1 was followed by Q2's figure before the target's date: on track then
		expect(points.map((p) => p.status)).toEqual(['on_track', 'achieved', 'achieved', 'no_data']);
		expect(points[0]!.due).toEqual({ period: '2024-Q4', target: 2 });
		expect(points[3]!.target).toBe(2);
	});

	test('a mission-wide benchmark: not met in 2024, met due in 2025', async () => {
		const db = await mission(FIGURES);
		const [y2024, y2025] = series(db, 'BENCH');
		expect(y2024).toMatchObject({ actual: 1, stages: [1, 0], due: { period: '2025', target: 2 } });
		expect(y2025).toMatchObject({ actual: null, target: 2 });
	});

	test('the series API answers the positions and the distribution', async () => {
		// the handler reads the app's database: an in-memory one for this test file
		process.env.DATABASE_PATH = ':memory:';
		const { appDb } = await import('../../../src/lib/server/db/app-db');
		const report = await importFiles(appDb(), LOCAL_ADMINISTRATOR, [
			csv('areas.csv', AREAS),
			csv('framework.csv', FRAMEWORK),
			csv('indicators.csv', INDICATORS),
			csv('observations.csv', FIGURES)
		]);
		expect(report.ok).toBe(true);
		const { GET } = await import('../../../src/routes/api/v1/indicators/[code]/series/+server');
		const url = new URL('http://localhost/api/v1/indicators/PLAN/series?by=half');
		const response = await GET({
			url,
			params: { code: 'PLAN' },
			locals: { actor: LOCAL_ADMINISTRATOR }
		} as never);
		expect(response.status).toBe(200);
		const payload = await response.json();
		expect(payload.points).toEqual([
			{
				period: '2024-H1',
				start: '2024-01-01',
				end: '2024-06-30',
				partial: false,
				actual: 2,
				target: null,
				status: 'achieved',
				stages: [3, 3, 1],
				due: { period: '2024-H2', target: 2 }
			},
			{
				period: '2024-H2',
				start: '2024-07-01',
				end: '2024-12-31',
				partial: false,
				actual: 3,
				target: 2,
				status: 'achieved',
				stages: [3, 2, 2],
				due: { period: '2024-H2', target: 2 }
			}
		]);
		delete process.env.DATABASE_PATH;
	});
});

describe('exports of a milestone import back unchanged', () => {
	test('indicators and observations: 0 inserted, 0 updated; values stay positions', async () => {
		const db = await mission(FIGURES);
		const indicators = exported(db, 'indicators');
		expect(indicators).toContain('drafted;adopted;implemented');
		const observations = exported(db, 'observations');
		expect(observations).toMatch(/^PLAN,2024-Q3,N2,1\b/m);
		const report = await importFiles(db, LOCAL_ADMINISTRATOR, [
			csv('indicators.csv', indicators),
			csv('observations.csv', observations)
		]);
		expect(report.files.flatMap((f) => f.errors)).toEqual([]);
		for (const f of report.files) {
			expect(f).toMatchObject({ inserted: 0, updated: 0 });
		}
	});
});

describe('changing stages', () => {
	test('fewer stages than a stored figure reaches is refused', async () => {
		const db = await mission(FIGURES);
		const report = await importFiles(db, LOCAL_ADMINISTRATOR, [
			csv(
				'indicators.csv',
				[
					'indicator_code,indicator_title,result_code,category,direction,measure,stages',
					'PLAN,Stage of the local protection plan,PO1-OC1,capacity,increase,milestone,drafted;adopted'
				].join('\n')
			)
		]);
		expect(report.ok).toBe(false);
		// the French names kept no longer match either: both are said
		const errors = report.files[0]!.errors;
		expect(errors.every((e) => e.line === 2 && e.column === 'stages')).toBe(true);
		expect(errors.map((e) => e.message)).toContainEqual(
			'PLAN has figures at stage 3: it cannot have fewer stages than that.'
		);
	});

	test('a milestone without the stages column keeps its stages', async () => {
		const db = await mission(FIGURES);
		const report = await importFiles(db, LOCAL_ADMINISTRATOR, [
			csv(
				'indicators.csv',
				[
					'indicator_code,indicator_title,result_code,category,direction,measure',
					'PLAN,Stage of the local plan,PO1-OC1,capacity,increase,milestone'
				].join('\n')
			)
		]);
		expect(report.files[0]!.errors).toEqual([]);
		expect(report.files[0]).toMatchObject({ updated: 1 });
		expect(db.$client.prepare(`SELECT stages FROM indicators WHERE code = 'PLAN'`).get()).toEqual({
			stages: 'drafted;adopted;implemented'
		});
	});
});
