/**
 * The choropleth on a fixture of its own: five provinces, four with outlines, figures with
 * gaps, populations, sites of every sensitivity. The map's figures must be the series' own
 * (the API's series of each area), drawn once per area, and a restricted indicator's map must
 * not exist for an uncleared reader.
 */
import type { Polygon } from 'geojson';
import { render } from 'svelte/server';
import { beforeAll, describe, expect, test } from 'vitest';
import MapSvg from '../../../src/lib/components/maps/MapSvg.svelte';
import { MAP_SHADES } from '../../../src/lib/charts/palette';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { areaBoundaries, areas, sites } from '../../../src/lib/server/db/schema';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { loadAreaMap, type AreaMapView } from '../../../src/lib/server/maps/area-map';
import { loadObjectiveMap } from '../../../src/lib/server/maps/objective-map';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { csv, freshDb } from '../../helpers/db';

const uncleared: Actor = { username: 'v', role: 'viewer', cleared: false };
const clearedViewer: Actor = { username: 'c', role: 'viewer', cleared: true };

const FILES = [
	csv(
		'areas.csv',
		'area_code,area_name,parent_area,area_level,population,population_year\n' +
			'P1,Alpha,,province,100000,2026\n' +
			'P2,Bravo,,province,200000,2026\n' +
			'P3,Charlie,,province,50000,2026\n' +
			'P4,Delta,,province,,\n' +
			'P5,Echo,,province,80000,2026\n' +
			'P1A,Alpha East,P1,district,,\n' +
			'P1B,Alpha West,P1,district,,\n'
	),
	csv(
		'framework.csv',
		'result_code,result_level,result_title,parent_result\n' +
			'PO1,objective,Civilians protected,\n' +
			'PO1-IM1,impact,Threat reduced,PO1\n'
	),
	csv(
		'indicators.csv',
		'indicator_code,indicator_title,result_code,category,direction,measure,frequency,dimensions,sensitivity\n' +
			'C1,Incidents,PO1-IM1,situation,decrease,count,month,sex,public\n' +
			'S1,% feel safe,PO1-IM1,perception,increase,percent,quarter,,public\n' +
			'R1,Grave violations,PO1-IM1,situation,decrease,count,month,,restricted\n'
	),
	csv(
		'observations.csv',
		'indicator_code,period,area_code,value,numerator,denominator,sex\n' +
			'C1,2026-01,P1,10,,,\n' +
			'C1,2026-01,P2,30,,,\n' +
			'C1,2026-01,P3,5,,,\n' +
			'C1,2026-01,P5,8,,,\n' +
			'C1,2026-02,P1A,7,,,\n' +
			'C1,2026-02,P1B,5,,,\n' +
			'C1,2026-02,P2,4,,,female\n' +
			'C1,2026-02,P2,6,,,male\n' +
			'C1,2026-02,P3,5,,,\n' +
			'C1,2026-02,P4,0,,,\n' +
			'S1,2026-Q1,P1,60,,,\n' +
			'S1,2026-Q1,P2,,30,60,\n' +
			'S1,2026-Q1,P3,80,,,\n' +
			'R1,2026-01,P1,3,,,\n' +
			'R1,2026-01,P2,1,,,\n'
	)
];

/** A one-degree square whose south-west corner is (lon, lat), wound as RFC 7946 asks. */
function square(lon: number, lat: number): Polygon {
	return {
		type: 'Polygon',
		coordinates: [
			[
				[lon, lat],
				[lon + 1, lat],
				[lon + 1, lat + 1],
				[lon, lat + 1],
				[lon, lat]
			]
		]
	};
}

const OUTLINES: Record<string, Polygon> = {
	P1: square(20, 5),
	P2: square(21, 5),
	P3: square(20, 6),
	P4: square(21, 6)
	// P5 has none: listed in the table, not drawn
};

let db: Db;

beforeAll(async () => {
	db = freshDb();
	const imported = await importFiles(db, LOCAL_ADMINISTRATOR, FILES);
	expect(imported.ok).toBe(true);
	const ids = new Map(
		db
			.select({ id: areas.id, code: areas.code })
			.from(areas)
			.all()
			.map((a) => [a.code, a.id])
	);
	db.insert(areaBoundaries)
		.values(
			Object.entries(OUTLINES).map(([code, geometry]) => ({
				areaId: ids.get(code)!,
				geometry: JSON.stringify(geometry),
				fileName: 'fixture.geojson',
				matchedBy: 'code',
				changedBy: 'test'
			}))
		)
		.run();
	db.insert(sites)
		.values([
			// inside Alpha, open throughout
			{
				code: 'B1',
				name: 'Alpha base',
				type: 'base',
				longitude: 20.5,
				latitude: 5.5,
				sensitivity: 'public',
				changedBy: 't'
			},
			// inside Bravo, restricted
			{
				code: 'PP1',
				name: 'Bravo post',
				type: 'police_post',
				longitude: 21.5,
				latitude: 5.5,
				sensitivity: 'restricted',
				changedBy: 't'
			},
			// closed before February
			{
				code: 'T1',
				name: 'Old camp',
				type: 'temporary_base',
				longitude: 20.5,
				latitude: 6.5,
				opened: '2025-06-01',
				closed: '2026-01-20',
				sensitivity: 'public',
				changedBy: 't'
			},
			// far outside the drawn areas
			{
				code: 'X1',
				name: 'Elsewhere',
				type: 'other',
				longitude: 40,
				latitude: 20,
				sensitivity: 'public',
				changedBy: 't'
			}
		])
		.run();
});

