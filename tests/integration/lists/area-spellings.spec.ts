/**
 * Area spellings mapped for a source (lists/area-spellings.ts), on a real database: saved with
 * the source, read back as the area matcher's aliases, mapped again when chosen again, refused
 * whole for an unknown area (the audit entry: audit/list-spellings-record.spec.ts).
 */
import { describe, expect, test } from 'vitest';
import { AreaMatcher } from '../../../src/lib/domain/lists/area-match';
import type { Actor } from '../../../src/lib/server/actor';
import { loadAreaTree } from '../../../src/lib/server/areas/tree';
import { NotAllowed } from '../../../src/lib/server/permissions';
import {
	areaAliases,
	areaSpellings,
	saveAreaSpellings
} from '../../../src/lib/server/lists/area-spellings';
import { createSource } from '../../../src/lib/server/lists/sources';
import { freshDb, importBasic } from '../../helpers/db';

const planner: Actor = { username: 'amina', role: 'planner', cleared: false };
const viewer: Actor = { username: 'victor', role: 'viewer', cleared: false };

async function withSource() {
	const db = freshDb();
	await importBasic(db);
	createSource(db, planner, { name: 'incidents' });
	return db;
}

describe('area spellings of a source', () => {
	test('are saved with the source and match as aliases of their areas', async () => {
		const db = await withSource();
		expect(saveAreaSpellings(db, planner, 'INCIDENTS', { ' Nord-1 ': 'N1', Sud: 'S' })).toEqual({
			ok: true,
			saved: 2
		});
		expect(areaSpellings(db, 'incidents')).toEqual([
			{ written: 'Nord-1', area: 'N1' },
			{ written: 'Sud', area: 'S' }
		]);
		const areas = loadAreaTree(db)
			.all()
			.map((a) => ({ id: a.id, code: a.code, name: a.name, parentId: a.parentId }));
		const matcher = new AreaMatcher(areas, areaAliases(db, 'incidents'));
		expect(matcher.match('NORD-1')).toMatchObject({ ok: true, area: { code: 'N1' } });
		expect(matcher.match('sud ')).toMatchObject({ ok: true, area: { code: 'S' } });
		// another source does not share them
		createSource(db, planner, { name: 'survey' });
		expect(areaAliases(db, 'survey').size).toBe(0);
	});

	test('a spelling chosen again is mapped to the new area; an unknown area refuses all', async () => {
		const db = await withSource();
		saveAreaSpellings(db, planner, 'incidents', { Nord: 'N' });
		saveAreaSpellings(db, planner, 'incidents', { nord: 'N2' });
		expect(areaSpellings(db, 'incidents')).toEqual([{ written: 'nord', area: 'N2' }]);
		expect(saveAreaSpellings(db, planner, 'incidents', { Est: 'E', Sud: 'S' })).toEqual({
			ok: false,
			message: '"E" is no area\'s code (for "Est").'
		});
		expect(areaSpellings(db, 'incidents')).toHaveLength(1);
		expect(saveAreaSpellings(db, planner, 'nope', { Sud: 'S' })).toMatchObject({ ok: false });
	});

	test('only those who import map them', async () => {
		const db = await withSource();
		expect(() => saveAreaSpellings(db, viewer, 'incidents', { Nord: 'N' })).toThrow(NotAllowed);
	});
});
