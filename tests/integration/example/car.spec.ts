/**
 * The real-data example on a fresh SQLite database: every prefecture outlined, the UCDP events
 * counted into figures that equal the events counted here straight from the CSV, and an import
 * report without errors whose only remarks are the ones the example explains.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { isCarExample } from '../../../src/lib/server/example/car-flag';
import {
	CAR_DATA,
	loadCarExample,
	type CarExampleReport
} from '../../../src/lib/server/example/car';
import { COUNTRY, UNLOCATED } from '../../../src/lib/server/example/car-mission';
import { areaOutlines } from '../../../src/lib/server/maps/outlines';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { freshDb } from '../../helpers/db';

const DATA = join(import.meta.dirname, '../../fixtures/real');
const admin = LOCAL_ADMINISTRATOR;

interface Event {
	date_start: string;
	adm_1: string;
	type_of_violence: string;
	side_a: string;
	deaths_civilians: string;
}
const events = Papa.parse<Event>(readFileSync(join(DATA, CAR_DATA.events), 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data;
const prefectures = (
	JSON.parse(readFileSync(join(DATA, CAR_DATA.boundaries), 'utf8')) as {
		features: { properties: { shapeName: string; shapeISO: string } }[];
	}
).features.map((f) => f.properties);

let db: Db;
let report: CarExampleReport;
beforeAll(async () => {
	db = freshDb();
	report = await loadCarExample(db, admin, DATA);
}, 60_000);

const areaIds = () =>
	new Map(
		(db.$client.prepare('SELECT id, code FROM areas').all() as { id: number; code: string }[]).map(
			(a) => [a.code, a.id]
		)
	);

describe('the CAR example', () => {
	test('loads whole: every file accepted, nothing refused, the database marked as the example', () => {
		expect(report.ok).toBe(true);
		expect(report.imports.files.map((f) => [f.file, f.kind, f.errors])).toEqual([
			['areas.csv', 'areas', []],
			['framework.csv', 'framework', []],
			['indicators.csv', 'indicators', []],
			['ucdp-ged-rules.csv', 'rules', []],
			[CAR_DATA.events, 'list', []]
		]);
		// the only remarks: each perpetrator UCDP names (side_a of a clash) is a category the
		// product has not seen before, which it asks to check the spelling of — once each
		const warnings = report.imports.files.flatMap((f) => f.warnings);
		const perpetrators = new Set(
			events.filter((e) => ['1', '2'].includes(e.type_of_violence)).map((e) => e.side_a)
		);
		expect(warnings.map((w) => [w.column, w.value]).sort()).toEqual(
			[...perpetrators].map((p) => ['side_a', p]).sort()
		);
		expect(isCarExample(db)).toBe(true);
	});

	test('areas: the country, its 17 first-level areas from geoBoundaries, and one for unplaced events', () => {
		const codes = [...areaIds().keys()].sort();
		expect(codes).toEqual(
			[COUNTRY.code, UNLOCATED.code, ...prefectures.map((p) => p.shapeISO)].sort()
		);
		expect(prefectures).toHaveLength(17);
	});

	test('every prefecture has an outline, and the country too; only the unplaced events have none', () => {
		const b = report.boundaries!;
		expect(b.ok).toBe(true);
		expect(b.errors).toEqual([]);
		expect(b.unmatchedFeatures).toEqual([]);
		// the area of the events UCDP could not place has no level, so no outline is missed at
		// the levels the file outlines; it simply has none (below)
		expect(b.areasWithout).toEqual([]);
		expect(b.matched.map((f) => f.area).sort()).toEqual(
			[COUNTRY.code, ...prefectures.map((p) => p.shapeISO)].sort()
		);
		const ids = areaIds();
		const outlines = areaOutlines(db, [...ids.values()]);
		for (const p of prefectures) {
			const outline = outlines.get(ids.get(p.shapeISO)!);
			expect([p.shapeName, outline?.type]).toEqual([p.shapeName, 'Polygon']);
		}
		expect(outlines.has(ids.get(COUNTRY.code)!)).toBe(true);
		expect(outlines.has(ids.get(UNLOCATED.code)!)).toBe(false);
	});

	test('the UCDP events become figures: every row read, one-sided violence in Ouaka per year as counted here', () => {
		const list = report.imports.files.find((f) => f.kind === 'list')!;
		expect(list.rows).toBe(events.length);
		expect(list.rules?.map((r) => [r.indicator, r.matched])).toEqual([
			['1.1.1', events.filter((e) => ['1', '2'].includes(e.type_of_violence)).length],
			['1.2.1', events.length],
			['1.2.3', events.filter((e) => e.type_of_violence === '3').length]
		]);
		// the test's own reading of UCDP's province: "Ouaka province" is Ouaka (CF-UK)
		const counted = new Map<string, number>();
		for (const e of events) {
			if (e.adm_1 !== 'Ouaka province' || e.type_of_violence !== '3') continue;
			const year = e.date_start.slice(0, 4);
			counted.set(year, (counted.get(year) ?? 0) + 1);
		}
		expect([...counted.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
		const series = loadSeries(db, admin, '1.2.3', { area: 'CF-UK', by: 'year' });
		if (!series.ok) throw new Error(series.message);
		expect(series.series.points.length).toBe(2022 - 1991 + 1);
		for (const p of series.series.points) {
			expect([p.period, p.actual]).toEqual([p.period, counted.get(p.period) ?? 0]);
		}
	});

	test("the country's civilian deaths: every event's, placed in a prefecture or not", () => {
		const deaths = new Map<string, number>();
		for (const e of events) {
			const year = e.date_start.slice(0, 4);
			deaths.set(year, (deaths.get(year) ?? 0) + Number(e.deaths_civilians));
		}
		const series = loadSeries(db, admin, '1.2.1', { area: COUNTRY.code, by: 'year' });
		if (!series.ok) throw new Error(series.message);
		for (const p of series.series.points) {
			expect([p.period, p.actual]).toEqual([p.period, deaths.get(p.period) ?? 0]);
		}
		const unplaced = events.filter((e) => e.adm_1.trim() === '').length;
		expect(unplaced).toBe(42);
	});

	test('a second load into the same database is refused, nothing written', async () => {
		const before = db.$client.prepare('SELECT COUNT(*) AS n FROM observations').get();
		await expect(loadCarExample(db, admin, DATA)).rejects.toThrow(/empty database/);
		expect(db.$client.prepare('SELECT COUNT(*) AS n FROM observations').get()).toEqual(before);
	});
});
