/** Every write of an action point is audited: recorded, replaced, status moved, noted. */
import { expect, test } from 'vitest';
import type { Actor } from '../../../src/lib/server/actor';
import { createActionPoint } from '../../../src/lib/server/action-points/create';
import {
	resolveActionPoint,
	type ActionPointInput
} from '../../../src/lib/server/action-points/resolve';
import { replaceActionPoint } from '../../../src/lib/server/action-points/store';
import { updateActionPoint } from '../../../src/lib/server/action-points/update';
import { nothingRecordedBy, onlyEntryOf } from '../../helpers/audit';
import { freshDb, importBasic } from '../../helpers/db';

const spu: Actor = { username: 'spu-officer', role: 'spu', cleared: false };
const input: ActionPointInput = {
	origin: 'smg_p_meeting',
	cycle: '',
	originReference: 'SMG-P, 3 March 2026',
	decision: 'Reinforce patrols on the market road',
	owner: 'Force',
	area: '',
	deadline: '2026-04-15',
	status: '',
	dropReason: '',
	results: ['PO1'],
	indicators: []
};

test('recorded, replaced, moved and noted: one entry each, before → after', async () => {
	const db = freshDb();
	await importBasic(db);
	const created = await onlyEntryOf(db, () => createActionPoint(db, spu, input));
	expect(created).toMatchObject({
		actor: 'spu-officer',
		action: 'action.create',
		subject: 'AP-0001',
		detail: { after: { origin: 'smg_p_meeting', owner: 'Force', results: ['PO1'], status: 'open' } }
	});
	const resolved = resolveActionPoint(db, spu, { ...input, deadline: '2026-05-15' });
	if (!resolved.ok) throw new Error('not resolved');
	const existing = db.$client.prepare('SELECT id FROM action_points').get() as { id: number };
	const replaced = await onlyEntryOf(db, () =>
		db.transaction((tx) => {
			const row = tx.query.actionPoints
				.findFirst({ where: (p, { eq }) => eq(p.id, existing.id) })
				.sync()!;
			replaceActionPoint(tx, spu, row, resolved.point);
		})
	);
	expect(replaced).toMatchObject({
		action: 'action.update',
		subject: 'AP-0001',
		detail: { before: { deadline: '2026-04-15' }, after: { deadline: '2026-05-15' } }
	});
	const moved = await onlyEntryOf(db, () =>
		updateActionPoint(db, spu, 'AP-0001', { status: 'in_progress', note: 'Started.' })
	);
	expect(moved).toMatchObject({
		action: 'action.status',
		detail: { before: { status: 'open' }, after: { status: 'in_progress' }, note: 'Started.' }
	});
	const noted = await onlyEntryOf(db, () =>
		updateActionPoint(db, spu, 'AP-0001', { status: 'in_progress', note: 'Half done.' })
	);
	expect(noted).toMatchObject({ action: 'action.note', subject: 'AP-0001' });
	await nothingRecordedBy(db, () =>
		expect(createActionPoint(db, spu, { ...input, decision: '' }).ok).toBe(false)
	);
});