function mapOf(
	actor: Actor,
	code: string,
	period: string | null = null,
	perPeople = false
): AreaMapView {
	const result = loadAreaMap(db, actor, code, {}, { period, perPeople });
	if (!result.ok) throw new Error(result.message);
	if (!result.map) throw new Error('no map');
	return result.map;
}

/** Each drawn area of the rendered SVG: its code, its `d` and the value it carries. */
function drawnAreas(svg: string): { code: string; d: string; value: string; fill: string }[] {
	const out = [];
	for (const match of svg.matchAll(/<a [^>]*data-area="([^"]+)"[^>]*>\s*<path ([^>]*)>/g)) {
		const attrs = match[2]!;
		out.push({
			code: match[1]!,
			d: /\bd="([^"]+)"/.exec(attrs)![1]!,
			value: /data-value="([^"]*)"/.exec(attrs)![1]!,
			fill: /fill="([^"]+)"/.exec(attrs)![1]!
		});
	}
	return out;
}

function svgOf(map: AreaMapView): string {
	return render(MapSvg, {
		props: { map, patternId: 'hatch', areaHref: (c: string) => `/indicators/C1?area=${c}` }
	}).body;
}

/** The series the API gives for one area, at one bucket. */
function seriesValue(code: string, area: string, period: string): number | null {
	const series = loadSeries(db, LOCAL_ADMINISTRATOR, code, { area });
	if (!series.ok) throw new Error(series.message);
	return series.series.points.find((p) => p.period === period)?.actual ?? null;
}

