/**
 * The editor saves the French texts of a node and an indicator through the importer, and a
 * form without the French fields keeps the stored French texts (as a file without the
 * columns does).
 */
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import {
	editIndicator,
	findStoredIndicator,
	indicatorFields
} from '../../../src/lib/server/framework/indicators';
import { editNode, findNode, nodeFields } from '../../../src/lib/server/framework/nodes';
import { indicatorFieldsFrom, nodeFieldsFrom } from '../../../src/lib/server/http/framework-forms';
import { freshDb, importBasic } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;

async function basic(): Promise<Db> {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	return db;
}

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
}

describe('French texts from the editor', () => {
	test('a node’s French title and driver are saved, trimmed, and shown again in the form', async () => {
		const db = await basic();
		const {
			result_code: _c,
			result_level: _l,
			parent_result: _p,
			...fields
		} = nodeFields(db, findNode(db, 'PO1-IM1')!);
		const result = await editNode(db, admin, 'PO1-IM1', {
			...fields,
			result_title_fr: ' Menace réduite ',
			driver_of_change_fr: 'Les groupes armés s’affaiblissent'
		});
		expect(result).toEqual({ ok: true });
		const stored = findNode(db, 'PO1-IM1')!;
		expect(stored).toMatchObject({
			titleFr: 'Menace réduite',
			driverOfChangeFr: 'Les groupes armés s’affaiblissent',
			criticalConditionFr: null,
			descriptionFr: null
		});
		expect(nodeFields(db, stored)).toMatchObject({
			result_title_fr: 'Menace réduite',
			driver_of_change_fr: 'Les groupes armés s’affaiblissent'
		});
	});

	test('a form without the French fields keeps the stored French texts', async () => {
		const db = await basic();
		const all = nodeFields(db, findNode(db, 'PO1-IM1')!);
		const { result_code: _c, result_level: _l, parent_result: _p, ...fields } = all;
		await editNode(db, admin, 'PO1-IM1', { ...fields, result_title_fr: 'Menace réduite' });
		// as the form sends it when it has no French fields
		const english = Object.fromEntries(Object.entries(all).filter(([k]) => !k.endsWith('_fr')));
		const sent = nodeFieldsFrom(form({ ...english, result_title: 'Threat much reduced' }));
		for (const french of ['result_title_fr', 'driver_of_change_fr']) {
			expect(sent).not.toHaveProperty(french);
		}
		const { result_code: _c2, result_level: _l2, parent_result: _p2, ...edited } = sent;
		expect(await editNode(db, admin, 'PO1-IM1', edited)).toEqual({ ok: true });
		expect(findNode(db, 'PO1-IM1')).toMatchObject({
			title: 'Threat much reduced',
			titleFr: 'Menace réduite'
		});
	});

	test('an indicator’s French title and definition are saved; a blank field clears one', async () => {
		const db = await basic();
		const stored = findStoredIndicator(db, 'K1')!;
		const node = findNode(db, 'PO1-IM1')!;
		const { indicator_code: _code, ...fields } = indicatorFields(node.code, stored);
		const sent = indicatorFieldsFrom(
			form({
				...fields,
				result_code: fields.result_code,
				indicator_title_fr: 'Incidents',
				definition_fr: 'Décès de civils vérifiés'
			})
		);
		const { indicator_code: _c, ...edit } = sent;
		expect(await editIndicator(db, admin, 'K1', edit, [])).toEqual({ ok: true });
		expect(findStoredIndicator(db, 'K1')).toMatchObject({
			titleFr: 'Incidents',
			definitionFr: 'Décès de civils vérifiés'
		});
		expect(await editIndicator(db, admin, 'K1', { ...edit, definition_fr: '' }, [])).toEqual({
			ok: true
		});
		expect(findStoredIndicator(db, 'K1')).toMatchObject({
			titleFr: 'Incidents',
			definitionFr: null
		});
	});
});
