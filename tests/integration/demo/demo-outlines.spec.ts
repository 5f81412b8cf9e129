/**
 * The demo mission's maps: its areas get their fictional outlines through the boundaries import,
 * like a planner's file — every area has one, and once simplified for display the territories
 * still tile their province (shared borders stay shared) — and its sites come through the
 * importer, open and closed over the demo's years.
 */
import { geoArea } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { loadDemoIfEmpty } from '../../../src/lib/server/demo/load-demo';
import { PROVINCES, TERRITORIES } from '../../../src/lib/server/demo/mission';
import { areaOutlines } from '../../../src/lib/server/maps/outlines';
import { sitesOpenDuring } from '../../../src/lib/server/maps/sites';
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

test(
	"the demo's sites: those open in a period, the restricted one only for cleared readers",
	{ timeout: 60_000 },
	async () => {
		const db = freshDb();
		await loadDemoIfEmpty(db, LOCAL_ADMINISTRATOR);
		const cleared = { username: 'verifier', role: 'verifier' as const, cleared: true };
		const uncleared = { username: 'viewer', role: 'viewer' as const, cleared: false };
		const codes = (actor: typeof cleared | typeof uncleared, start: string, end: string) =>
			sitesOpenDuring(db, actor, start, end)
				.map((s) => s.code)
				.sort();
		// January 2022: the Orrin Falls base opened for the dry season, Quillhaven's not yet
		expect(codes(cleared, '2022-01-01', '2022-01-31')).toEqual(
			['HQ-MIR', 'PP-PEL', 'SEC-DUN', 'TOB-ORR'].sort()
		);
		// 2024-Q2: Fennoway's base until April, Pellinor's post until June, the safe house since March
		expect(codes(cleared, '2024-04-01', '2024-06-30')).toEqual(
			['COB-QUI', 'HQ-MIR', 'PP-PEL', 'PP-SAB', 'SAFE-FEN', 'SEC-DUN', 'TOB-FEN'].sort()
		);
		expect(codes(uncleared, '2024-04-01', '2024-06-30')).not.toContain('SAFE-FEN');
		expect(codes(uncleared, '2024-04-01', '2024-06-30')).toHaveLength(6);
	}
);
