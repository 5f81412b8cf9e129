// The fictional outlines of Corvania's provinces and territories, as the GeoJSON file a planner
// would upload (match by `code`). Pure and seeded like the rest of the demo: the same seed gives
// the same bytes.
//
// How: a jittered triangle mesh over an invented box of open South Atlantic (so the country
// overlaps no real one), the country = the triangles inside a wobbly outline, each triangle
// given to the nearest territory seed after a smooth warp (so borders curve instead of running
// straight). A territory is the union of its triangles, a province the union of its
// territories' triangles (domain/maps/outline-union.ts). Every border is thereby made of the
// very same vertices on both sides: no gaps, no overlaps, and provinces are exactly the union
// of their territories.

import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { outlineUnions } from '../../domain/maps/outline-union';
import { AREAS, TERRITORIES } from './mission';
import { streamFor, type Rng } from './random';

/** Corvania's box (WGS84 degrees): open ocean, west of Tristan da Cunha. */
export const CORVANIA_BOX = { west: -30, east: -26, south: -35, north: -31.5 } as const;

const COLUMNS = 30;
const ROWS = 24;
/** Where each territory's seed lies, in the box's unit square (x east, y north). */
const TERRITORY_SEEDS: Record<string, [number, number]> = {
	'SOL-MIR': [0.22, 0.58],
	'SOL-PEL': [0.3, 0.24],
	'AMB-DUN': [0.48, 0.8],
	'AMB-ORR': [0.7, 0.86],
	'AMB-SAB': [0.84, 0.62],
	'KES-QUI': [0.56, 0.48],
	'KES-FEN': [0.58, 0.16],
	'KES-BRA': [0.82, 0.32]
};

export interface BoundaryProperties {
	code: string;
	name: string;
	level: string;
}

export type DemoBoundaries = FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;

type Point = [number, number];
interface Triangle {
	corners: [number, number, number];
	centre: Point;
}

/** Corvania laid out on the mesh: which territory holds each triangle (null: the sea). */
interface Layout {
	vertices: Point[];
	triangles: Triangle[];
	neighbours: number[][];
	owner: (string | null)[];
}

function layout(seed: number): Layout {
	const rng = streamFor(seed, 'boundaries');
	const vertices = meshVertices(rng);
	const triangles = meshTriangles(vertices, rng);
	const neighbours = edgeNeighbours(triangles);
	const inside = smoothCoast(
		countryTriangles(triangles, streamFor(seed, 'boundaries', 'outline')),
		neighbours
	);
	const country = inOnePiece(
		inside.map((i) => (i ? 'country' : null)),
		neighbours
	);
	const owner = inOnePiece(
		assignTerritories(triangles, country.map(Boolean), streamFor(seed, 'boundaries', 'warp')),
		neighbours
	);
	return { vertices, triangles, neighbours, owner };
}

/** The demo's boundaries file: one feature per area (provinces first), property `code`. */
export function demoBoundaries(seed: number): DemoBoundaries {
	const { vertices, triangles, owner } = layout(seed);
	const lonLat = vertices.map(toLonLat);
	const pieces: Polygon[] = triangles.map((t) => ({
		type: 'Polygon',
		coordinates: [[...t.corners, t.corners[0]].map((i) => lonLat[i]!)]
	}));
	const groups = AREAS.map((area) => {
		const codes = area.level === 'province' ? childrenOf(area.code) : [area.code];
		return owner.flatMap((code, i) => (code && codes.includes(code) ? [i] : []));
	});
	const outlines = outlineUnions(pieces, groups);
	const features: Feature<Polygon | MultiPolygon, BoundaryProperties>[] = AREAS.map((area, i) => ({
		type: 'Feature',
		properties: { code: area.code, name: area.name, level: area.level },
		geometry: outlines[i]!
	}));
	return { type: 'FeatureCollection', features };
}

/**
 * Places well inside each territory (the centre of a triangle whose neighbours all belong to
 * the same territory), drawn from `rng`: where the demo's sites stand. Longitude, latitude.
 */
