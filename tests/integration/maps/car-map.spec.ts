/**
 * The map on reality: the CAR example (the prefectures of geoBoundaries and the UCDP events,
 * loaded by loadCarExample exactly as `npm run example:car` does). For every indicator of the
 * example and a few buckets, the country's map draws one path per prefecture, each carrying the
 * figure the series API gives for that prefecture and bucket.
 */
import { join } from 'node:path';
import { render } from 'svelte/server';
import { beforeAll, describe, expect, test } from 'vitest';
import MapSvg from '../../../src/lib/components/maps/MapSvg.svelte';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { loadCarExample } from '../../../src/lib/server/example/car';
import { COUNTRY, UNLOCATED } from '../../../src/lib/server/example/car-mission';
import { loadAreaMap, type AreaMapView } from '../../../src/lib/server/maps/area-map';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { FIXTURES, freshDb } from '../../helpers/db';

const INDICATORS = ['1.1.1', '1.2.1', '1.2.3'];
const BY = 'year';

let db: Db;

beforeAll(async () => {
	db = freshDb();
	const report = await loadCarExample(db, LOCAL_ADMINISTRATOR, join(FIXTURES, 'real'));
	expect(report.ok).toBe(true);
}, 120_000);

function countryMap(code: string, period: string | null): AreaMapView {
	const result = loadAreaMap(
		db,
		LOCAL_ADMINISTRATOR,
		code,
		{ area: COUNTRY.code, by: BY },
		{ period, perPeople: false }
	);
	if (!result.ok) throw new Error(result.message);
	if (!result.map) throw new Error(`no map of ${code}`);
	return result.map;
}

function drawnValues(map: AreaMapView): Map<string, string> {
	const svg = render(MapSvg, {
		props: { map, patternId: 'hatch', areaHref: (c: string) => `/x?area=${c}` }
	}).body;
	const out = new Map<string, string>();
	for (const m of svg.matchAll(/<a [^>]*data-area="([^"]+)"[^>]*>\s*<path ([^>]*)>/g)) {
		expect(out.has(m[1]!), `one path for ${m[1]}`).toBe(false);
		out.set(m[1]!, /data-value="([^"]*)"/.exec(m[2]!)![1]!);
	}
	return out;
}

describe('the CAR example on the map', () => {
	test.each(INDICATORS)(
		'%s: one path per prefecture, each with the value the series gives for that prefecture and year',
		(code) => {
			const latest = countryMap(code, null);
			const years = latest.periods.filter((p) => p.withData).map((p) => p.period);
			expect(years.length).toBeGreaterThan(0);
			// the latest with figures, the first with figures and one between
			const sample = [...new Set([years.at(-1)!, years[0]!, years[Math.floor(years.length / 2)]!])];
			for (const period of sample) {
				const map = countryMap(code, period);
				const drawn = drawnValues(map);
				const prefectures = map.areas.filter((a) => a.code !== UNLOCATED.code);
				// geoBoundaries has the 16 prefectures and Bangui
				expect(prefectures).toHaveLength(17);
				expect([...drawn.keys()].sort()).toEqual(prefectures.map((a) => a.code).sort());
				for (const area of prefectures) {
					const series = loadSeries(db, LOCAL_ADMINISTRATOR, code, { area: area.code, by: BY });
					if (!series.ok) throw new Error(series.message);
					const expected = series.series.points.find((p) => p.period === period)?.actual ?? null;
					const shown = drawn.get(area.code)!;
					expect(shown === '' ? null : Number(shown), `${code} ${area.code} ${period}`).toBe(
						expected
					);
				}
			}
		}
	);

	test('the events without a prefecture are in the table, not drawn (no outline)', () => {
		const map = countryMap('1.1.1', null);
		const unlocated = map.areas.find((a) => a.code === UNLOCATED.code);
		if (unlocated) expect(unlocated.path).toBeNull();
		expect(map.areas.filter((a) => a.path !== null)).toHaveLength(17);
	});
});
