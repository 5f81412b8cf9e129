import { eq, inArray } from 'drizzle-orm';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../db';
import { areaBoundaries, areas } from '../db/schema';

/**
 * How many ids one query binds: well under SQLite's limit on bound variables, so a map of every
 * area of a large mission still reads in a few statements.
 */
const IDS_PER_QUERY = 500;

/**
 * The stored outlines of these areas, by area id (areas without one are absent). Outlines are
 * the simplified geometry import-boundaries.ts stored; they say where an area lies, nothing
 * about its figures, so reading them needs no permission of its own: the page drawing them
 * checks what the reader may see of the figures.
 */
export function areaOutlines(
	db: Db,
	areaIds: readonly number[]
): Map<number, Polygon | MultiPolygon> {
	const outlines = new Map<number, Polygon | MultiPolygon>();
	const wanted = [...new Set(areaIds)];
	for (let start = 0; start < wanted.length; start += IDS_PER_QUERY) {
		const rows = db
			.select({ areaId: areaBoundaries.areaId, geometry: areaBoundaries.geometry })
			.from(areaBoundaries)
			.where(inArray(areaBoundaries.areaId, wanted.slice(start, start + IDS_PER_QUERY)))
			.all();
		for (const row of rows) {
			outlines.set(row.areaId, JSON.parse(row.geometry) as Polygon | MultiPolygon);
		}
	}
	return outlines;
}

/** The codes of the areas that have an outline, for the areas page to say which do. */
export function outlinedAreaCodes(db: Db): Set<string> {
	const rows = db
		.select({ code: areas.code })
		.from(areaBoundaries)
		.innerJoin(areas, eq(areas.id, areaBoundaries.areaId))
		.all();
	return new Set(rows.map((r) => r.code));
}
