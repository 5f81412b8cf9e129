/**
 * Unions of outlines that share borders: a province from its territories, a country from its
 * prefectures. topojson joins polygons along the arcs they share (vertex for vertex), so a
 * union has exactly the outer border of its pieces and no slivers — provided the pieces meet
 * exactly, as a planar partition's do.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type {
	GeometryCollection,
	MultiPolygon as TopoMultiPolygon,
	Polygon as TopoPolygon,
	Topology
} from 'topojson-specification';

/** For each group of indices into `pieces`, the union of those pieces. */
export function outlineUnions(
	pieces: readonly (Polygon | MultiPolygon)[],
	groups: readonly (readonly number[])[]
): (Polygon | MultiPolygon)[] {
	const collection = {
		type: 'GeometryCollection',
		geometries: pieces.map((p) => ({ ...p }))
	} as const;
	// no quantization: pieces share borders exactly, vertex for vertex, and keep their digits
	const mesh = topology({ pieces: collection }) as unknown as Topology<{
		pieces: GeometryCollection;
	}>;
	const arcs = mesh.objects.pieces.geometries as (TopoPolygon | TopoMultiPolygon)[];
	return groups.map((group) =>
		rfc7946(
			merge(
				mesh,
				group.map((i) => arcs[i]!)
			)
		)
	);
}

/**
 * A Polygon when the union is in one piece, rings wound as RFC 7946 says: outer rings
 * counter-clockwise, holes clockwise (whatever the pieces' own winding was).
 */
function rfc7946(union: MultiPolygon): Polygon | MultiPolygon {
	const polygons = union.coordinates.map((polygon) =>
		polygon.map((ring, i) => wound(ring, i === 0))
	);
	if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
	return { type: 'MultiPolygon', coordinates: polygons };
}

function wound(ring: Position[], counterClockwise: boolean): Position[] {
	return isCounterClockwise(ring) === counterClockwise ? ring : [...ring].reverse();
}

/** In the plane of longitude and latitude (shoelace formula). */
export function isCounterClockwise(ring: readonly Position[]): boolean {
	let twiceArea = 0;
	for (let i = 0; i < ring.length - 1; i++) {
		const [a, b] = [ring[i]!, ring[i + 1]!];
		twiceArea += a[0]! * b[1]! - b[0]! * a[1]!;
	}
	return twiceArea > 0;
}
