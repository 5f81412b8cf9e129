import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import { addArea, editArea, setPopulation } from '../../../src/lib/server/areas/edit';
import { importAreasFile } from '../../../src/lib/server/areas/import-file';
import { loadAreaOverview } from '../../../src/lib/server/areas/overview';
import type { Db } from '../../../src/lib/server/db';
import { csv, freshDb, importBasic, tableCounts } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;

function area(db: Db, code: string) {
	return loadAreaOverview(db, admin).areas.find((a) => a.code === code);
}

function batches(db: Db) {
	return db.$client
		.prepare(
			'SELECT file_name AS fileName, kind, actor, inserted, updated FROM import_batches ORDER BY id'
		)
		.all() as {
		fileName: string;
		kind: string;
		actor: string;
		inserted: number;
		updated: number;
	}[];
}

async function basicDb(): Promise<Db> {
	const db = freshDb();
	await importBasic(db);
	return db;
}

describe('the areas overview', () => {
	test('lists the tree in order with populations by year', async () => {
		const db = await basicDb();
		expect(loadAreaOverview(db, admin)).toEqual({
			areas: [
				{
					code: 'N',
					name: 'North',
					level: 'province',
					parent: null,
					depth: 0,
					populations: {},
					sums: { '2024': 150000 }
				},
				{
					code: 'N1',
					name: 'North One',
					level: 'territory',
					parent: 'N',
					depth: 1,
					populations: { '2024': 100000 },
					sums: {}
				},
				{
					code: 'N2',
					name: 'North Two',
					level: 'territory',
					parent: 'N',
					depth: 1,
					populations: { '2024': 50000 },
					sums: {}
				},
				{
					code: 'S',
					name: 'South',
					level: 'province',
					parent: null,
					depth: 0,
					populations: { '': 200000 },
					sums: {}
				}
			],
			years: ['2024', '']
		});
	});
});

describe('editing an area through the importer', () => {
	test('name, parent and level are changed, in a batch of their own', async () => {
		const db = await basicDb();
		const result = await editArea(db, admin, {
			code: 'N2',
			name: 'North Two (east)',
			parent: 'S',
			level: 'district'
		});
		expect(result).toMatchObject({
			ok: true,
			changed: true,
			message: 'Area N2 saved; the change is in the import history.'
		});
		expect(area(db, 'N2')).toMatchObject({
			name: 'North Two (east)',
			parent: 'S',
			level: 'district',
			depth: 1,
			// columns the form does not send keep their stored values
			populations: { '2024': 50000 }
		});
		expect(batches(db).at(-1)).toEqual({
			fileName: 'areas page, edit of N2.csv',
			kind: 'areas',
			actor: 'local-admin',
			inserted: 0,
			updated: 1
		});
	});

	test('a blank parent makes a top-level area and a blank level clears it', async () => {
		const db = await basicDb();
		await editArea(db, admin, { code: 'N1', name: 'North One', parent: '', level: '' });
		expect(area(db, 'N1')).toMatchObject({ parent: null, level: null, depth: 0 });
	});

	test('saving the same values changes nothing and says so', async () => {
		const db = await basicDb();
		const result = await editArea(db, admin, {
			code: 'N1',
			name: 'North One',
			parent: 'N',
			level: 'territory'
		});
		expect(result).toMatchObject({
			ok: true,
			changed: false,
			message: 'Nothing to save: area N1 already had these values.'
		});
	});

	test.each([
		[{ parent: 'X9' }, 'parent', 'Unknown parent area "X9".'],
		[{ code: 'N', name: 'North', parent: 'N1' }, 'parent', 'Area N would be its own ancestor'],
		[{ name: '' }, 'name', 'area_name is required.'],
		[{ code: 'Q' }, 'code', 'There is no area "Q".']
	] as const)(
		'%o is refused on the %s field and nothing is written',
		async (change, field, message) => {
			const db = await basicDb();
			const before = tableCounts(db);
			const result = await editArea(db, admin, {
				code: 'N1',
				name: 'North One',
				parent: 'N',
				level: 'territory',
				...change
			});
			expect(result.ok).toBe(false);
			if (result.ok) return;
			expect(result.errors[field]).toContain(message);
			expect(tableCounts(db)).toEqual(before);
		}
	);

	test('only planners and administrators may edit', async () => {
		const db = await basicDb();
		const viewer: Actor = { username: 'v', role: 'viewer', cleared: false };
		await expect(
			editArea(db, viewer, { code: 'N1', name: 'x', parent: '', level: '' })
		).rejects.toThrow('may not import');
	});
});