export function placesInside(
	seed: number
): (territory: string, rng: () => number) => [number, number] {
	const { triangles, neighbours, owner } = layout(seed);
	return (territory, rng) => {
		const inner = triangles.filter(
			(_, i) => owner[i] === territory && neighbours[i]!.every((n) => owner[n] === territory)
		);
		if (inner.length === 0) throw new Error(`demo boundaries: no inner place in ${territory}`);
		const [lon, lat] = toLonLat(inner[Math.floor(rng() * inner.length)]!.centre);
		return [lon!, lat!];
	};
}

/** The file as uploaded: `corvania-boundaries.geojson`. */
export function demoBoundariesFile(seed: number): { name: string; content: string } {
	return {
		name: 'corvania-boundaries.geojson',
		content: `${JSON.stringify(demoBoundaries(seed))}\n`
	};
}

function childrenOf(province: string): string[] {
	return TERRITORIES.filter((t) => t.parent === province).map((t) => t.code);
}

// ---------------------------------------------------------------------------------------------
// The mesh, in the unit square

function meshVertices(rng: Rng): Point[] {
	const points: Point[] = [];
	for (let row = 0; row <= ROWS; row++) {
		for (let column = 0; column <= COLUMNS; column++) {
			// the frame stays straight so the mesh covers the square; inside, up to 0.3 of a cell
			const edge = row === 0 || row === ROWS || column === 0 || column === COLUMNS;
			const dx = edge ? 0 : (rng() - 0.5) * 0.6;
			const dy = edge ? 0 : (rng() - 0.5) * 0.6;
			points.push([(column + dx) / COLUMNS, (row + dy) / ROWS]);
		}
	}
	return points;
}

function meshTriangles(vertices: Point[], rng: Rng): Triangle[] {
	const at = (column: number, row: number) => row * (COLUMNS + 1) + column;
	const triangles: Triangle[] = [];
	const add = (a: number, b: number, c: number) => {
		const [pa, pb, pc] = [vertices[a]!, vertices[b]!, vertices[c]!];
		triangles.push({
			corners: [a, b, c],
			centre: [(pa[0] + pb[0] + pc[0]) / 3, (pa[1] + pb[1] + pc[1]) / 3]
		});
	};
	for (let row = 0; row < ROWS; row++) {
		for (let column = 0; column < COLUMNS; column++) {
			const [sw, se, ne, nw] = [
				at(column, row),
				at(column + 1, row),
				at(column + 1, row + 1),
				at(column, row + 1)
			];
			// either diagonal, at random, so borders do not all run at 45°; corners counter-clockwise
			if (rng() < 0.5) {
				add(sw, se, ne);
				add(sw, ne, nw);
			} else {
				add(sw, se, nw);
				add(se, ne, nw);
			}
		}
	}
	return triangles;
}

/** The country: triangles whose centre lies inside a wobbly, star-shaped outline. */
function countryTriangles(triangles: Triangle[], rng: Rng): boolean[] {
	const waves = [2, 3, 5, 7].map((k) => ({
		k,
		amplitude: (0.11 / k) * (0.5 + rng()),
		phase: rng() * 2 * Math.PI
	}));
	const radius = (angle: number) =>
		0.42 * (1 + waves.reduce((r, w) => r + w.amplitude * Math.sin(w.k * angle + w.phase), 0));
	return triangles.map(({ centre: [x, y] }) => {
		const [dx, dy] = [x - 0.5, y - 0.5];
		return Math.hypot(dx, dy) < radius(Math.atan2(dy, dx));
	});
}

/**
 * A coast without spikes and notches: a triangle of the country held by one edge only leaves
 * it, one of the sea between two or more of the country's joins it.
 */
function smoothCoast(inside: boolean[], neighbours: number[][]): boolean[] {
	let coast = inside;
	for (let pass = 0; pass < 3; pass++) {
		coast = coast.map((isIn, i) => {
			const around = neighbours[i]!.filter((n) => coast[n]).length;
			return isIn ? around >= 2 : around >= 2 && neighbours[i]!.length === 3;
		});
	}
	return coast;
}

