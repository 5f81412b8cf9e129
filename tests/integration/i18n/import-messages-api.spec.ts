/**
 * The API in French (issue 15): `?lang=fr` or `Accept-Language: fr` writes the importer's
 * messages in French — in the job thread that runs the import, which carries the requester's
 * language — while the JSON keys, codes, lines, columns and values stay as they are. English
 * is the default. The handlers are called as hooks.server.ts calls them: inside the language
 * chooseLocale picks for the request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { chooseLocale } from '../../../src/lib/server/i18n/choose-locale';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';
import { startJobThreads, stopJobThreads } from '../../../src/lib/server/jobs/imports';
import { importBasic } from '../../helpers/db';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies, checked by expect
type Json = any;
type Handler = (event: never) => Response | Promise<Response>;

let dir = '';
let IMPORT: Handler;
let UNDO: Handler;
let MISSING: Handler;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-api-fr-'));
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
	IMPORT = (await import('../../../src/routes/api/v1/imports/+server')).POST as Handler;
	UNDO = (await import('../../../src/routes/api/v1/imports/[id]/undo/+server')).POST as Handler;
	MISSING = (await import('../../../src/routes/api/v1/[...path]/+server')).GET as Handler;
	const db = (await import('../../../src/lib/server/db/app-db')).appDb();
	await importBasic(db);
	await startJobThreads(LOCAL_ADMINISTRATOR);
}, 60_000);

afterAll(async () => {
	await stopJobThreads();
	delete process.env.DATABASE_PATH;
	rmSync(dir, { recursive: true, force: true });
});

async function call(
	handler: Handler,
	path: string,
	init: { method?: string; headers?: Record<string, string>; body?: string } = {},
	params: Record<string, string> = {}
): Promise<{ status: number; json: Json }> {
	const url = new URL(`http://localhost${path}`);
	const request = new Request(url, { method: init.method ?? 'POST', ...init });
	const event = { request, url, params, locals: { actor: LOCAL_ADMINISTRATOR } };
	const locale = chooseLocale({ url, request, cookies: { get: () => undefined } }, null);
	const response = await inLocale(locale, () => handler(event as never));
	return { status: response.status, json: await response.json() };
}

const BAD = 'indicator_code,period,area_code,value\nK1,2024-13,N1,6\nK9,2024-01,N1,x\n';
const post = (query: string, headers: Record<string, string> = {}) =>
	call(IMPORT, `/api/v1/imports${query}`, {
		headers: { 'content-type': 'text/csv', ...headers },
		body: BAD
	});

describe('POST /api/v1/imports in French', () => {
	test('English by default, French with ?lang=fr and with Accept-Language: fr', async () => {
		const en = await post('?dry_run=1');
		const query = await post('?dry_run=1&lang=fr');
		const header = await post('?dry_run=1', { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
		for (const r of [en, query, header]) expect(r.status).toBe(422);
		const where = (r: { json: Json }) =>
			r.json.errors.map((e: Json) => [e.line, e.column, e.value]);
		expect(where(en)).toEqual([
			[2, 'period', '2024-13'],
			[3, 'indicator_code', 'K9'],
			[3, 'value', 'x']
		]);
		expect(where(query)).toEqual(where(en));
		expect(where(header)).toEqual(where(en));
		expect(Object.keys(query.json)).toEqual(Object.keys(en.json));
		expect(en.json.errors[0].message).toMatch(/^"2024-13" is not a period/);
		for (const r of [query, header]) {
			expect(r.json.errors[0].message).toMatch(/^«\u00a02024-13\u00a0» n’est pas une période/);
			expect(r.json.errors[1].message).toMatch(/^Indicateur inconnu\u00a0: «\u00a0K9\u00a0»\./);
			expect(r.json.errors[2].message).toMatch(/^«\u00a0x\u00a0» n’est pas un nombre/);
		}
	});

	test('?lang=en wins over Accept-Language: fr', async () => {
		const r = await post('?dry_run=1&lang=en', { 'accept-language': 'fr' });
		expect(r.json.errors[0].message).toMatch(/^"2024-13" is not a period/);
	});

	test('the API’s own refusals follow the language too', async () => {
		const blank = await call(IMPORT, '/api/v1/imports?source=%20&lang=fr', { body: 'x' });
		expect(blank).toEqual({
			status: 400,
			json: { error: 'source doit donner le nom d’une source.' }
		});
		const undo = await call(
			UNDO,
			'/api/v1/imports/abc/undo',
			{
				headers: { 'accept-language': 'fr' }
			},
			{ id: 'abc' }
		);
		expect(undo.status).toBe(400);
		expect(undo.json.error).toMatch(/^«\u00a0abc\u00a0» n’est pas un identifiant d’importation/);
		const none = await call(UNDO, '/api/v1/imports/999/undo?lang=fr', {}, { id: '999' });
		expect(none.status).toBe(404);
		expect(none.json.error).toBe('Il n’y a pas d’importation nº 999.');
		const missing = await call(
			MISSING,
			'/api/v1/nothing?lang=fr',
			{ method: 'GET' },
			{
				path: 'nothing'
			}
		);
		expect(missing).toEqual({
			status: 404,
			json: { error: 'Il n’existe pas de point d’accès GET /api/v1/nothing.' }
		});
	});
});
