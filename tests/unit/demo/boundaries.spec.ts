/**
 * Corvania's fictional outlines: one per area, deterministic, the territories tiling their
 * province with no gap and no overlap, borders shared vertex for vertex. Areas and containment
 * are measured on the sphere with d3-geo, independently of how the file was made.
 */
import { geoArea, geoContains } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import {
	CORVANIA_BOX,
	demoBoundaries,
	demoBoundariesFile,
	type DemoBoundaries
} from '../../../src/lib/server/demo/boundaries';
import { DEMO_SEED } from '../../../src/lib/server/demo/generate';
import { AREAS, PROVINCES, TERRITORIES } from '../../../src/lib/server/demo/mission';

const file = demoBoundaries(DEMO_SEED);
const geometryOf = (code: string) => {
	const feature = file.features.find((f) => f.properties.code === code);
	if (!feature) throw new Error(`no outline for ${code}`);
	return feature.geometry;
};
const ringsOf = (g: Polygon | MultiPolygon): Position[][] =>
	g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();

/** d3-geo wants outer rings clockwise, RFC 7946 (and the file) counter-clockwise. */
function forD3(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const reversed = (rings: Position[][]) => rings.map((r) => [...r].reverse());
	return g.type === 'Polygon'
		? { type: 'Polygon', coordinates: reversed(g.coordinates) }
		: { type: 'MultiPolygon', coordinates: g.coordinates.map(reversed) };
}
const d3Geometries = new Map(AREAS.map((a) => [a.code, forD3(geometryOf(a.code))]));
const area = (code: string) => geoArea(d3Geometries.get(code)!);
const contains = (code: string, point: [number, number]) =>
	geoContains(d3Geometries.get(code)!, point);

/** The edges of a geometry's rings, each as "a|b" with its ends in a fixed order. */
function edges(g: Polygon | MultiPolygon): string[] {
	return ringsOf(g).flatMap((ring) =>
		ring.slice(1).map((b, i) => [ring[i]!.join(), b.join()].sort().join('|'))
	);
}

describe("Corvania's outlines", () => {
	test('one feature per area, matched by code, each a single polygon without holes', () => {
		expect(file.type).toBe('FeatureCollection');
		expect(file.features.map((f) => f.properties.code)).toEqual(AREAS.map((a) => a.code));
		for (const feature of file.features) {
			expect([feature.properties.code, feature.geometry.type]).toEqual([
				feature.properties.code,
				'Polygon'
			]);
			expect(ringsOf(feature.geometry)).toHaveLength(1);
		}
	});

	test('valid WGS84 rings inside the invented box: closed, no repeated vertex, wound as RFC 7946', () => {
		for (const feature of file.features) {
			for (const ring of ringsOf(feature.geometry)) {
				expect(ring.length).toBeGreaterThanOrEqual(4);
				expect(ring[0]).toEqual(ring.at(-1));
				expect(new Set(ring.slice(1).map((p) => p.join())).size).toBe(ring.length - 1);
				for (const [lon, lat] of ring) {
					expect(lon).toBeGreaterThanOrEqual(CORVANIA_BOX.west);
					expect(lon).toBeLessThanOrEqual(CORVANIA_BOX.east);
					expect(lat).toBeGreaterThanOrEqual(CORVANIA_BOX.south);
					expect(lat).toBeLessThanOrEqual(CORVANIA_BOX.north);
				}
				let twiceArea = 0;
				ring.slice(1).forEach((b, i) => {
					const a = ring[i]!;
					twiceArea += a[0]! * b[1]! - b[0]! * a[1]!;
				});
				expect(twiceArea).toBeGreaterThan(0);
			}
			// a small area on the sphere (not its complement): 3.5° of latitude is about 1e-3 sr
			expect(area(feature.properties.code)).toBeLessThan(0.01);
		}
	});

	test("the territories' areas add up to their province's, and every territory has a real share", () => {
		for (const province of PROVINCES) {
			const children = TERRITORIES.filter((t) => t.parent === province.code);
			const sum = children.reduce((total, t) => total + area(t.code), 0);
			expect(sum / area(province.code)).toBeCloseTo(1, 9);
			for (const t of children) expect(area(t.code) / sum).toBeGreaterThan(0.08);
		}
	});

	test('no gaps, no overlaps: each point of a province lies in exactly one of its territories', () => {
		const { west, east, south, north } = CORVANIA_BOX;
		let inCountry = 0;
		// an irrational step, so no sample falls exactly on a border
		for (let x = west + 0.01; x < east; x += Math.SQRT2 / 30) {
			for (let y = south + 0.01; y < north; y += Math.SQRT2 / 30) {
				const point: [number, number] = [x, y];
				const territories = TERRITORIES.filter((t) => contains(t.code, point));
				const provinces = PROVINCES.filter((p) => contains(p.code, point));
				expect(territories.length).toBeLessThanOrEqual(1);
				expect(provinces.map((p) => p.code)).toEqual(territories.map((t) => t.parent));
				inCountry += territories.length;
			}
		}
		expect(inCountry).toBeGreaterThan(300);
	}, 30_000);

	test('shared borders are identical: a province is its territories with their common edges removed', () => {
		for (const province of PROVINCES) {
			const inner = TERRITORIES.filter((t) => t.parent === province.code).flatMap((t) =>
				edges(geometryOf(t.code))
			);
			const times = new Map<string, number>();
			for (const e of inner) times.set(e, (times.get(e) ?? 0) + 1);
			// every edge of a territory is on the province's outline or shared with a neighbour
			expect([...times.values()].every((n) => n <= 2)).toBe(true);
			const outline = [...times].filter(([, n]) => n === 1).map(([e]) => e);
			expect(new Set(outline)).toEqual(new Set(edges(geometryOf(province.code))));
		}
		// and between provinces: an edge of the country's inside is used by exactly two territories
		const all = TERRITORIES.flatMap((t) => edges(geometryOf(t.code)));
		const outlines = new Set(PROVINCES.flatMap((p) => edges(geometryOf(p.code))));
		const shared = all.filter((e) => all.indexOf(e) !== all.lastIndexOf(e));
		expect(shared.length).toBeGreaterThan(0);
		const provinceBorders = [...outlines].filter((e) => shared.includes(e));
		expect(provinceBorders.length).toBeGreaterThan(0);
	});

	test('deterministic: the same seed gives the same bytes, another seed another country', () => {
		expect(demoBoundariesFile(DEMO_SEED).content).toBe(demoBoundariesFile(DEMO_SEED).content);
		const other: DemoBoundaries = demoBoundaries(DEMO_SEED + 1);
		expect(JSON.stringify(other)).not.toBe(JSON.stringify(file));
		expect(demoBoundariesFile(DEMO_SEED).content).toBe(`${JSON.stringify(file)}\n`);
	}, 20_000);
});
