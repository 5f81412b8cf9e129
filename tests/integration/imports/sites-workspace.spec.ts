/**
 * A sites file dropped on the import page (/import): recognised as sites from its headers,
 * previewed by the importer (nothing written) and committed as a batch of its own.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { commitStaged, previewStaged } from '../../../src/lib/server/imports/workspace/check';
import { analyse, mappingStep } from '../../../src/lib/server/imports/workspace/mapping';
import { stageFile } from '../../../src/lib/server/imports/workspace/stage-file';
import { FIXTURES, freshDb } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
let staging: string;
beforeAll(() => {
	staging = mkdtempSync(join(tmpdir(), 'cpas-staging-sites-'));
	process.env.CPAS_STAGING_DIR = staging;
});
afterAll(() => {
	rmSync(staging, { recursive: true, force: true });
	delete process.env.CPAS_STAGING_DIR;
});

test('a sites file on the import page is proposed as sites, previewed, then committed', async () => {
	const db = freshDb();
	const bytes = readFileSync(join(FIXTURES, 'sites', 'sites.csv'));
	const file = await stageFile(db, admin, 'sites.csv', bytes);
	if ('message' in file) throw new Error(file.message);
	const analysis = await analyse(db, admin, file);
	const step = mappingStep(db, admin, file, analysis);
	expect(step.kind).toBe('sites');
	expect(Object.values(step.mapping.columns)).toEqual([
		'site_code',
		'site_name',
		'site_type',
		'latitude',
		'longitude',
		'opened',
		'closed',
		'sensitivity'
	]);

	const mapping = { ...step.mapping, kind: 'sites' as const };
	const preview = await previewStaged(db, admin, file, mapping);
	expect(preview).toMatchObject({ kind: 'sites', rows: 4, inserted: 4, errors: [] });
	expect(db.$client.prepare('SELECT count(*) AS n FROM sites').get()).toEqual({ n: 0 });

	const report = await commitStaged(db, admin, file, mapping, { validOnly: false, saveAs: null });
	expect(report).toMatchObject({ kind: 'sites', inserted: 4 });
	expect(report.batchId).toBeGreaterThan(0);
	expect(db.$client.prepare('SELECT count(*) AS n FROM sites').get()).toEqual({ n: 4 });
});
