/** Area outlines imported from a GeoJSON file are recorded in the audit log; a refusal is not. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { Actor } from '../../../src/lib/server/actor';
import { importBoundaries } from '../../../src/lib/server/maps/import-boundaries';
import { onlyEntryOf } from '../../helpers/audit';
import { FIXTURES, freshDb, importBasic } from '../../helpers/db';

const planner: Actor = { username: 'amina', role: 'planner', cleared: false };
const file = (name: string) => ({
	name,
	bytes: readFileSync(join(FIXTURES, 'boundaries', name))
});

test('outlines imported for areas are audited: the file, the property, the areas', async () => {
	const db = freshDb();
	await importBasic(db);
	expect(
		await onlyEntryOf(db, () =>
			importBoundaries(db, planner, file('two-territories.geojson'), { match: 'code' })
		)
	).toMatchObject({
		actor: 'amina',
		action: 'areas.boundaries',
		subject: 'two-territories.geojson',
		detail: { match: 'code', areas: ['N1', 'N2'], unmatchedFeatures: ['X9'], areasWithout: [] }
	});
	const count = () =>
		(db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
	const before = count();
	importBoundaries(db, planner, file('unclosed-ring.geojson'), { match: 'name' });
	importBoundaries(db, planner, file('two-territories.geojson'), { match: 'code', dryRun: true });
	expect(count()).toBe(before);
});
