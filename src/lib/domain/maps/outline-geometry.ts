/**
 * Whether a GeoJSON geometry can be an area's outline (docs/formats.md "Boundaries"): a
 * Polygon or MultiPolygon in WGS84 longitude/latitude (RFC 7946), every ring closed and of at
 * least 4 positions. Pure: the file reader asks it about each feature.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { m } from '../../paraglide/messages.js';

export type Outline = Polygon | MultiPolygon;

/** Past this, a coordinate is no degree at all: the file is in metres of some projection. */
const PROJECTED = 1000;

/** `[23.47, 9.13]`: a position as the file wrote it, for a message. */
function positionText(position: unknown): string {
	const text = JSON.stringify(position) ?? String(position);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * What is wrong with one ring, or null. `where` names the ring in the reader's words ("ring 2",
 * "ring 1 of polygon 3"). Only the first problem is told: one is enough to refuse the feature,
 * and a ring of thousands of bad positions would otherwise bury every other feature's problem.
 */
function ringProblem(ring: unknown, where: string): string | null {
	if (!Array.isArray(ring)) return m.bnd_ring_not_list({ where });
	for (let i = 0; i < ring.length; i++) {
		const position: unknown = ring[i];
		const at = { where, position: String(i + 1), value: positionText(position) };
		const numbers =
			Array.isArray(position) &&
			// RFC 7946 allows an altitude as a third number; it is not drawn
			(position.length === 2 || position.length === 3) &&
			position.every((n) => typeof n === 'number' && Number.isFinite(n));
		if (!numbers) return m.bnd_position_not_numbers(at);
		const [longitude, latitude] = position as Position as [number, number];
		if (Math.abs(longitude) > PROJECTED || Math.abs(latitude) > PROJECTED) {
			return m.bnd_position_projected(at);
		}
		if (longitude < -180 || longitude > 180) return m.bnd_longitude_out_of_range(at);
		if (latitude < -90 || latitude > 90) return m.bnd_latitude_out_of_range(at);
	}
	if (ring.length < 4) {
		return m.bnd_ring_too_short({ where, count: ring.length, n: String(ring.length) });
	}
	const first = ring[0] as number[];
	const last = ring[ring.length - 1] as number[];
	if (first[0] !== last[0] || first[1] !== last[1]) {
		return m.bnd_ring_not_closed({
			where,
			first: positionText(first),
			last: positionText(last)
		});
	}
	return null;
}

/** The rings of one polygon: the outer ring, then its holes. */
function polygonProblem(rings: unknown, polygon: number | null): string | null {
	const at = (ring: number) =>
		polygon === null
			? m.bnd_where_ring({ ring: String(ring) })
			: m.bnd_where_polygon_ring({ ring: String(ring), polygon: String(polygon) });
	if (!Array.isArray(rings) || rings.length === 0) {
		return polygon === null
			? m.bnd_polygon_no_rings()
			: m.bnd_multipolygon_part_no_rings({ polygon: String(polygon) });
	}
	for (let r = 0; r < rings.length; r++) {
		const problem = ringProblem(rings[r], at(r + 1));
		if (problem) return problem;
	}
	return null;
}

/** What keeps a feature's geometry from being an outline, or null when it can be one. */
export function outlineProblem(geometry: unknown): string | null {
	if (geometry === null || typeof geometry !== 'object') return m.bnd_no_geometry();
	const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
	if (type === 'Polygon') return polygonProblem(coordinates, null);
	if (type === 'MultiPolygon') {
		if (!Array.isArray(coordinates) || coordinates.length === 0) return m.bnd_multipolygon_empty();
		for (let p = 0; p < coordinates.length; p++) {
			const problem = polygonProblem(coordinates[p], p + 1);
			if (problem) return problem;
		}
		return null;
	}
	return m.bnd_not_polygon({ type: typeof type === 'string' ? type : positionText(type) });
}

/**
 * The outline as it is kept: positions of two numbers (an altitude dropped). Only for a
 * geometry outlineProblem accepted.
 */
export function flatOutline(geometry: Outline): Outline {
	const flat = (ring: Position[]) => ring.map(([x, y]) => [x!, y!]);
	return geometry.type === 'Polygon'
		? { type: 'Polygon', coordinates: geometry.coordinates.map(flat) }
		: {
				type: 'MultiPolygon',
				coordinates: geometry.coordinates.map((polygon) => polygon.map(flat))
			};
}
