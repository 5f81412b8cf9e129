/**
 * The demo's sites: every kind the map draws, opened and closed within the demo's years, one
 * restricted, each standing inside its own territory's fictional outline.
 */
import { geoContains } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { SITE_COLUMNS } from '../../../src/lib/domain/columns';
import { demoBoundaries } from '../../../src/lib/server/demo/boundaries';
import { DEMO_SEED } from '../../../src/lib/server/demo/generate';
import { AREAS } from '../../../src/lib/server/demo/mission';
import { DEMO_SITES, demoSitesFile } from '../../../src/lib/server/demo/sites';

const file = demoSitesFile(DEMO_SEED);
const rows = Papa.parse<Record<string, string>>(file.content, {
	header: true,
	skipEmptyLines: true
});

/** d3-geo wants outer rings clockwise, RFC 7946 (and the file) counter-clockwise. */
function forD3(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const reversed = (rings: Position[][]) => rings.map((r) => [...r].reverse());
	return g.type === 'Polygon'
		? { type: 'Polygon', coordinates: reversed(g.coordinates) }
		: { type: 'MultiPolygon', coordinates: g.coordinates.map(reversed) };
}

describe("the demo's sites", () => {
	test('a sites file with the columns of the format, one row per site', () => {
		expect(rows.meta.fields).toEqual([...SITE_COLUMNS]);
		expect(rows.data.map((r) => r.site_code)).toEqual(DEMO_SITES.map((s) => s.code));
		expect(new Set(rows.data.map((r) => r.site_type))).toEqual(
			new Set(['base', 'temporary_base', 'police_post', 'other'])
		);
		expect(rows.data.filter((r) => r.sensitivity === 'restricted')).toHaveLength(1);
		// a site named as an area would be listed twice under one name on the areas page
		const areaNames = AREAS.map((a) => a.name.toLowerCase());
		for (const r of rows.data) expect(areaNames).not.toContain(r.site_name!.toLowerCase());
	});

	test("opened and closed within the demo's years, never closed before opened", () => {
		for (const r of rows.data) {
			expect(r.opened! >= '2021-07-01' && r.opened! <= '2026-09-30', r.site_code).toBe(true);
			if (r.closed) expect(r.closed > r.opened!, r.site_code).toBe(true);
		}
		expect(rows.data.some((r) => r.closed !== '')).toBe(true);
		expect(rows.data.some((r) => r.closed === '')).toBe(true);
	});

	test('each site stands inside its own territory and no other', () => {
		const outlines = demoBoundaries(DEMO_SEED).features.filter(
			(f) => f.properties.level === 'territory'
		);
		for (const site of DEMO_SITES) {
			const row = rows.data.find((r) => r.site_code === site.code)!;
			const point: [number, number] = [Number(row.longitude), Number(row.latitude)];
			const holding = outlines.filter((f) => geoContains(forD3(f.geometry), point));
			expect([site.code, holding.map((f) => f.properties.code)]).toEqual([
				site.code,
				[site.territory]
			]);
		}
	}, 20_000);

	test('deterministic: the same seed, the same bytes', () => {
		expect(demoSitesFile(DEMO_SEED).content).toBe(file.content);
	}, 20_000);
});
