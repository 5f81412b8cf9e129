/**
 * Action points from recording to their end: the lifecycle and its history, the rights of each
 * role, filters and counts, and links to restricted indicators under the clearance rules.
 */
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { createActionPoint } from '../../../src/lib/server/action-points/create';
import { actionPointDetail } from '../../../src/lib/server/action-points/detail';
import { countActionPoints, listActionPoints } from '../../../src/lib/server/action-points/list';
import type { ActionPointInput } from '../../../src/lib/server/action-points/resolve';
import { updateActionPoint, settableStatuses } from '../../../src/lib/server/action-points/update';
import { freshDb, importBasic } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const as = (role: Actor['role'], cleared = false): Actor => ({
	username: `${role}-1`,
	role,
	cleared
});

async function basicDb(): Promise<Db> {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	return db;
}

const jpt: ActionPointInput = {
	origin: 'jpt_mission',
	cycle: '',
	originReference: 'JPT North One, 12 March 2026',
	decision: 'Set up a community alert network in North One',
	owner: 'Civil Affairs',
	area: '',
	deadline: '2026-04-30',
	status: '',
	dropReason: '',
	results: [],
	indicators: []
};

function restrictedIndicator(db: Db): string {
	const row = db.$client
		.prepare("SELECT code FROM indicators WHERE sensitivity = 'restricted' LIMIT 1")
		.get() as { code: string } | undefined;
	if (row) return row.code;
	const any = db.$client.prepare('SELECT code FROM indicators LIMIT 1').get() as { code: string };
	db.$client
		.prepare("UPDATE indicators SET sensitivity = 'restricted' WHERE code = ?")
		.run(any.code);
	return any.code;
}

describe('the lifecycle', () => {
	test('recorded → in progress → done, each step in the dated history', async () => {
		const db = await basicDb();
		const made = createActionPoint(db, as('planner'), jpt);
		expect(made).toEqual({ ok: true, id: 1, reference: 'AP-0001' });
		const spu = as('spu');
		expect(
			updateActionPoint(db, spu, 'AP-0001', { status: 'in_progress', note: 'Two villages.' })
		).toEqual({ ok: true });
		expect(updateActionPoint(db, spu, 'AP-0001', { status: '', note: 'Four villages.' })).toEqual({
			ok: true
		});
		expect(
			updateActionPoint(db, as('leadership'), 'AP-0001', { status: 'done', note: '' })
		).toEqual({ ok: true });
		const detail = actionPointDetail(db, admin, 'AP-0001', '2026-05-10')!;
		expect(detail).toMatchObject({ status: 'done', overdue: false, owner: 'Civil Affairs' });
		expect(detail.history.map((h) => [h.by, h.statusFrom, h.statusTo, h.note])).toEqual([
			['planner-1', null, 'open', ''],
			['spu-1', 'open', 'in_progress', 'Two villages.'],
			['spu-1', 'in_progress', 'in_progress', 'Four villages.'],
			['leadership-1', 'in_progress', 'done', '']
		]);
		expect(detail.history.every((h) => /^\d{4}-\d\d-\d\d$/.test(h.date))).toBe(true);
	});

	test('dropping needs a reason, kept on the point; nothing is written when refused', async () => {
		const db = await basicDb();
		createActionPoint(db, admin, jpt);
		expect(updateActionPoint(db, admin, 'AP-0001', { status: 'dropped', note: ' ' })).toMatchObject(
			{
				ok: false,
				errors: { note: 'Say why it is dropped.' }
			}
		);
		expect(actionPointDetail(db, admin, 'AP-0001', '2026-01-01')!.history).toHaveLength(1);
		expect(
			updateActionPoint(db, as('leadership'), 'AP-0001', {
				status: 'dropped',
				note: 'Overtaken by the redeployment.'
			})
		).toEqual({ ok: true });
		expect(actionPointDetail(db, admin, 'AP-0001', '2026-01-01')).toMatchObject({
			status: 'dropped',
			dropReason: 'Overtaken by the redeployment.'
		});
		// created dropped, it needs its reason too
		expect(createActionPoint(db, admin, { ...jpt, status: 'dropped' })).toMatchObject({
			ok: false,
			errors: { dropReason: 'Say why it is dropped.' }
		});
	});

	test('a creation refused names each field; an assessment_cycle origin needs its cycle', async () => {
		const db = await basicDb();
		const refused = createActionPoint(db, admin, {
			...jpt,
			origin: 'assessment_cycle',
			decision: '',
			owner: '@nobody-here',
			area: 'NOWHERE',
			deadline: '2026-02-30',
			results: ['PO9'],
			indicators: ['9.9.9']
		});
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(Object.keys(refused.errors).sort()).toEqual([
			'area',
			'cycle',
			'deadline',
			'decision',
			'indicators',
			'owner',
			'results'
		]);
		expect(refused.errors.owner).toBe('There is no account "nobody-here".');
		expect(createActionPoint(db, admin, { ...jpt, origin: 'meeting' })).toMatchObject({
			errors: { origin: expect.stringContaining('"meeting" is no origin') }
		});
		expect(db.$client.prepare('SELECT count(*) AS n FROM action_points').get()).toEqual({ n: 0 });
	});
});

