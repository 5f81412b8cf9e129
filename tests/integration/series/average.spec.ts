/**
 * The `average` measure end to end on a real in-memory SQLite (formats.md §1.3–§1.5): files in
 * through `importFiles`, the series out through `loadSeries` — what the pages, the API and the
 * CLI all show — and the export read back unchanged.
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
	'A,Area A,,province',
	'B,Area B,,province',
	'B1,Area B One,B,territory',
	'B2,Area B Two,B,territory'
].join('\n');

const FRAMEWORK = [
	'result_level,result_code,result_title,parent_result',
	'objective,PO1,Protection of civilians,',
	'impact,PO1-IM1,Civilians are safer,PO1',
	'outcome,PO1-OC1,Alerts are answered,PO1-IM1'
].join('\n');

const INDICATORS = [
	'indicator_code,indicator_title,result_code,category,direction,measure,aggregation,frequency,unit,dimensions',
	'DAYS,Average days to respond to an alert,PO1-OC1,capacity,decrease,average,,month,days,alert_type',
	// an aggregation is accepted, as for percent, and not used
	'LAST,Average days (aggregation given),PO1-OC1,capacity,decrease,average,last,month,days,'
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

function actuals(db: Db, code: string, query: SeriesQuery = {}): Record<string, number | null> {
	const outcome = loadSeries(db, LOCAL_ADMINISTRATOR, code, query);
	if (!outcome.ok) throw new Error(outcome.message);
	return Object.fromEntries(outcome.series.points.map((p) => [p.period, p.actual]));
}

function exported(db: Db, kind: string): string {
	const result = exportKind(db, LOCAL_ADMINISTRATOR, kind);
	if (!result.ok) throw new Error(result.message);
	return [...result.chunks].join('');
}

const HEADER =
	'indicator_code,period,area_code,value,numerator,denominator,sample_size,value_type,alert_type';

describe('average: the mission value is weighted by items', () => {
	test('A: 2 alerts × 10 days, B: 8 alerts × 1 day → the mission waited 2.8 days, not 5.5', async () => {
		const db = await mission(
			[HEADER, 'DAYS,2024-01,A,,20,2,,,', 'DAYS,2024-01,B,,8,8,,,'].join('\n')
		);
		expect(actuals(db, 'DAYS')).toEqual({ '2024-01': 2.8 });
		expect(actuals(db, 'DAYS', { area: 'A' })).toEqual({ '2024-01': 10 });
		expect(actuals(db, 'DAYS', { area: 'B' })).toEqual({ '2024-01': 1 });
	});

	test('the same figures given as value and sample_size, and through the area tree', async () => {
		const db = await mission(
			[
				HEADER,
				'DAYS,2024-01,A,10,,,2,,',
				'DAYS,2024-01,B1,1,,,3,,',
				'DAYS,2024-01,B2,1,,,5,,'
			].join('\n')
		);
		expect(actuals(db, 'DAYS')).toEqual({ '2024-01': 2.8 });
		expect(actuals(db, 'DAYS', { area: 'B' })).toEqual({ '2024-01': 1 });
	});

	test('numerator and denominator win over a value given too', async () => {
		const db = await mission([HEADER, 'DAYS,2024-01,A,99,20,2,,,'].join('\n'));
		expect(actuals(db, 'DAYS')).toEqual({ '2024-01': 10 });
	});

	test('periods combine by their items, whatever the aggregation', async () => {
		const db = await mission(
			[
				HEADER,
				'DAYS,2024-01,A,,20,2,,,',
				'DAYS,2024-02,A,,8,8,,,',
				'LAST,2024-01,A,,20,2,,,',
				'LAST,2024-02,A,,8,8,,,'
			].join('\n')
		);
		expect(actuals(db, 'DAYS', { by: 'quarter' })).toEqual({ '2024-Q1': 2.8 });
		expect(actuals(db, 'LAST', { by: 'quarter' })).toEqual({ '2024-Q1': 2.8 });
	});

	test('value-only figures count as one item each', async () => {
		const db = await mission([HEADER, 'DAYS,2024-01,A,3,,,,,', 'DAYS,2024-01,B,6,,,,,'].join('\n'));
		expect(actuals(db, 'DAYS')).toEqual({ '2024-01': 4.5 });
	});

	test('dimension rows combine weighted by their items', async () => {
		const db = await mission(
			[HEADER, 'DAYS,2024-01,A,,20,2,,,armed_attack', 'DAYS,2024-01,A,,8,8,,,displacement'].join(
				'\n'
			)
		);
		expect(actuals(db, 'DAYS')).toEqual({ '2024-01': 2.8 });
	});

	test('targets of an average give the status (decrease: fewer days is better)', async () => {
		const db = await mission(
			[
				HEADER,
				'DAYS,2024-01,A,,20,2,,,',
				'DAYS,2024-01,B,,8,8,,,',
				'DAYS,2024-01,,3,,,,target,'
			].join('\n')
		);
		const outcome = loadSeries(db, LOCAL_ADMINISTRATOR, 'DAYS');
		expect(outcome.ok && outcome.series.points[0]).toMatchObject({
			actual: 2.8,
			target: 3,
			status: 'achieved'
		});
	});
});

describe('average: the export reads back unchanged', () => {
	test('export observations and indicators → import: 0 inserted, 0 updated', async () => {
		const db = await mission(
			[
				HEADER,
				'DAYS,2024-01,A,,20,2,,,',
				'DAYS,2024-01,B,2.5,,,4,,',
				'DAYS,2024-02,B1,7,,,,,',
				'DAYS,2024-02,B2,,9,3,,,armed_attack',
				'DAYS,2024-Q1,,4,,,,target,'
			].join('\n')
		);
		const observations = exported(db, 'observations');
		const indicators = exported(db, 'indicators');
		expect(indicators).toContain('average');
		const report = await importFiles(db, LOCAL_ADMINISTRATOR, [
			csv('indicators.csv', indicators),
			csv('observations.csv', observations)
		]);
		expect(report.ok).toBe(true);
		for (const file of report.files) {
			expect({ file: file.kind, inserted: file.inserted, updated: file.updated }).toEqual({
				file: file.kind,
				inserted: 0,
				updated: 0
			});
		}
		expect(report.files.find((f) => f.kind === 'observations')?.unchanged).toBe(5);
	});
});
