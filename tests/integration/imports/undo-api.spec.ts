/**
 * `POST /api/v1/imports/{id}/undo` (beyond the contract, docs/history-and-undo.md): the
 * SvelteKit handler called directly, on a real database file that the server opens itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startJobThreads, stopJobThreads } from '../../../src/lib/server/jobs/imports';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { csv, importBasic, latestBatchId } from '../../helpers/db';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies, checked by expect
type Json = any;
type Handler = (event: never) => Response | Promise<Response>;

let dir = '';
let UNDO: Handler;
let db: Db;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-undo-api-'));
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
	UNDO = (await import('../../../src/routes/api/v1/imports/[id]/undo/+server')).POST as Handler;
	db = (await import('../../../src/lib/server/db/app-db')).appDb();
	await importBasic(db);
	// imports run in a job thread: started here, as the server's init hook does
	await startJobThreads(LOCAL_ADMINISTRATOR);
}, 60_000);

afterAll(async () => {
	await stopJobThreads();
	delete process.env.DATABASE_PATH;
	rmSync(dir, { recursive: true, force: true });
});

async function undo(
	id: string | number,
	query = '',
	actor: Actor = LOCAL_ADMINISTRATOR
): Promise<{ status: number; json: Json }> {
	const url = new URL(`http://localhost/api/v1/imports/${id}/undo${query}`);
	const request = new Request(url, { method: 'POST' });
	const response = await UNDO({
		request,
		url,
		params: { id: String(id) },
		locals: { actor }
	} as never);
	return { status: response.status, json: await response.json() };
}

async function importFigures(text: string): Promise<number> {
	const report = await importFiles(db, LOCAL_ADMINISTRATOR, [csv('fix.csv', text)]);
	expect(report.ok).toBe(true);
	return latestBatchId(db);
}

describe('POST /api/v1/imports/{id}/undo', () => {
	test('200 with what was done; a second undo is 409', async () => {
		const id = await importFigures('indicator_code,period,area_code,value\nK1,2024-07,N1,2\n');
		const first = await undo(id);
		expect(first).toMatchObject({
			status: 200,
			json: { ok: true, batchId: id, counts: { deleted: 1, restored: 0, keptLater: 0 } }
		});
		expect(first.json.message).toBe(`Import #${id} undone: 1 figure it had added deleted.`);
		const second = await undo(id);
		expect(second).toMatchObject({ status: 409, json: { ok: false, problem: 'already_undone' } });
		expect(second.json.error).toContain('was already undone');
	});

	test('409 listing later changes, then 200 with confirm=1', async () => {
		const a = await importFigures('indicator_code,period,area_code,value\nK1,2024-01,N1,6\n');
		const b = await importFigures('indicator_code,period,area_code,value\nK1,2024-01,N1,8\n');
		const asked = await undo(a);
		expect(asked).toMatchObject({
			status: 409,
			json: {
				ok: false,
				problem: 'confirmation_required',
				later: { count: 1, batches: [{ id: b, fileName: 'fix.csv', figures: 1 }] }
			}
		});
		expect(asked.json.later.figures[0]).toMatchObject({
			indicator: 'K1',
			period: '2024-01',
			area: 'N1',
			written: { value: 6 },
			now: { value: 8, batchId: b }
		});
		const confirmed = await undo(a, '?confirm=1');
		expect(confirmed).toMatchObject({
			status: 200,
			json: { ok: true, counts: { deleted: 0, restored: 0, keptLater: 1 } }
		});
	});

	test('422 for a kind without previous versions, 404 unknown, 400 not a number, 403 not allowed', async () => {
		expect(await undo(1)).toMatchObject({ status: 422, json: { problem: 'not_undoable' } });
		expect(await undo(9999)).toMatchObject({
			status: 404,
			json: { error: 'There is no import #9999.' }
		});
		expect((await undo('abc')).status).toBe(400);
		const viewer: Actor = { username: 'v', role: 'viewer', cleared: false };
		expect(await undo(4, '', viewer)).toMatchObject({
			status: 403,
			json: { error: 'v (viewer) may not import.' }
		});
	});
});
