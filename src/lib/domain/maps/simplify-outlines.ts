/**
 * Outlines simplified for display, with their topology kept: the outlines of one file become
 * one TopoJSON topology, where a border two areas share is one arc; the arc is simplified once
 * (Visvalingam, topojson-simplify) and both areas take it back, so shared borders stay shared —
 * no gaps, no overlaps — after simplification. A well-kept library does the geometry, never a
 * hand-written simplifier. Pure.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Outline } from './outline-geometry';

/** The width, in pixels, at which one area drawn alone (its own view) must keep its shape. */
export const DISPLAY_WIDTH_PX = 600;

/**
 * Positions are snapped to a grid this many steps across the file's extent before the
 * topology is built, so borders written with a last-digit difference on each side are
 * still found to be one border (well finer than the rounding below).
 */
const QUANTIZATION = 1e6;

/** The width and height, in degrees, of the box around an outline. */
function extentOf(outline: Outline): number {
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	const rings = outline.type === 'Polygon' ? outline.coordinates : outline.coordinates.flat();
	for (const ring of rings) {
		for (const [x, y] of ring) {
			minX = Math.min(minX, x!);
			maxX = Math.max(maxX, x!);
			minY = Math.min(minY, y!);
			maxY = Math.max(maxY, y!);
		}
	}
	return Math.max(maxX - minX, maxY - minY);
}

/**
 * How much is simplified away, from the extent of the areas themselves. A map shows one area's
 * children; zoomed to one area (its own view) a typical area — the median one, so that one
 * tiny capital or one vast desert prefecture does not decide for all — is DISPLAY_WIDTH_PX
 * wide, and one pixel is `extent / 600` degrees. Visvalingam removes a point when the triangle
 * it makes with its neighbours is smaller than the weight: here one square pixel, so what goes
 * is what would not show. The weight is in square degrees (planar triangle areas on longitude
 * and latitude): the squeeze of longitude away from the equator is ignored, which errs on the
 * side of keeping points (a degree of longitude is never wider than one of latitude).
 */
export function simplificationScale(outlines: readonly Outline[]): {
	pixel: number;
	minWeight: number;
	decimals: number;
} {
	const extents = outlines.map(extentOf).sort((a, b) => a - b);
	const typical = extents[Math.floor(extents.length / 2)] ?? 0;
	const pixel = typical / DISPLAY_WIDTH_PX;
	// a quarter of a pixel, written to 4 decimals (~11 m) or 5 for small areas (~1 m)
	const decimals = pixel > 0 && pixel / 4 < 1e-4 ? 5 : 4;
	return { pixel, minWeight: pixel * pixel, decimals };
}

/** A ring rounded, without the repeated positions rounding makes; null when too few are left. */
function roundRing(ring: Position[], decimals: number): Position[] | null {
	const factor = 10 ** decimals;
	const round = (n: number) => Math.round(n * factor) / factor;
	const out: Position[] = [];
	for (const [x, y] of ring) {
		const p = [round(x!), round(y!)];
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	return out.length >= 4 ? out : null;
}

/** A polygon rounded: null when its outer ring collapsed (a hole that collapses goes). */
function roundPolygon(rings: Position[][], decimals: number): Position[][] | null {
	const outer = roundRing(rings[0] ?? [], decimals);
	if (!outer) return null;
	const holes = rings.slice(1).map((r) => roundRing(r, decimals));
	return [outer, ...holes.filter((r): r is Position[] => r !== null)];
}

/**
 * The outline rounded to `decimals`, or null when every polygon collapsed (an islet smaller
 * than a pixel).
 */
function roundOutline(outline: Outline, decimals: number): Outline | null {
	if (outline.type === 'Polygon') {
		const rings = roundPolygon(outline.coordinates, decimals);
		return rings ? { type: 'Polygon', coordinates: rings } : null;
	}
	const polygons = outline.coordinates
		.map((p) => roundPolygon(p, decimals))
		.filter((p): p is Position[][] => p !== null);
	return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : null;
}

/**
 * The outlines simplified together, in the same order. An area whose every polygon would
 * vanish keeps its outline unsimplified (rounded): an area must not lose its outline for
 * being small.
 */
export function simplifyOutlines(outlines: readonly Outline[]): Outline[] {
	if (outlines.length === 0) return [];
	const { minWeight, decimals } = simplificationScale(outlines);
	const collection = {
		type: 'GeometryCollection',
		geometries: outlines.map((o) => ({ ...o }))
	} as const;
	const built = topology({ outlines: collection }, QUANTIZATION) as unknown as Topology<{
		outlines: GeometryCollection;
	}>;
	const topo = simplify(presimplify(built), minWeight);
	return topo.objects.outlines.geometries.map((geometry, i) => {
		const simplified = (feature(topo, geometry) as Feature<Polygon | MultiPolygon>).geometry;
		return (
			roundOutline(simplified, decimals) ?? roundOutline(outlines[i]!, decimals) ?? outlines[i]!
		);
	});
}
