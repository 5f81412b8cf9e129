/**
 * The audit log for sources of lists: creating, describing, retiring and restoring a source,
 * and replacing its rules, each leave one entry naming who, which source and what changed.
 */
import { expect, test } from 'vitest';
import type { Actor } from '../../../src/lib/server/actor';
import {
	createSource,
	describeSource,
	replaceRuleSet,
	setSourceRetired
} from '../../../src/lib/server/lists/sources';
import { onlyEntryOf } from '../../helpers/audit';
import { freshDb, importBasic } from '../../helpers/db';

const planner: Actor = { username: 'amina', role: 'planner', cleared: false };

test('each change to a source leaves one entry', async () => {
	const db = freshDb();
	await importBasic(db);
	expect(
		await onlyEntryOf(db, () => createSource(db, planner, { name: 'alerts', description: 'JOC' }))
	).toMatchObject({
		actor: 'amina',
		action: 'list-source.create',
		subject: 'alerts',
		detail: { after: { name: 'alerts', description: 'JOC' } }
	});
	expect(
		await onlyEntryOf(db, () => describeSource(db, planner, 'ALERTS', 'JOC alert log'))
	).toMatchObject({
		action: 'list-source.update',
		subject: 'alerts',
		detail: { before: { description: 'JOC' }, after: { description: 'JOC alert log' } }
	});
	expect(await onlyEntryOf(db, () => setSourceRetired(db, planner, 'alerts', true))).toMatchObject({
		action: 'list-source.retire',
		subject: 'alerts'
	});
	expect(await onlyEntryOf(db, () => setSourceRetired(db, planner, 'alerts', false))).toMatchObject(
		{ action: 'list-source.restore', subject: 'alerts' }
	);
	const k1 = (
		db.$client.prepare("SELECT id FROM indicators WHERE code = 'K1'").get() as { id: number }
	).id;
	const rule = {
		rule: {
			source: 'alerts',
			indicatorCode: 'K1',
			value: { kind: 'count' as const },
			dateColumn: 'alert_date',
			areaColumn: 'province',
			where: [],
			dimensions: [],
			weightColumn: null,
			unlocatedArea: null,
			verification: null
		},
		indicatorId: k1,
		unlocatedAreaId: null
	};
	expect(
		await onlyEntryOf(db, () =>
			db.transaction((tx) => replaceRuleSet(tx, planner, 'alerts', [rule], null))
		)
	).toMatchObject({
		actor: 'amina',
		action: 'list-source.rules',
		subject: 'alerts',
		detail: { inserted: 1, updated: 0, unchanged: 0, removed: [], created: false }
	});
});