/** Each country triangle's territory: the nearest seed after a smooth warp of the plane. */
function assignTerritories(triangles: Triangle[], inside: boolean[], rng: Rng): (string | null)[] {
	const phase = [rng(), rng(), rng(), rng()].map((r) => r * 2 * Math.PI);
	// the warp's slope stays below 1, so it folds nothing and territories stay in one piece
	const warp = ([x, y]: Point): Point => [
		x + 0.045 * Math.sin(9 * y + phase[0]!) + 0.02 * Math.sin(17 * y + phase[1]!),
		y + 0.045 * Math.sin(9 * x + phase[2]!) + 0.02 * Math.sin(17 * x + phase[3]!)
	];
	const seeds = Object.entries(TERRITORY_SEEDS);
	return triangles.map((triangle, i) => {
		if (!inside[i]) return null;
		const [x, y] = warp(triangle.centre);
		let best = seeds[0]!;
		for (const seed of seeds) {
			if (distance(seed[1], [x, y]) < distance(best[1], [x, y])) best = seed;
		}
		return best[0];
	});
}

/** For each triangle, the triangles it shares an edge with. */
function edgeNeighbours(triangles: Triangle[]): number[][] {
	const byEdge = new Map<string, number[]>();
	triangles.forEach(({ corners }, i) => {
		for (let k = 0; k < 3; k++) {
			const [a, b] = [corners[k]!, corners[(k + 1) % 3]!];
			const key = a < b ? `${a}-${b}` : `${b}-${a}`;
			byEdge.set(key, [...(byEdge.get(key) ?? []), i]);
		}
	});
	const neighbours: number[][] = triangles.map(() => []);
	for (const pair of byEdge.values()) {
		if (pair.length !== 2) continue;
		neighbours[pair[0]!]!.push(pair[1]!);
		neighbours[pair[1]!]!.push(pair[0]!);
	}
	return neighbours;
}

/**
 * Each label's triangles in one piece joined by edges (a triangle touching the rest by a corner
 * only would make a second polygon): the smaller pieces go to the label most of their
 * neighbours have, again until every label is one piece. Null is "outside", and the outside
 * may be in pieces (a piece of it enclosed by the country would be a hole: it joins the country).
 */
function inOnePiece(labels: (string | null)[], neighbours: number[][]): (string | null)[] {
	const result = [...labels];
	for (let pass = 0; pass < 20; pass++) {
		let changed = false;
		const seen = new Set<number>();
		const pieces = new Map<string | null, number[][]>();
		result.forEach((label, start) => {
			if (seen.has(start)) return;
			const piece = [start];
			seen.add(start);
			for (let i = 0; i < piece.length; i++) {
				for (const next of neighbours[piece[i]!]!) {
					if (!seen.has(next) && result[next] === label) {
						seen.add(next);
						piece.push(next);
					}
				}
			}
			pieces.set(label, [...(pieces.get(label) ?? []), piece]);
		});
		for (const [label, list] of pieces) {
			const largest = Math.max(...list.map((p) => p.length));
			for (const piece of list) {
				const onFrame = piece.some((i) => neighbours[i]!.length < 3);
				if (label === null ? onFrame : piece.length === largest) continue;
				const around = piece.flatMap((i) => neighbours[i]!.map((n) => result[n]!));
				const other = mostCommon(around.filter((l) => l !== label));
				if (other === undefined) continue;
				for (const i of piece) result[i] = other;
				changed = true;
			}
		}
		if (!changed) return result;
	}
	throw new Error('demo boundaries: the mesh did not settle into one piece per area');
}

function mostCommon<T>(values: T[]): T | undefined {
	const counts = new Map<T, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	let best: T | undefined;
	for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
	return best;
}

function distance(a: Point, b: Point): number {
	return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

// ---------------------------------------------------------------------------------------------
// Output

const DECIMALS = 5; // about a metre: finer means nothing for a map, and bytes

function toLonLat([x, y]: Point): Position {
	const { west, east, south, north } = CORVANIA_BOX;
	return [round(west + x * (east - west)), round(south + y * (north - south))];
}

function round(value: number): number {
	const factor = 10 ** DECIMALS;
	return Math.round(value * factor) / factor;
}
