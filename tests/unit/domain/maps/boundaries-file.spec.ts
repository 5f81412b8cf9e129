import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROBLEMS_TOLD, readBoundaries } from '$lib/domain/maps/boundaries-file';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/boundaries');
const file = (name: string) => readFileSync(join(FIXTURES, name));
const text = (json: unknown) => new TextEncoder().encode(JSON.stringify(json));

const square = (x: number) => ({
	type: 'Polygon',
	coordinates: [
		[
			[x, 5],
			[x + 1, 5],
			[x + 1, 6],
			[x, 5]
		]
	]
});
const feature = (properties: Record<string, unknown>, geometry: unknown = square(20)) => ({
	type: 'Feature',
	properties,
	geometry
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('reading a boundaries file', () => {
	test('a valid file gives each feature with its 1-based index and its value', () => {
		const reading = readBoundaries(file('two-territories.geojson'), 'name');
		expect(reading.problems).toEqual([]);
		expect(reading.features.map((f) => [f.feature, f.value, f.outline.type])).toEqual([
			[1, 'North One', 'Polygon'],
			[2, 'north two', 'Polygon'],
			[3, 'Lake Far Away', 'Polygon']
		]);
	});

	test('a number is a value too, and an altitude is dropped', () => {
		const withAltitude = {
			type: 'MultiPolygon',
			coordinates: [
				[
					[
						[20, 5, 300],
						[21, 5, 310],
						[21, 6, 305],
						[20, 5, 300]
					]
				]
			]
		};
		const reading = readBoundaries(text(collection(feature({ id: 42 }, withAltitude))), 'id');
		expect(reading.problems).toEqual([]);
		expect(reading.features[0]).toEqual({
			feature: 1,
			value: '42',
			outline: {
				type: 'MultiPolygon',
				coordinates: [
					[
						[
							[20, 5],
							[21, 5],
							[21, 6],
							[20, 5]
						]
					]
				]
			}
		});
	});

	test('an unclosed ring is refused with the feature’s index, its name and both ends', () => {
		const reading = readBoundaries(file('unclosed-ring.geojson'), 'name');
		expect(reading.problems).toEqual([
			{
				feature: 2,
				value: 'North Two',
				message:
					'ring 1 is not closed: it starts at [21,5] and ends at [21,5.5]; its last position must repeat its first.'
			}
		]);
		expect(reading.features.map((f) => f.feature)).toEqual([1]);
	});

	test('a geometry that is not a polygon is refused', () => {
		expect(readBoundaries(file('point-not-polygon.geojson'), 'name').problems).toEqual([
			{
				feature: 1,
				value: 'North One',
				message:
					'Its geometry is a Point, not a Polygon or MultiPolygon: only areas can be outlines.'
			}
		]);
	});

	test('a longitude past 180 is refused, naming the position', () => {
		expect(readBoundaries(file('longitude-out-of-range.geojson'), 'name').problems).toEqual([
			{
				feature: 1,
				value: 'North One',
				message: 'Position 2 of ring 1 is [181,5]: its longitude is outside -180 to 180.'
			}
		]);
	});

	test('a latitude past 90 is refused, with a hint that the axes may be swapped', () => {
		const [problem] = readBoundaries(file('latitude-out-of-range.geojson'), 'name').problems;
		expect(problem).toMatchObject({ feature: 1, value: 'North One' });
		expect(problem!.message).toBe(
			'Position 2 of ring 1 is [5,95]: its latitude is outside -90 to 90 (are longitude and latitude swapped?).'
		);
	});

	test('projected coordinates are refused as not WGS84', () => {
		const [problem] = readBoundaries(file('projected-coordinates.geojson'), 'name').problems;
		expect(problem).toMatchObject({ feature: 1, value: 'North One' });
		expect(problem!.message).toContain('WGS84 (EPSG:4326)');
	});

	test('a ring of fewer than 4 positions is refused', () => {
		expect(readBoundaries(file('ring-of-three-positions.geojson'), 'name').problems).toEqual([
			{
				feature: 1,
				value: 'North One',
				message: 'ring 1 has 3 positions; a ring needs at least 4 (the last repeating the first).'
			}
		]);
	});

	test('a coordinate that is not a number is refused', () => {
		expect(readBoundaries(file('coordinate-not-a-number.geojson'), 'name').problems).toEqual([
			{
				feature: 1,
				value: 'North One',
				message: 'Position 2 of ring 1 is [21,"5"], not two numbers (longitude, latitude).'
			}
		]);
	});

	test('a MultiPolygon’s problem names the polygon and the ring', () => {
		const multi = {
			type: 'MultiPolygon',
			coordinates: [square(20).coordinates, [square(22).coordinates[0], [[1, 1]]]]
		};
		expect(readBoundaries(text(collection(feature({ n: 'A' }, multi))), 'n').problems).toEqual([
			{
				feature: 1,
				value: 'A',
				message:
					'ring 2 of polygon 2 has 1 position; a ring needs at least 4 (the last repeating the first).'
			}
		]);
	});

	test('a feature without the match property is refused, naming the properties features have', () => {
		expect(readBoundaries(file('feature-without-match-property.geojson'), 'name').problems).toEqual(
			[
				{
					feature: 2,
					value: null,
					message:
						'The feature has no value for "name", the property that names its area. The features have: name, code, label.'
				}
			]
		);
	});

	test('a property no feature has is one refusal for the file, listing the properties', () => {
		const reading = readBoundaries(file('two-territories.geojson'), 'shapeName');
		expect(reading.features).toEqual([]);
		expect(reading.problems).toEqual([
			{
				feature: null,
				value: null,
				message:
					'No feature has the property "shapeName" to match areas by. The features have: name, code.'
			}
		]);
	});

	test('every broken feature is told, not only the first', () => {
		const reading = readBoundaries(
			text(
				collection(
					feature({ n: 'A' }, { type: 'LineString', coordinates: [] }),
					feature({ n: 'B' }),
					feature({ n: 'C' }, null),
					{ type: 'Geometry' }
				)
			),
			'n'
		);
		expect(reading.problems.map((p) => [p.feature, p.value])).toEqual([
			[1, 'A'],
			[3, 'C'],
			[4, null]
		]);
		expect(reading.problems[2]!.message).toBe('This is not a GeoJSON Feature.');
	});

	test('thousands of broken features: the first ones are told, then how many more', () => {
		const broken = Array.from({ length: PROBLEMS_TOLD + 5 }, (_, i) =>
			feature({ n: `A${i}` }, null)
		);
		const { problems } = readBoundaries(text(collection(...broken)), 'n');
		expect(problems).toHaveLength(PROBLEMS_TOLD + 1);
		expect(problems.at(-1)).toEqual({
			feature: null,
			value: null,
			message: '… and 5 more problems.'
		});
	});

	test('a file that is not a FeatureCollection is refused whole', () => {
		expect(
			readBoundaries(file('geometry-not-feature-collection.geojson'), 'name').problems
		).toEqual([
			{
				feature: null,
				value: null,
				message:
					'The file is not a GeoJSON FeatureCollection (its type is "Polygon"): export the boundaries as a FeatureCollection of polygons.'
			}
		]);
		expect(readBoundaries(text([1, 2]), 'name').problems[0]!.message).toContain('"array"');
		expect(readBoundaries(text(collection()), 'name').problems[0]!.message).toBe(
			'The FeatureCollection has no features.'
		);
	});

	test('a file that is not JSON is refused with the line and column of the mistake', () => {
		expect(readBoundaries(file('not-json.geojson'), 'name').problems).toEqual([
			{
				feature: null,
				value: null,
				message: 'The file is not valid JSON: the problem is at line 3, column 35.'
			}
		]);
		expect(
			readBoundaries(new TextEncoder().encode('{"type": "Feat'), 'n').problems[0]!.message
		).toBe('The file is not valid JSON: it ends before its last value does (is it cut short?).');
	});

	test('a file that is not UTF-8 is refused', () => {
		const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]);
		expect(readBoundaries(latin1, 'n').problems[0]!.message).toContain('not UTF-8');
	});

	test('a byte order mark is no problem', () => {
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...text(collection(feature({ n: 'A' })))]);
		expect(readBoundaries(bom, 'n').features).toHaveLength(1);
	});
});
