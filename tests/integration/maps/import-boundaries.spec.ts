import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { areas } from '../../../src/lib/server/db/schema';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { importBoundaries } from '../../../src/lib/server/maps/import-boundaries';
import { areaOutlines } from '../../../src/lib/server/maps/outlines';
import { NotAllowed } from '../../../src/lib/server/permissions';
import { csv, FIXTURES, freshDb } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const CAR_FILE = {
	name: 'geoboundaries-caf-adm1.geojson',
	bytes: readFileSync(join(FIXTURES, 'real', 'geoboundaries-caf-adm1.geojson'))
};
const boundaries = (name: string) => ({
	name,
	bytes: readFileSync(join(FIXTURES, 'boundaries', name))
});

/**
 * The prefectures as the mission names them after UCDP (`Ombella-M'Poko`, `Mambéré-Kadéi`),
 * which geoBoundaries writes a little differently (`Ombella M'Poko`, `Mambéré-Kadéï`). Vakaga
 * is left out, to be a feature matching no area; a sub-prefecture is put in, at another level.
 */
const PREFECTURES = [
	['BB', 'Bamingui-Bangoran'],
	['BGF', 'Bangui'],
	['BK', 'Basse-Kotto'],
	['HM', 'Haut-Mbomou'],
	['HK', 'Haute-Kotto'],
	['KG', 'Kémo'],
	['LB', 'Lobaye'],
	['HS', 'Mambéré-Kadéi'],
	['MB', 'Mbomou'],
	['KB', 'Nana-Grébizi'],
	['NM', 'Nana-Mambéré'],
	['MP', "Ombella-M'Poko"],
	['UK', 'Ouaka'],
	['AC', 'Ouham'],
	['OP', 'Ouham-Pendé'],
	['SE', 'Sangha-Mbaéré'],
	['LIM', 'Lim-Pendé']
];

async function carDb(): Promise<Db> {
	const db = freshDb();
	const rows = PREFECTURES.map(([code, name]) => `${code},"${name}",CAF,prefecture`);
	const file = [
		'area_code,area_name,parent_area,area_level',
		'CAF,Central African Republic,,country',
		...rows,
		'BAM,Bambari,UK,sub-prefecture'
	].join('\n');
	const result = await importFiles(db, admin, [csv('areas.csv', file)]);
	expect(result.ok).toBe(true);
	return db;
}

function idsByCode(db: Db): Map<string, number> {
	return new Map(
		db
			.select({ id: areas.id, code: areas.code })
			.from(areas)
			.all()
			.map((a) => [a.code, a.id])
	);
}

function auditEntries(db: Db) {
	return db.$client
		.prepare(
			"SELECT actor, action, subject, detail FROM audit_log WHERE action = 'areas.boundaries'"
		)
		.all() as { actor: string; action: string; subject: string; detail: string }[];
}