describe('rights', () => {
	test('planners and the SPU record and update; leadership closes only; viewers read', async () => {
		const db = await basicDb();
		for (const role of ['leadership', 'viewer', 'verifier'] as const) {
			expect(() => createActionPoint(db, as(role), jpt)).toThrow(/may not record or update/);
		}
		createActionPoint(db, as('spu'), jpt);
		expect(() =>
			updateActionPoint(db, as('leadership'), 'AP-0001', { status: 'in_progress', note: '' })
		).toThrow(/may not record or update/);
		expect(() =>
			updateActionPoint(db, as('viewer'), 'AP-0001', { status: 'done', note: '' })
		).toThrow(/may not close action points/);
		expect(settableStatuses(as('leadership'))).toEqual(['done', 'dropped']);
		expect(settableStatuses(as('planner'))).toEqual(['open', 'in_progress', 'done', 'dropped']);
		expect(settableStatuses(as('viewer'))).toEqual([]);
		expect(listActionPoints(db, as('viewer'), '2026-01-01')).toHaveLength(1);
	});
});

describe('clearance of links', () => {
	test('an uncleared reader never sees a restricted indicator linked, nor may link one', async () => {
		const db = await basicDb();
		const secret = restrictedIndicator(db);
		const node = (db.$client.prepare('SELECT code FROM results LIMIT 1').get() as { code: string })
			.code;
		expect(createActionPoint(db, admin, { ...jpt, results: [node], indicators: [secret] }).ok).toBe(
			true
		);
		const cleared = listActionPoints(db, as('viewer', true), '2026-01-01')[0]!;
		expect(cleared.links.map((l) => l.code)).toEqual([node, secret]);
		const uncleared = listActionPoints(db, as('viewer'), '2026-01-01')[0]!;
		expect(uncleared.links.map((l) => l.code)).toEqual([node]);
		expect(
			JSON.stringify(actionPointDetail(db, as('viewer'), 'AP-0001', '2026-01-01'))
		).not.toContain(secret);
		expect(listActionPoints(db, as('viewer'), '2026-01-01', { indicator: secret })).toEqual([]);
		// linking it is refused as if it did not exist
		const refused = createActionPoint(db, as('planner'), { ...jpt, indicators: [secret] });
		expect(refused).toMatchObject({
			ok: false,
			errors: { indicators: expect.stringContaining(secret) }
		});
		expect(refused.ok ? '' : refused.errors.indicators).toContain('No indicator you may see');
	});
});

describe('filters and counts', () => {
	test('by origin, owner, area, status and overdue; counts overdue and due soon', async () => {
		const db = await basicDb();
		const area = (db.$client.prepare('SELECT code FROM areas LIMIT 1').get() as { code: string })
			.code;
		db.$client
			.prepare("INSERT INTO users (username, role, password_hash) VALUES ('amina', 'planner', 'x')")
			.run();
		const add = (over: Partial<ActionPointInput>) =>
			expect(createActionPoint(db, admin, { ...jpt, ...over }).ok).toBe(true);
		add({ deadline: '2026-03-01' });
		add({ origin: 'smg_p_meeting', owner: 'JOC', deadline: '2026-03-25', area });
		add({ origin: 'early_warning_review', owner: '@amina', deadline: '2026-06-30' });
		add({ deadline: '2026-02-01', status: 'done' });
		const today = '2026-03-20';
		const all = listActionPoints(db, admin, today);
		expect(all.map((p) => p.reference)).toEqual(['AP-0004', 'AP-0001', 'AP-0002', 'AP-0003']);
		expect(countActionPoints(all)).toEqual({
			total: 4,
			open: 3,
			inProgress: 0,
			done: 1,
			dropped: 0,
			overdue: 1,
			dueSoon: 1
		});
		const refs = (filter: Parameters<typeof listActionPoints>[3]) =>
			listActionPoints(db, admin, today, filter).map((p) => p.reference);
		expect(refs({ origin: 'jpt_mission' })).toEqual(['AP-0004', 'AP-0001']);
		expect(refs({ owner: 'JOC' })).toEqual(['AP-0002']);
		expect(refs({ owner: '@amina' })).toEqual(['AP-0003']);
		expect(refs({ area })).toEqual(['AP-0002']);
		expect(refs({ status: 'done' })).toEqual(['AP-0004']);
		expect(refs({ overdue: true })).toEqual(['AP-0001']);
		expect(refs({ origin: 'jpt_mission', status: 'open' })).toEqual(['AP-0001']);
	});
});
