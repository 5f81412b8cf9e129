/**
 * The demo mission's areas get their fictional outlines through the boundaries import, like a
 * planner's file: every area has one, and once simplified for display the territories still
 * tile their province (shared borders stay shared).
 */
import { geoArea } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { loadDemoIfEmpty } from '../../../src/lib/server/demo/load-demo';
import { PROVINCES, TERRITORIES } from '../../../src/lib/server/demo/mission';
import { areaOutlines } from '../../../src/lib/server/maps/outlines';
import { freshDb } from '../../helpers/db';

/** d3-geo wants outer rings clockwise, RFC 7946 counter-clockwise. */
function forD3(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const reversed = (rings: Position[][]) => rings.map((r) => [...r].reverse());
	return g.type === 'Polygon'
		? { type: 'Polygon', coordinates: reversed(g.coordinates) }
		: { type: 'MultiPolygon', coordinates: g.coordinates.map(reversed) };
}

test(
	'every demo area has its outline, and territories still tile their province',
	{ timeout: 60_000 },
	async () => {
		const db = freshDb();
		const report = (await loadDemoIfEmpty(db, LOCAL_ADMINISTRATOR))!;
		expect(report.files.flatMap((f) => f.errors)).toEqual([]);
		expect(report.ok).toBe(true);
		const ids = new Map(
			(
				db.$client.prepare('SELECT id, code FROM areas').all() as { id: number; code: string }[]
			).map((a) => [a.code, a.id])
		);
		const outlines = areaOutlines(db, [...ids.values()]);
		expect(outlines.size).toBe(PROVINCES.length + TERRITORIES.length);
		const area = (code: string) => geoArea(forD3(outlines.get(ids.get(code)!)!));
		for (const province of PROVINCES) {
			const sum = TERRITORIES.filter((t) => t.parent === province.code).reduce(
				(total, t) => total + area(t.code),
				0
			);
			// simplification moves shared borders for both sides at once: the sum still holds
			expect(sum / area(province.code)).toBeCloseTo(1, 3);
		}
		const batches = db.$client
			.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'areas.boundaries'`)
			.get() as { n: number };
		expect(batches.n).toBe(1);
	}
);
