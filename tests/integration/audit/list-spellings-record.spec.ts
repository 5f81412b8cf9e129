/** Mapping area spellings for a source is recorded in the audit log: who, which source, what. */
import { expect, test } from 'vitest';
import type { Actor } from '../../../src/lib/server/actor';
import { saveAreaSpellings } from '../../../src/lib/server/lists/area-spellings';
import { createSource } from '../../../src/lib/server/lists/sources';
import { onlyEntryOf } from '../../helpers/audit';
import { freshDb, importBasic } from '../../helpers/db';

const planner: Actor = { username: 'amina', role: 'planner', cleared: false };

test('area spellings mapped for a source are audited', async () => {
	const db = freshDb();
	await importBasic(db);
	createSource(db, planner, { name: 'incidents' });
	expect(
		await onlyEntryOf(db, () => saveAreaSpellings(db, planner, 'incidents', { Nord: 'N' }))
	).toMatchObject({
		actor: 'amina',
		action: 'list-source.spellings',
		subject: 'incidents',
		detail: { after: { Nord: 'N' } }
	});
});
