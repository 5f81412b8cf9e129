/**
 * The mapping step shows a bounded sample however large the file: the first columns with short
 * samples and a capped list of values to map; columns past them are counted, and those mapped
 * (a wide file's periods, a recognised column) are sent back as they are. The workspace's
 * functions are capabilities: who may not import may not stage, read or map an upload.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import {
	SHOWN_COLUMNS,
	analyse,
	mappingStep,
	shownMapping
} from '../../../src/lib/server/imports/workspace/mapping';
import { stageFile } from '../../../src/lib/server/imports/workspace/stage-file';
import { loadStaged } from '../../../src/lib/server/imports/workspace/staging';
import { NotAllowed } from '../../../src/lib/server/permissions';
import { freshDb } from '../../helpers/db';

let staging: string;
beforeAll(() => {
	staging = mkdtempSync(join(tmpdir(), 'cpas-mapping-bounds-'));
	process.env.CPAS_STAGING_DIR = staging;
});
afterAll(() => {
	rmSync(staging, { recursive: true, force: true });
	delete process.env.CPAS_STAGING_DIR;
});

test('a file of 16,000 columns and long values gives a page of bounded size', async () => {
	const db = freshDb();
	const periods = Array.from(
		{ length: 300 },
		(_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
	);
	const other = Array.from({ length: 16_000 - 302 }, (_, i) => `note ${i}`);
	const headers = ['indicator_code', 'area_code', ...other, ...periods];
	const rows = Array.from({ length: 20 }, (_, r) =>
		headers.map((_, c) => (c === 0 ? `K${r}` : c < 200 ? `${'long text '.repeat(50)}${r}` : `${c}`))
	);
	const csv = [headers, ...rows].map((r) => r.join(',')).join('\n') + '\n';
	const file = await stageFile(db, LOCAL_ADMINISTRATOR, 'wide.csv', new TextEncoder().encode(csv));
	if ('message' in file) throw new Error(file.message);
	const analysis = await analyse(db, LOCAL_ADMINISTRATOR, file);
	expect(analysis.problem).toBeNull();
	expect(analysis.rows).toBe(20);
	expect(analysis.sample[0]!.length).toBe(SHOWN_COLUMNS);
	expect(Math.max(...analysis.sample.flat().map((v) => v.length))).toBeLessThanOrEqual(100);
	// long values are no codes to map
	expect(analysis.distinct['note 0']).toEqual([]);

	const step = mappingStep(db, LOCAL_ADMINISTRATOR, file, analysis);
	const page = shownMapping(analysis, step);
	expect(page.analysis.headers).toHaveLength(SHOWN_COLUMNS);
	expect(page.beyond.count).toBe(16_000 - SHOWN_COLUMNS);
	// the periods past the shown columns keep their mapping; the notes are left out
	expect(page.beyond.mapped).toHaveLength(300);
	expect(page.beyond.mapped[0]).toEqual({ index: 15_700, target: '2000-01' });
	expect(JSON.stringify(page).length).toBeLessThan(100_000);
}, 20_000);

test('who may not import may not stage, read or map an upload', async () => {
	const db = freshDb();
	const viewer: Actor = { username: 'reader', role: 'viewer', cleared: false };
	const bytes = new TextEncoder().encode('indicator_code,period,value\nK1,2024-01,5\n');
	await expect(stageFile(db, viewer, 'x.csv', bytes)).rejects.toThrow(NotAllowed);
	const file = await stageFile(db, LOCAL_ADMINISTRATOR, 'x.csv', bytes);
	if ('message' in file) throw new Error(file.message);
	await expect(loadStaged(db, viewer, file.id)).rejects.toThrow(NotAllowed);
	await expect(analyse(db, viewer, file)).rejects.toThrow(NotAllowed);
	const analysis = await analyse(db, LOCAL_ADMINISTRATOR, file);
	expect(() => mappingStep(db, viewer, file, analysis)).toThrow(NotAllowed);
});