describe('importing the CAR prefecture boundaries', () => {
	test('matches by shapeName despite the spellings, stores simplified outlines, audits', async () => {
		const db = await carDb();
		const report = importBoundaries(db, admin, CAR_FILE, { match: 'shapeName' });
		expect(report.errors).toEqual([]);
		expect(report.ok).toBe(true);
		expect(report.dryRun).toBe(false);
		expect(report.file).toBe('geoboundaries-caf-adm1.geojson');
		expect(report.match).toBe('shapeName');
		expect(report.matched).toHaveLength(16);
		expect(report.matched).toContainEqual({ feature: 8, value: "Ombella M'Poko", area: 'MP' });
		expect(report.matched).toContainEqual({ feature: 10, value: 'Mambéré-Kadéï', area: 'HS' });
		expect(report.unmatchedFeatures).toEqual([{ feature: 1, value: 'Vakaga' }]);
		// the one prefecture without a feature; not the country, not the sub-prefecture
		expect(report.areasWithout).toEqual([{ code: 'LIM', name: 'Lim-Pendé' }]);

		const ids = idsByCode(db);
		const outlines = areaOutlines(db, [...ids.values()]);
		expect(outlines.size).toBe(16);
		expect(outlines.has(ids.get('CAF')!)).toBe(false);
		const ouaka = outlines.get(ids.get('UK')!)!;
		expect(ouaka.type).toBe('Polygon');
		// simplified: fewer positions than the file's 321 for Ouaka, still a closed ring
		const ring = (ouaka as { coordinates: number[][][] }).coordinates[0]!;
		expect(ring.length).toBeLessThan(321);
		expect(ring.length).toBeGreaterThan(50);
		expect(ring[0]).toEqual(ring.at(-1));

		const stored = db.$client
			.prepare(
				'SELECT file_name, matched_by, changed_by, sum(length(geometry)) AS bytes FROM area_boundaries'
			)
			.get() as { file_name: string; matched_by: string; changed_by: string; bytes: number };
		expect(stored).toMatchObject({
			file_name: 'geoboundaries-caf-adm1.geojson',
			matched_by: 'shapeName',
			changed_by: 'local-admin'
		});
		expect(stored.bytes).toBeLessThan(CAR_FILE.bytes.length / 2);

		const entries = auditEntries(db);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			actor: 'local-admin',
			subject: 'geoboundaries-caf-adm1.geojson'
		});
		const detail = JSON.parse(entries[0]!.detail);
		expect(detail.match).toBe('shapeName');
		expect(detail.areas).toHaveLength(16);
		expect(detail.unmatchedFeatures).toEqual(['Vakaga']);
		expect(detail.areasWithout).toEqual(['LIM']);
	});

	test('matching by code: shapeISO against area codes like CF-UK', async () => {
		const db = freshDb();
		const file = ['area_code,area_name', 'CF-UK,Ouaka', 'CF-MP,Ombella-Mpoko'].join('\n');
		await importFiles(db, admin, [csv('areas.csv', file)]);
		const report = importBoundaries(db, admin, CAR_FILE, { match: 'shapeISO' });
		expect(report.ok).toBe(true);
		expect(report.matched.map((f) => f.area).sort()).toEqual(['CF-MP', 'CF-UK']);
		expect(report.unmatchedFeatures).toHaveLength(15);
	});

	test('a dry run reports the same and writes nothing', async () => {
		const db = await carDb();
		const report = importBoundaries(db, admin, CAR_FILE, { match: 'shapeName', dryRun: true });
		expect(report).toMatchObject({ ok: true, dryRun: true });
		expect(report.matched).toHaveLength(16);
		expect(areaOutlines(db, [...idsByCode(db).values()]).size).toBe(0);
		expect(auditEntries(db)).toEqual([]);
	});

	test('a second file replaces the outlines it matches and leaves the others', async () => {
		const db = await carDb();
		importBoundaries(db, admin, CAR_FILE, { match: 'shapeName' });
		const ids = idsByCode(db);
		const before = areaOutlines(db, [ids.get('AC')!]).get(ids.get('AC')!);
		const square = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { name: 'ouaka' },
					geometry: {
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
					}
				}
			]
		};
		const report = importBoundaries(
			db,
			admin,
			{ name: 'ouaka.geojson', bytes: new TextEncoder().encode(JSON.stringify(square)) },
			{ match: 'name' }
		);
		expect(report.ok).toBe(true);
		const after = areaOutlines(db, [ids.get('UK')!, ids.get('AC')!]);
		expect(after.get(ids.get('UK')!)).toEqual(square.features[0]!.geometry);
		expect(after.get(ids.get('AC')!)).toEqual(before);
		expect(auditEntries(db)).toHaveLength(2);
	});
});

