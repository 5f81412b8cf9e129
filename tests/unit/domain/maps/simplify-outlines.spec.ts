import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { readBoundaries } from '$lib/domain/maps/boundaries-file';
import type { Outline } from '$lib/domain/maps/outline-geometry';
import { simplificationScale, simplifyOutlines } from '$lib/domain/maps/simplify-outlines';

const CAR = join(import.meta.dirname, '../../../fixtures/real/geoboundaries-caf-adm1.geojson');

const key = ([x, y]: Position) => `${x},${y}`;
const ringsOf = (o: Outline) => (o.type === 'Polygon' ? o.coordinates : o.coordinates.flat());
const positions = (o: Outline) => ringsOf(o).reduce((n, r) => n + r.length, 0);

/**
 * The stretches of border an outline shares with another, as unordered edges between two
 * consecutive positions that both outlines have. A border simplified alike on both sides gives
 * the same edges from each side; a point kept on one side only breaks an edge on the other.
 */
function sharedEdges(a: Outline, b: Outline): Set<string> {
	const inB = new Set(ringsOf(b).flatMap((r) => r.map(key)));
	const edges = new Set<string>();
	for (const ring of ringsOf(a)) {
		for (let i = 1; i < ring.length; i++) {
			const [p, q] = [key(ring[i - 1]!), key(ring[i]!)];
			if (inB.has(p) && inB.has(q)) edges.add([p, q].sort().join(' '));
		}
	}
	return edges;
}

/** Two squares side by side, their shared side a zigzag of many teeth too small to see. */
function zigzagPair(): [Outline, Outline] {
	const border: Position[] = [];
	for (let i = 0; i <= 200; i++) border.push([21 + (i % 2) * 0.0001 * ((i % 3) + 1), 5 + i / 200]);
	const west: Position[] = [[20, 5], ...border, [20, 6], [20, 5]];
	const east: Position[] = [[22, 5], [22, 6], ...[...border].reverse(), [22, 5]];
	return [
		{ type: 'Polygon', coordinates: [west] },
		{ type: 'Polygon', coordinates: [east] }
	];
}

describe('simplifying outlines with their topology', () => {
	test('a shared border is the same sequence of points on both sides', () => {
		const [west, east] = simplifyOutlines(zigzagPair());
		expect(positions(west!)).toBeLessThan(100);
		const fromWest = sharedEdges(west!, east!);
		const fromEast = sharedEdges(east!, west!);
		expect(fromWest.size).toBeGreaterThan(0);
		expect(fromWest).toEqual(fromEast);
		// and no point of the border is kept on one side only
		const westPoints = new Set(ringsOf(west!).flat().map(key));
		const eastBorder = ringsOf(east!)
			.flat()
			.filter(([x]) => x! < 21.01)
			.map(key);
		expect(eastBorder.every((p) => westPoints.has(p))).toBe(true);
	});

	test('the CAR prefectures: every shared border alike on both sides, and far smaller', () => {
		const bytes = readFileSync(CAR);
		const reading = readBoundaries(bytes, 'shapeName');
		const before = reading.features.map((f) => f.outline);
		const after = simplifyOutlines(before);
		expect(after).toHaveLength(17);

		let borders = 0;
		for (let i = 0; i < after.length; i++) {
			for (let j = i + 1; j < after.length; j++) {
				const one = sharedEdges(after[i]!, after[j]!);
				expect(one, `${reading.features[i]!.value} / ${reading.features[j]!.value}`).toEqual(
					sharedEdges(after[j]!, after[i]!)
				);
				if (one.size > 0) borders++;
			}
		}
		// 17 prefectures have dozens of borders between them
		expect(borders).toBeGreaterThan(30);

		const stored = after.reduce((n, o) => n + JSON.stringify(o).length, 0);
		expect(stored).toBeLessThan(bytes.length * 0.55);
		const pointsBefore = before.reduce((n, o) => n + positions(o), 0);
		const pointsAfter = after.reduce((n, o) => n + positions(o), 0);
		expect(pointsAfter).toBeLessThan(pointsBefore * 0.65);
		// still outlines: closed rings of at least 4 positions, rounded to 4 decimals
		for (const o of after) {
			for (const ring of ringsOf(o)) {
				expect(ring.length).toBeGreaterThanOrEqual(4);
				expect(key(ring[0]!)).toBe(key(ring.at(-1)!));
				for (const [x, y] of ring) {
					expect(Math.round(x! * 1e4) / 1e4).toBe(x);
					expect(Math.round(y! * 1e4) / 1e4).toBe(y);
				}
			}
		}
	});

	test('the weight is one square pixel of a typical area drawn 600 pixels wide', () => {
		const wide = (w: number): Outline => ({
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[w, 0],
					[w, 1],
					[0, 0]
				]
			]
		});
		// the median of 1, 6 and 60 degrees: 6
		const scale = simplificationScale([wide(1), wide(60), wide(6)]);
		expect(scale.pixel).toBeCloseTo(6 / 600);
		expect(scale.minWeight).toBeCloseTo((6 / 600) ** 2);
		expect(scale.decimals).toBe(4);
		const small: Outline = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[0.1, 0],
					[0, 0.1],
					[0, 0]
				]
			]
		};
		expect(simplificationScale([small]).decimals).toBe(5);
	});

	test('a MultiPolygon keeps its polygons, and a polygon its hole', () => {
		const square = (x: number, y: number, w: number): Position[] => [
			[x, y],
			[x + w, y],
			[x + w, y + w],
			[x, y + w],
			[x, y]
		];
		const islands: Outline = {
			type: 'MultiPolygon',
			coordinates: [[square(0, 0, 4), square(1, 1, 2)], [square(6, 0, 2)]]
		};
		const [kept] = simplifyOutlines([islands]);
		expect(kept).toEqual(islands);
	});

	test('an islet smaller than a pixel keeps its outline rather than vanish', () => {
		const big: Outline = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[10, 0],
					[10, 10],
					[0, 10],
					[0, 0]
				]
			]
		};
		const islet: Outline = {
			type: 'Polygon',
			coordinates: [
				[
					[20, 20],
					[20.001, 20],
					[20.001, 20.001],
					[20.0005, 20.0015],
					[20, 20.001],
					[20, 20]
				]
			]
		};
		const [, , kept] = simplifyOutlines([big, big, islet]);
		expect(ringsOf(kept!)[0]!.length).toBeGreaterThanOrEqual(4);
	});
});
