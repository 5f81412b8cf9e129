import { describe, expect, test } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { areaOutlines } from '../../../src/lib/server/maps/outlines';
import { areaBoundaries, areas } from '../../../src/lib/server/db/schema';
import type { Db } from '../../../src/lib/server/db';
import { freshDb, importBasic } from '../../helpers/db';

const square: Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[20, 5],
			[21, 5],
			[21, 6],
			[20, 6],
			[20, 5]
		]
	]
};
const twoIslands: MultiPolygon = {
	type: 'MultiPolygon',
	coordinates: [
		square.coordinates,
		[
			[
				[22, 5],
				[22.5, 5],
				[22.5, 5.5],
				[22, 5]
			]
		]
	]
};

function idOf(db: Db, code: string): number {
	const row = db.select({ id: areas.id, code: areas.code }).from(areas).all();
	const found = row.find((r) => r.code === code);
	if (!found) throw new Error(`no area ${code}`);
	return found.id;
}

describe('areaOutlines', () => {
	test('reads the stored outlines of the areas asked for, by id, and leaves out the others', async () => {
		const db = freshDb();
		await importBasic(db);
		const [n1, n2, north] = ['N1', 'N2', 'N'].map((c) => idOf(db, c)) as [number, number, number];
		db.insert(areaBoundaries)
			.values([
				{
					areaId: n1,
					geometry: JSON.stringify(square),
					fileName: 'a.geojson',
					matchedBy: 'name',
					changedBy: 't'
				},
				{
					areaId: n2,
					geometry: JSON.stringify(twoIslands),
					fileName: 'a.geojson',
					matchedBy: 'name',
					changedBy: 't'
				}
			])
			.run();

		const outlines = areaOutlines(db, [n1, n2, north, 9999, n1]);
		expect([...outlines.keys()].sort()).toEqual([n1, n2].sort());
		expect(outlines.get(n1)).toEqual(square);
		expect(outlines.get(n2)).toEqual(twoIslands);
		expect(areaOutlines(db, [n2]).size).toBe(1);
		expect(areaOutlines(db, []).size).toBe(0);
	});

	test('reads more areas than one statement binds', async () => {
		const db = freshDb();
		await importBasic(db);
		const n1 = idOf(db, 'N1');
		db.insert(areaBoundaries)
			.values({
				areaId: n1,
				geometry: JSON.stringify(square),
				fileName: 'a',
				matchedBy: 'code',
				changedBy: 't'
			})
			.run();
		const many = Array.from({ length: 2000 }, (_, i) => i + 10_000).concat([n1]);
		expect(areaOutlines(db, many)).toEqual(new Map([[n1, square]]));
	});
});
