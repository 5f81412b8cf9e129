/**
 * The areas page's answers in the reader's language: what was saved, what is refused, with
 * French numbers; English stays the default (edit.spec.ts).
 */
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { addArea, editArea, setPopulation } from '../../../src/lib/server/areas/edit';
import { importAreasFile } from '../../../src/lib/server/areas/import-file';
import type { Db } from '../../../src/lib/server/db';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';
import { csv, freshDb, importBasic } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;

async function basicDb(): Promise<Db> {
	const db = freshDb();
	await importBasic(db);
	return db;
}

describe('the areas page in French', () => {
	test('a population set, then the same again', async () => {
		const db = await basicDb();
		const set = await inLocale('fr', () =>
			setPopulation(db, admin, { code: 'N1', population: '104500', year: '' })
		);
		expect(set).toMatchObject({
			ok: true,
			message: 'Population de N1 pour toute année fixée à 104\u202f500.'
		});
		const again = await inLocale('fr', () =>
			setPopulation(db, admin, { code: 'N1', population: '100000', year: '2024' })
		);
		expect(again).toMatchObject({
			ok: true,
			changed: false,
			message: 'Rien à enregistrer\u00a0: la population de N1 pour 2024 était déjà de 100\u202f000.'
		});
	});

	test('refusals: an unknown area, a taken code, a year without a population', async () => {
		const db = await basicDb();
		const unknown = await inLocale('fr', () =>
			editArea(db, admin, { code: 'ZZ', name: 'Nowhere', parent: '', level: '' })
		);
		expect(unknown).toEqual({
			ok: false,
			errors: { code: 'Il n’existe pas de zone «\u00a0ZZ\u00a0».' }
		});
		const taken = await inLocale('fr', () =>
			addArea(db, admin, {
				code: 'N1',
				name: 'North One',
				parent: '',
				level: '',
				population: '',
				year: ''
			})
		);
		expect(taken).toEqual({
			ok: false,
			errors: { code: 'La zone N1 existe déjà\u00a0: modifiez-la dans la liste ci-dessus.' }
		});
		const noPopulation = await inLocale('fr', () =>
			addArea(db, admin, {
				code: 'N3',
				name: 'North Three',
				parent: 'N',
				level: '',
				population: '',
				year: '2025'
			})
		);
		expect(noPopulation).toEqual({
			ok: false,
			errors: {
				population: 'Indiquez la population pour cette année, ou laissez l’année vide.'
			}
		});
		const added = await inLocale('fr', () =>
			addArea(db, admin, {
				code: 'N3',
				name: 'North Three',
				parent: 'N',
				level: '',
				population: '',
				year: ''
			})
		);
		expect(added).toMatchObject({ ok: true, message: 'Zone N3 ajoutée.' });
	});

	test('a file of another kind, refused in French', async () => {
		const db = await basicDb();
		const result = await inLocale('fr', () =>
			importAreasFile(
				db,
				admin,
				csv('other.csv', 'result_code,result_level,result_title\nX,objective,X\n')
			)
		);
		expect(result.ok).toBe(false);
		expect(result.report.errors[0]!.message).toMatch(
			/^Ce fichier est de type framework, pas un fichier de zones, et rien n’a été importé\./
		);
	});
});
