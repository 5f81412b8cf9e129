/**
 * Creating, editing and moving framework nodes from the editor's forms: through the importer,
 * with its errors on the form's fields, against a real in-memory database.
 */
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import {
	createNode,
	editNode,
	findNode,
	moveNode,
	nodeFields,
	type NodeFields
} from '../../../src/lib/server/framework/nodes';
import { retireNode } from '../../../src/lib/server/framework/retire';
import { NotAllowed } from '../../../src/lib/server/permissions';
import { freshDb, importBasic, tableCounts } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;

function node(fields: Partial<NodeFields>): NodeFields {
	return {
		result_code: '',
		result_level: '',
		result_title: '',
		parent_result: '',
		driver_of_change: '',
		critical_condition: '',
		component: '',
		tier: '',
		description: '',
		...fields
	};
}

async function basic(): Promise<Db> {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	return db;
}

const parentOf = (db: Db, code: string) => nodeFields(db, findNode(db, code)!).parent_result;

describe('creating a node', () => {
	test('an outcome under an impact is written, with its critical condition and tier', async () => {
		const db = await basic();
		const result = await createNode(
			db,
			admin,
			node({
				result_code: 'PO1-OC2',
				result_level: 'outcome',
				result_title: 'Communities warn early',
				parent_result: 'PO1-IM1',
				critical_condition: 'Community alert networks, with women among their members',
				component: 'Civil Affairs;POC Unit',
				tier: 'II'
			})
		);
		expect(result).toEqual({ ok: true });
		const stored = findNode(db, 'PO1-OC2')!;
		expect(stored).toMatchObject({
			level: 'outcome',
			title: 'Communities warn early',
			criticalCondition: 'Community alert networks, with women among their members',
			components: 'Civil Affairs;POC Unit',
			tier: 'II',
			retired: false
		});
		expect(parentOf(db, 'PO1-OC2')).toBe('PO1-IM1');
	});

	test('a parent of the wrong level is refused on the parent field, nothing written', async () => {
		const db = await basic();
		const before = tableCounts(db);
		const result = await createNode(
			db,
			admin,
			node({
				result_code: 'PO1-OP1',
				result_level: 'output',
				result_title: 'Patrols',
				parent_result: 'PO1-IM1'
			})
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.parent_result).toBe(
			'The parent of an output must be an outcome, but PO1-IM1 is an impact.'
		);
		expect(tableCounts(db)).toEqual(before);
	});

	test('an unknown parent is refused with the nearest codes suggested', async () => {
		const db = await basic();
		const result = await createNode(
			db,
			admin,
			node({
				result_code: 'PO1-OC9',
				result_level: 'outcome',
				result_title: 'Forces present',
				parent_result: 'PO1-IM2'
			})
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.parent_result).toMatch(/^Unknown parent result "PO1-IM2"\..*PO1-IM1/);
		expect(findNode(db, 'PO1-OC9')).toBeUndefined();
	});

	test('every problem of the form comes at once, each on its field', async () => {
		const db = await basic();
		const result = await createNode(
			db,
			admin,
			node({ result_code: 'PO1', result_level: 'outcome', tier: 'IV', parent_result: 'PO1' })
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual(['result_code', 'result_title', 'tier']);
		expect(result.errors.result_code).toBe('PO1 already exists: choose another code, or edit PO1.');
		expect(result.errors.result_title).toBe('result_title is required.');
		expect(result.errors.tier).toBe('"IV" is not allowed here; use one of: I, II, III.');
		expect(findNode(db, 'PO1')!.level).toBe('objective');
	});

	test('a node under a retired node is refused', async () => {
		const db = await basic();
		await createNode(
			db,
			admin,
			node({ result_code: 'PO2', result_level: 'objective', result_title: 'Second objective' })
		);
		expect(retireNode(db, admin, 'PO2').ok).toBe(true);
		const result = await createNode(
			db,
			admin,
			node({
				result_code: 'PO2-IM1',
				result_level: 'impact',
				result_title: 'Impact',
				parent_result: 'PO2'
			})
		);
		expect(result).toEqual({
			ok: false,
			errors: { parent_result: 'PO2 is retired: reinstate it first, or choose an active node.' }
		});
		expect(findNode(db, 'PO2-IM1')).toBeUndefined();
	});

	test('the import batch records the form and the acting user', async () => {
		const db = await basic();
		const spu: Actor = { username: 'spu-officer', role: 'spu', cleared: false };
		expect(
			await createNode(
				db,
				spu,
				node({ result_code: 'PO2', result_level: 'objective', result_title: 'Second' })
			)
		).toEqual({ ok: true });
		const batch = db.$client
			.prepare('SELECT file_name, actor, kind FROM import_batches ORDER BY id DESC LIMIT 1')
			.get();
		expect(batch).toEqual({
			file_name: 'framework editor, node PO2.csv',
			actor: 'spu-officer',
			kind: 'framework'
		});
	});

	test('a viewer may not edit the framework', async () => {
		const db = await basic();
		const viewer: Actor = { username: 'v', role: 'viewer', cleared: false };
		await expect(
			createNode(
				db,
				viewer,
				node({ result_code: 'X', result_level: 'objective', result_title: 'X' })
			)
		).rejects.toThrow(NotAllowed);
		expect(findNode(db, 'X')).toBeUndefined();
	});
});

describe('editing a node', () => {
	test('changes its wording and attributes; blank fields clear', async () => {
		const db = await basic();
		const result = await editNode(db, admin, 'PO1-IM1', {
			result_title: 'Threat posed by armed groups decreases in the east',
			driver_of_change: 'Armed groups lose their hold on mining sites',
			critical_condition: '',
			component: '',
			tier: 'I',
			description: 'Reviewed in the March framework review.'
		});
		expect(result).toEqual({ ok: true });
		expect(findNode(db, 'PO1-IM1')).toMatchObject({
			title: 'Threat posed by armed groups decreases in the east',
			driverOfChange: 'Armed groups lose their hold on mining sites',
			tier: 'I',
			description: 'Reviewed in the March framework review.',
			level: 'impact'
		});
		expect(parentOf(db, 'PO1-IM1')).toBe('PO1');
	});

	test('an unknown node is refused', async () => {
		const db = await basic();
		const result = await editNode(db, admin, 'PO9', {
			result_title: 'T',
			driver_of_change: '',
			critical_condition: '',
			component: '',
			tier: '',
			description: ''
		});
		expect(result).toEqual({ ok: false, errors: { form: 'Unknown framework node "PO9".' } });
	});

	test('a blank title is refused on its field, the stored title kept', async () => {
		const db = await basic();
		const result = await editNode(db, admin, 'PO1', {
			...nodeFields(db, findNode(db, 'PO1')!),
			result_title: '  '
		});
		expect(result).toEqual({ ok: false, errors: { result_title: 'result_title is required.' } });
		expect(findNode(db, 'PO1')!.title).toBe('Civilians protected');
	});
});

describe('moving a node', () => {
	test('an outcome moves to another impact, its indicators and children with it', async () => {
		const db = await basic();
		await createNode(
			db,
			admin,
			node({
				result_code: 'PO1-IM2',
				result_level: 'impact',
				result_title: 'Fewer mine casualties',
				parent_result: 'PO1'
			})
		);
		expect(await moveNode(db, admin, 'PO1-OC1', 'PO1-IM2')).toEqual({ ok: true });
		expect(parentOf(db, 'PO1-OC1')).toBe('PO1-IM2');
		// K2 measures PO1-OC1 and stays with it
		const k2 = db.$client
			.prepare(
				'SELECT r.code FROM indicators i JOIN results r ON r.id = i.result_id WHERE i.code = ?'
			)
			.get('K2');
		expect(k2).toEqual({ code: 'PO1-OC1' });
	});

	test('under a node of the wrong level it is refused, and stays where it was', async () => {
		const db = await basic();
		const result = await moveNode(db, admin, 'PO1-OC1', 'PO1');
		expect(result).toEqual({
			ok: false,
			errors: {
				parent_result: 'The parent of an outcome must be an impact, but PO1 is an objective.'
			}
		});
		expect(parentOf(db, 'PO1-OC1')).toBe('PO1-IM1');
	});

	test('an objective cannot be moved under anything', async () => {
		const db = await basic();
		const result = await moveNode(db, admin, 'PO1', 'PO1-IM1');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.parent_result).toBe('PO1 is an objective: objectives have no parent.');
	});

	test('an unknown node is refused', async () => {
		const db = await basic();
		expect(await moveNode(db, admin, 'PO1-OC7', 'PO1-IM1')).toEqual({
			ok: false,
			errors: { form: 'Unknown framework node "PO1-OC7".' }
		});
	});
});
