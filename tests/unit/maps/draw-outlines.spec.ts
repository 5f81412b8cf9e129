import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { drawOutlines, MAP_WIDTH } from '../../../src/lib/server/maps/draw-outlines';

/** A one-degree square, wound anticlockwise (RFC 7946) or clockwise (d3's own habit). */
function square(lon: number, lat: number, anticlockwise = true): Polygon {
	const ring = [
		[lon, lat],
		[lon + 1, lat],
		[lon + 1, lat + 1],
		[lon, lat + 1],
		[lon, lat]
	];
	return { type: 'Polygon', coordinates: [anticlockwise ? ring : ring.reverse()] };
}

/** The extent of a path's points. */
function extent(d: string) {
	const xs: number[] = [];
	const ys: number[] = [];
	for (const [, x, y] of d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)) {
		xs.push(Number(x));
		ys.push(Number(y));
	}
	return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

describe('drawing outlines', () => {
	test('fits the areas to the width, north up, whatever the winding of their rings', () => {
		const drawing = drawOutlines(
			new Map([
				[1, square(20, 5)],
				[2, square(21, 5, false)],
				[3, square(20, 6)]
			])
		)!;
		expect(drawing.width).toBe(MAP_WIDTH);
		const [a, b, c] = [1, 2, 3].map((id) => extent(drawing.paths.get(id)!));
		// side by side, each half the width (less the padding); area 3 north of area 1
		expect(a!.x1).toBeCloseTo(b!.x0, 0);
		expect(a!.x1 - a!.x0).toBeCloseTo((MAP_WIDTH - 16) / 2, 0);
		expect(c!.y1).toBeCloseTo(a!.y0, 0);
		for (const e of [a!, b!, c!]) {
			expect(e.x0).toBeGreaterThanOrEqual(0);
			expect(e.x1).toBeLessThanOrEqual(drawing.width);
			expect(e.y0).toBeGreaterThanOrEqual(0);
			expect(e.y1).toBeLessThanOrEqual(drawing.height);
		}
	});

	test('paths carry one decimal at most: bytes are what a map costs', () => {
		const drawing = drawOutlines(new Map([[1, square(20.123456, 5.654321)]]))!;
		expect(drawing.paths.get(1)).not.toMatch(/\.\d\d/);
	});

	test('places a point inside the drawing, and none outside it', () => {
		const drawing = drawOutlines(new Map([[1, square(20, 5)]]))!;
		const [x, y] = drawing.place(20.5, 5.5)!;
		expect(x).toBeCloseTo(MAP_WIDTH / 2, 0);
		expect(y).toBeCloseTo(drawing.height / 2, 0);
		expect(drawing.place(40, 20)).toBeNull();
	});

	test("a point in the drawing's frame but on no drawn area is not placed (a neighbour's site)", () => {
		const drawing = drawOutlines(
			new Map([
				[1, square(20, 5)],
				[2, square(21, 6, false)]
			])
		)!;
		expect(drawing.place(21.5, 5.5)).toBeNull();
		expect(drawing.place(21.5, 6.5)).not.toBeNull();
	});

	test('nothing to draw without outlines', () => {
		expect(drawOutlines(new Map())).toBeNull();
	});
});