describe('refusals write nothing', () => {
	async function basicAreas(): Promise<Db> {
		const db = freshDb();
		const file = [
			'area_code,area_name,parent_area,area_level',
			'N,North,,province',
			'N1,North One,N,territory',
			'N2,North Two,N,territory'
		].join('\n');
		await importFiles(db, admin, [csv('areas.csv', file)]);
		return db;
	}
	const stored = (db: Db) =>
		(db.$client.prepare('SELECT count(*) AS n FROM area_boundaries').get() as { n: number }).n;

	test.each([
		['unclosed-ring.geojson', 2, 'North Two', 'is not closed'],
		['point-not-polygon.geojson', 1, 'North One', 'not a Polygon or MultiPolygon'],
		['longitude-out-of-range.geojson', 1, 'North One', 'longitude is outside -180 to 180'],
		['latitude-out-of-range.geojson', 1, 'North One', 'latitude is outside -90 to 90'],
		['ring-of-three-positions.geojson', 1, 'North One', 'a ring needs at least 4'],
		[
			'two-features-one-area.geojson',
			2,
			'NORTH  ONE',
			'A second outline for the area North One (N1)'
		],
		['feature-without-match-property.geojson', 2, null, 'The features have: name, code, label.']
	])('%s: refused at feature %i (%s)', async (name, feature, value, words) => {
		const db = await basicAreas();
		const report = importBoundaries(db, admin, boundaries(name), { match: 'name' });
		expect(report.ok).toBe(false);
		expect(report.errors).toHaveLength(1);
		expect(report.errors[0]).toMatchObject({ feature, value });
		expect(report.errors[0]!.message).toContain(words);
		expect(stored(db)).toBe(0);
		expect(auditEntries(db)).toEqual([]);
	});

	test('a property that no feature has, a blank property, no match at all', async () => {
		const db = await basicAreas();
		const file = boundaries('two-territories.geojson');
		const nowhere = importBoundaries(db, admin, file, { match: 'shapeName' });
		expect(nowhere.errors).toEqual([
			{
				feature: null,
				value: null,
				message:
					'No feature has the property "shapeName" to match areas by. The features have: name, code.'
			}
		]);
		expect(importBoundaries(db, admin, file, { match: '  ' }).errors[0]!.message).toContain(
			'Say which feature property'
		);
		const none = importBoundaries(db, admin, boundaries('latitude-out-of-range.geojson'), {
			match: 'name'
		});
		expect(none.ok).toBe(false);
		expect(stored(db)).toBe(0);
	});

	test('features for no area alone: refused, since nothing would be written', async () => {
		const db = await basicAreas();
		const report = importBoundaries(db, admin, boundaries('two-territories.geojson'), {
			match: 'code'
		});
		expect(report.ok).toBe(true);
		const far = importBoundaries(
			db,
			admin,
			{
				name: 'far.geojson',
				bytes: new TextEncoder().encode(
					JSON.stringify({
						type: 'FeatureCollection',
						features: [
							{
								type: 'Feature',
								properties: { code: 'X9' },
								geometry: {
									type: 'Polygon',
									coordinates: [
										[
											[30, 5],
											[31, 5],
											[31, 6],
											[30, 5]
										]
									]
								}
							}
						]
					})
				)
			},
			{ match: 'code' }
		);
		expect(far.ok).toBe(false);
		expect(far.unmatchedFeatures).toEqual([{ feature: 1, value: 'X9' }]);
		expect(far.errors[0]!.message).toContain('No feature matched an area by "code"');
	});

	test('a file past the upload limit is refused before it is read', async () => {
		const db = await basicAreas();
		process.env.CPAS_UPLOAD_LIMIT_MB = '0.0001';
		try {
			const report = importBoundaries(db, admin, boundaries('two-territories.geojson'), {
				match: 'name'
			});
			expect(report.ok).toBe(false);
			expect(report.errors[0]!.message).toContain('CPAS_UPLOAD_LIMIT_MB');
		} finally {
			delete process.env.CPAS_UPLOAD_LIMIT_MB;
		}
	});

	test('only those who may edit areas; a planner only within their areas', async () => {
		const db = await basicAreas();
		const viewer: Actor = { username: 'v', role: 'viewer', cleared: false };
		expect(() =>
			importBoundaries(db, viewer, boundaries('two-territories.geojson'), { match: 'name' })
		).toThrow(NotAllowed);
		const planner: Actor = {
			username: 'p',
			role: 'planner',
			cleared: false,
			scope: { components: [], areas: ['N2'] }
		};
		const report = importBoundaries(db, planner, boundaries('two-territories.geojson'), {
			match: 'name'
		});
		expect(report.ok).toBe(false);
		expect(report.errors).toHaveLength(1);
		expect(report.errors[0]).toMatchObject({ feature: 1, value: 'North One' });
		expect(stored(db)).toBe(0);
	});
});
