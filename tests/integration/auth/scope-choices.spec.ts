/**
 * The choices the account forms offer for a planner's scope: components named by the framework
 * and the indicators in force (each once, whatever its capitals), and the area tree in order.
 */
import { beforeEach, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import { scopeChoices } from '../../../src/lib/server/auth/scope-choices';
import type { Db } from '../../../src/lib/server/db';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { NotAllowed } from '../../../src/lib/server/permissions';
import { csv, freshDb, importBasic } from '../../helpers/db';

let db: Db;

beforeEach(async () => {
	db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
});

test('an empty database offers nothing', () => {
	expect(scopeChoices(freshDb(), LOCAL_ADMINISTRATOR)).toEqual({ components: [], areas: [] });
});

test('components of nodes and indicators, each once and sorted; areas in tree order', async () => {
	const imported = await importFiles(db, LOCAL_ADMINISTRATOR, [
		csv(
			'indicators.csv',
			'indicator_code,indicator_title,result_code,category,direction,measure,frequency,component\n' +
				'C1,Patrols,PO1-OC1,capacity,increase,count,month,force\n' +
				'C2,Meetings,PO1-OC1,capacity,increase,count,month,Civil Affairs; Human Rights\n' +
				'C3,Nothing,PO1-OC1,capacity,increase,count,month,\n'
		)
	]);
	expect(imported.ok).toBe(true);

	const choices = scopeChoices(db, LOCAL_ADMINISTRATOR);
	// "force" is the framework's "Force": the first spelling met is kept
	expect(choices.components.map((c) => c.toLowerCase())).toEqual([
		'civil affairs',
		'force',
		'human rights',
		'unpol'
	]);
	expect(choices.components).toContain('UNPOL');
	expect(choices.areas).toEqual([
		{ code: 'N', name: 'North', depth: 0 },
		{ code: 'N1', name: 'North One', depth: 1 },
		{ code: 'N2', name: 'North Two', depth: 1 },
		{ code: 'S', name: 'South', depth: 0 }
	]);
});

test('components only retired indicators name are not offered', async () => {
	const imported = await importFiles(db, LOCAL_ADMINISTRATOR, [
		csv(
			'indicators.csv',
			'indicator_code,indicator_title,result_code,category,direction,measure,frequency,component\n' +
				'C9,Old,PO1-OC1,capacity,increase,count,month,Gone Unit\n'
		)
	]);
	expect(imported.ok).toBe(true);
	expect(scopeChoices(db, LOCAL_ADMINISTRATOR).components).toContain('Gone Unit');
	db.$client.prepare("UPDATE indicators SET retired = 1 WHERE code = 'C9'").run();
	expect(scopeChoices(db, LOCAL_ADMINISTRATOR).components).not.toContain('Gone Unit');
});

test('only administrators see the choices', () => {
	const planner: Actor = { username: 'pat', role: 'planner', cleared: false };
	expect(() => scopeChoices(db, planner)).toThrow(NotAllowed);
});