describe('the map of an indicator by area', () => {
	test('the SVG has one path per area with an outline, each with the value the series gives for that area and bucket', () => {
		for (const [code, period] of [
			['C1', '2026-01'],
			['C1', '2026-02'],
			['S1', '2026-Q1']
		] as const) {
			const map = mapOf(LOCAL_ADMINISTRATOR, code, period);
			const drawn = drawnAreas(svgOf(map));
			expect(drawn.map((a) => a.code).sort()).toEqual(['P1', 'P2', 'P3', 'P4']);
			for (const a of drawn) {
				expect(a.d).toMatch(/^M[\d.,-]+(L[\d.,-]+)+Z$/);
				const expected = seriesValue(code, a.code, period);
				expect(a.value === '' ? null : Number(a.value), `${code} ${a.code} ${period}`).toBe(
					expected
				);
			}
			// the area without an outline is still in the table's list, with its figure
			const echo = map.areas.find((a) => a.code === 'P5')!;
			expect(echo.path).toBeNull();
			expect(echo.value).toBe(seriesValue(code, 'P5', period));
		}
	});

	test("a province's figure rolls up its districts by the series rules (Alpha = 7 + 5)", () => {
		const map = mapOf(LOCAL_ADMINISTRATOR, 'C1', '2026-02');
		expect(map.areas.find((a) => a.code === 'P1')!.value).toBe(12);
		expect(map.areas.find((a) => a.code === 'P2')!.value).toBe(10);
		expect(map.areas.find((a) => a.code === 'P4')!.value).toBe(0);
	});

	test('shows the latest bucket with figures by default, and says when the one asked for does not exist', () => {
		expect(mapOf(LOCAL_ADMINISTRATOR, 'C1').period.period).toBe('2026-02');
		const unknown = mapOf(LOCAL_ADMINISTRATOR, 'C1', '1999-01');
		expect(unknown.period.period).toBe('2026-02');
		expect(unknown.unknownPeriod).toBe('1999-01');
		expect(mapOf(LOCAL_ADMINISTRATOR, 'C1', '2026-01').unknownPeriod).toBeNull();
	});

	test('an area without a figure is hatched "no data", never coloured as zero', () => {
		const january = mapOf(LOCAL_ADMINISTRATOR, 'C1', '2026-01');
		const delta = drawnAreas(svgOf(january)).find((a) => a.code === 'P4')!;
		expect(delta.value).toBe('');
		expect(delta.fill).toBe('url(#hatch)');
		expect(january.areas.find((a) => a.code === 'P4')!.class).toBeNull();
		// in February Delta has a zero: a figure, in the best class
		const february = mapOf(LOCAL_ADMINISTRATOR, 'C1', '2026-02');
		const zero = drawnAreas(svgOf(february)).find((a) => a.code === 'P4')!;
		expect(zero.value).toBe('0');
		expect(zero.fill).toMatch(/^#/);
	});

	test('the darker end is the worse one: most incidents darkest, least feeling safe darkest', () => {
		const incidents = mapOf(LOCAL_ADMINISTRATOR, 'C1', '2026-01');
		const fills = Object.fromEntries(drawnAreas(svgOf(incidents)).map((a) => [a.code, a.fill]));
		// Bravo 30 > Alpha 10 > Charlie 5 (Echo's 8 is not drawn: not classed)
		const shades = MAP_SHADES[incidents.classes.length as 3];
		expect(fills.P2).toBe(shades.at(-1));
		expect(fills.P3).toBe(shades[0]);
		const safe = mapOf(LOCAL_ADMINISTRATOR, 'S1', '2026-Q1');
		const safeFills = Object.fromEntries(drawnAreas(svgOf(safe)).map((a) => [a.code, a.fill]));
		// Bravo 50 % feels safe least: darkest; Charlie 80 %: lightest
		const s = MAP_SHADES[safe.classes.length as 3];
		expect(safeFills.P2).toBe(s.at(-1));
		expect(safeFills.P3).toBe(s[0]);
	});

	test("counts per 100,000 people use each area's population; without one, no data", () => {
		const counts = mapOf(LOCAL_ADMINISTRATOR, 'C1', '2026-02');
		expect(counts.canPerPeople).toBe(true);
		expect(counts.measure).toBe('count');
		const rates = mapOf(LOCAL_ADMINISTRATOR, 'C1', '2026-02', true);
		expect(rates.perPeople).toBe(true);
		expect(rates.measure).toBe('per_100k');
		const value = (code: string) => rates.areas.find((a) => a.code === code)!.value;
		expect(value('P1')).toBe(12); // 12 of 100,000
		expect(value('P2')).toBe(5); // 10 of 200,000
		expect(value('P3')).toBe(10); // 5 of 50,000
		expect(value('P4')).toBeNull(); // no population known
		// a percentage is not a count: no per-people view
		const safe = mapOf(LOCAL_ADMINISTRATOR, 'S1', null, true);
		expect(safe.canPerPeople).toBe(false);
		expect(safe.perPeople).toBe(false);
	});

	test('draws the sites open during the bucket, inside the drawing, restricted ones only for the cleared', () => {
		const codes = (actor: Actor, period: string) =>
			mapOf(actor, 'C1', period)
				.sites.map((s) => s.code)
				.sort();
		expect(codes(uncleared, '2026-01')).toEqual(['B1', 'T1']);
		expect(codes(uncleared, '2026-02')).toEqual(['B1']);
		expect(codes(clearedViewer, '2026-02')).toEqual(['B1', 'PP1']);
		const svg = svgOf(mapOf(uncleared, 'C1', '2026-02'));
		expect(svg).toContain('data-site="B1"');
		expect(svg).not.toContain('Bravo post');
	});

	test('the level below the area asked for is drawn: none of its districts has an outline, so no map', () => {
		const result = loadAreaMap(
			db,
			LOCAL_ADMINISTRATOR,
			'C1',
			{ area: 'P1' },
			{ period: null, perPeople: false }
		);
		expect(result.ok && result.map).toBeNull();
	});

	test("a restricted indicator's map never reaches an uncleared reader", () => {
		const refused = loadAreaMap(db, uncleared, 'R1', {}, { period: null, perPeople: false });
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.problem).toBe('not_found');
		const shown = mapOf(clearedViewer, 'R1');
		expect(shown.areas.find((a) => a.code === 'P1')!.value).toBe(3);
		// kept views are per visibility: asking as cleared first does not leak it to the uncleared
		expect(loadAreaMap(db, uncleared, 'R1', {}, { period: null, perPeople: false }).ok).toBe(false);
	});

	test('the objective page picks among the indicators with figures by area; a restricted one only for the cleared', () => {
		const choice = { period: null, perPeople: false };
		const codes = ['R1', 'C1', 'S1'];
		const forUncleared = loadObjectiveMap(db, uncleared, codes, {}, 'R1', choice);
		expect(forUncleared.options).toEqual(['C1', 'S1']);
		expect(forUncleared.map?.indicator.code).toBe('C1');
		const forCleared = loadObjectiveMap(db, clearedViewer, codes, {}, 'R1', choice);
		expect(forCleared.options).toEqual(['R1', 'C1', 'S1']);
		expect(forCleared.map?.indicator.code).toBe('R1');
		expect(loadObjectiveMap(db, uncleared, codes, {}, 'S1', choice).map?.indicator.code).toBe('S1');
		// below Alpha no district has an outline: nothing to pick, no map
		expect(loadObjectiveMap(db, uncleared, codes, { area: 'P1' }, null, choice)).toEqual({
			options: [],
			map: null
		});
	});
});