describe('populations through the importer', () => {
	test('a new year is added and an existing one changed', async () => {
		const db = await basicDb();
		const added = await setPopulation(db, admin, {
			code: 'N1',
			population: '104,500',
			year: '2025'
		});
		expect(added).toMatchObject({ ok: true, message: 'Population of N1 for 2025 set to 104,500.' });
		const changed = await setPopulation(db, admin, {
			code: 'N1',
			population: '99000',
			year: '2024'
		});
		expect(changed).toMatchObject({ ok: true, changed: true });
		expect(area(db, 'N1')?.populations).toEqual({ '2024': 99000, '2025': 104500 });
		expect(
			batches(db)
				.slice(-2)
				.map((b) => [b.fileName, b.inserted, b.updated])
		).toEqual([
			['areas page, population of N1 for 2025.csv', 1, 0],
			['areas page, population of N1 for 2024.csv', 0, 1]
		]);
	});

	test('a blank year sets the population for any year without its own', async () => {
		const db = await basicDb();
		await setPopulation(db, admin, { code: 'N', population: '160000', year: '' });
		expect(area(db, 'N')?.populations).toEqual({ '': 160000 });
	});

	test('the same population again is reported as unchanged', async () => {
		const db = await basicDb();
		const result = await setPopulation(db, admin, {
			code: 'N1',
			population: '100000',
			year: '2024'
		});
		expect(result).toMatchObject({
			ok: true,
			changed: false,
			message: 'Nothing to save: the population of N1 for 2024 was already 100,000.'
		});
	});

	test.each([
		[{ population: 'many' }, 'population', '"many" is not a number'],
		[{ population: '-5' }, 'population', '"-5" must not be less than 0.'],
		[{ year: '20x5' }, 'year', '"20x5" is not a number'],
		[{ year: '25' }, 'year', '"25" must not be less than 1000.'],
		[{ population: '' }, 'population', 'Give the population.'],
		[{ code: 'Q' }, 'code', 'There is no area "Q".']
	] as const)(
		'%o is refused on the %s field and nothing is written',
		async (change, field, message) => {
			const db = await basicDb();
			const before = tableCounts(db);
			const result = await setPopulation(db, admin, {
				code: 'N1',
				population: '120000',
				year: '2025',
				...change
			});
			expect(result.ok).toBe(false);
			if (result.ok) return;
			expect(result.errors[field]).toContain(message);
			expect(tableCounts(db)).toEqual(before);
		}
	);
});

describe('adding an area', () => {
	test('a new area with its population', async () => {
		const db = await basicDb();
		const result = await addArea(db, admin, {
			code: 'N3',
			name: 'North Three',
			parent: 'N',
			level: 'territory',
			population: '20000',
			year: '2024'
		});
		expect(result).toMatchObject({ ok: true, message: 'Area N3 added.' });
		expect(area(db, 'N3')).toMatchObject({ parent: 'N', populations: { '2024': 20000 } });
	});

	test('an existing code, or a year without a population, is refused', async () => {
		const db = await basicDb();
		const base = { name: 'x', parent: '', level: '', population: '', year: '' };
		expect(await addArea(db, admin, { ...base, code: 'N1' })).toMatchObject({
			ok: false,
			errors: { code: 'Area N1 already exists: edit it in the list above.' }
		});
		expect(await addArea(db, admin, { ...base, code: 'N4', year: '2024' })).toMatchObject({
			ok: false,
			errors: { population: 'Give the population for that year, or leave the year blank.' }
		});
		expect(area(db, 'N4')).toBeUndefined();
	});
});

describe('importing an areas file on the areas page', () => {
	const text =
		'area_code,area_name,parent_area,population,population_year\nN3,North Three,N,20000,2024\n';

	test('a dry run reports and writes nothing; the real run writes', async () => {
		const db = await basicDb();
		const before = tableCounts(db);
		const dry = await importAreasFile(db, admin, csv('more.csv', text), { dryRun: true });
		expect(dry).toMatchObject({ ok: true, dryRun: true, report: { rows: 1, inserted: 1 } });
		expect(tableCounts(db)).toEqual(before);
		const applied = await importAreasFile(db, admin, csv('more.csv', text));
		expect(applied).toMatchObject({ ok: true, dryRun: false, report: { inserted: 1 } });
		expect(area(db, 'N3')).toMatchObject({ parent: 'N' });
	});

	test('errors come with line, column and value', async () => {
		const db = await basicDb();
		const result = await importAreasFile(
			db,
			admin,
			csv('bad.csv', 'area_code,area_name,parent_area,population\nN3,North Three,Nx,lots\n')
		);
		expect(result.ok).toBe(false);
		expect(result.report.errors.map((e) => [e.line, e.column, e.value])).toEqual([
			[2, 'population', 'lots'],
			[2, 'parent_area', 'Nx']
		]);
		expect(area(db, 'N3')).toBeUndefined();
	});

	test('a file of another kind is refused before anything is written', async () => {
		const db = await basicDb();
		const before = tableCounts(db);
		const result = await importAreasFile(
			db,
			admin,
			csv('figures.csv', 'indicator_code,period,area_code,value\nK1,2024-09,N1,3\n')
		);
		expect(result).toMatchObject({ ok: false, report: { kind: 'observations', inserted: 0 } });
		expect(result.report.errors[0]!.message).toContain(
			'This is a file of observations, not of areas, and nothing was imported.'
		);
		expect(tableCounts(db)).toEqual(before);
	});
});
