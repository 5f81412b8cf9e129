/**
 * Read-only tokens (issue 18): a token is `full` (acts as its account) or `read` (GET and
 * HEAD only). The scope is chosen when the token is made, kept in the database (which refuses
 * any other value), shown in the token list, audited, and enforced by the gate before any
 * route code runs: a read-only token's POST answers 403 JSON saying why, and writes nothing.
 * The gate is exercised through the server's real hook (tests/helpers/api-app.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { createAccount } from '../../../src/lib/server/auth/accounts';
import { authenticate } from '../../../src/lib/server/auth/authenticate';
import { createToken, listTokens } from '../../../src/lib/server/auth/tokens';
import type { Db } from '../../../src/lib/server/db';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';
import { startJobThreads, stopJobThreads } from '../../../src/lib/server/jobs/imports';
import { apiFetch } from '../../helpers/api-app';
import { onlyEntryOf } from '../../helpers/audit';
import { freshDb, importBasic } from '../../helpers/db';

const PASSWORD = 'a long pass phrase';
const POLICY = { idleMs: 60_000, absoluteMs: 600_000 };

describe('a token’s scope, as the tokens capability keeps it', () => {
	let db: Db;
	beforeAll(async () => {
		db = freshDb();
		const made = await createAccount(db, LOCAL_ADMINISTRATOR, {
			username: 'amina',
			password: PASSWORD,
			role: 'planner'
		});
		if (!made.ok) throw new Error('setup');
	});

	test('made read-only or full, listed with its scope, and the scope is audited', async () => {
		const entry = await onlyEntryOf(db, () => {
			const r = createToken(db, LOCAL_ADMINISTRATOR, 'amina', 'dashboard', 'read');
			expect(r).toMatchObject({ ok: true, view: { name: 'dashboard', scope: 'read' } });
		});
		expect(entry).toMatchObject({
			action: 'token.create',
			subject: 'amina',
			detail: { name: 'dashboard', scope: 'read' }
		});
		createToken(db, LOCAL_ADMINISTRATOR, 'amina', 'etl', 'full');
		expect(listTokens(db, LOCAL_ADMINISTRATOR, 'amina').map((t) => [t.name, t.scope])).toEqual([
			['etl', 'full'],
			['dashboard', 'read']
		]);
	});

	test('any other scope is refused on its field, in the reader’s language, and nothing is made', () => {
		const before = listTokens(db, LOCAL_ADMINISTRATOR, 'amina').length;
		for (const scope of ['write', '', 'READ']) {
			const r = createToken(db, LOCAL_ADMINISTRATOR, 'amina', 'x', scope);
			expect(r, scope).toEqual({
				ok: false,
				errors: { scope: `"${scope}" is not a token scope: choose one of full, read.` }
			});
		}
		const fr = inLocale('fr', () => createToken(db, LOCAL_ADMINISTRATOR, 'amina', 'x', 'write'));
		expect(fr).toMatchObject({ ok: false, errors: { scope: expect.stringMatching(/portée/) } });
		expect(listTokens(db, LOCAL_ADMINISTRATOR, 'amina')).toHaveLength(before);
	});

	test('the database itself refuses a scope that is not one, and old tokens are full', () => {
		const insert = (scope: string | null) =>
			db.$client
				.prepare(
					`INSERT INTO api_tokens (user_id, name, token_hash, created_at${scope === null ? '' : ', scope'})
					 SELECT id, 'raw', 'hash-' || ?, 0${scope === null ? '' : ', ?'} FROM users WHERE username = 'amina'`
				)
				.run(...(scope === null ? [String(Math.random())] : [String(Math.random()), scope]));
		expect(() => insert('write')).toThrow(/CHECK constraint failed/);
		insert(null);
		const raw = listTokens(db, LOCAL_ADMINISTRATOR, 'amina').find((t) => t.name === 'raw');
		expect(raw?.scope).toBe('full');
	});

	test('authenticating says the token’s scope; a session has none', () => {
		const r = createToken(db, LOCAL_ADMINISTRATOR, 'amina', 'reader', 'read');
		if (!r.ok) throw new Error('token');
		const who = authenticate(
			db,
			{ authorization: `Bearer ${r.token}`, sessionToken: undefined },
			POLICY
		);
		expect(who).toMatchObject({ kind: 'account', tokenScope: 'read', sessionId: null });
	});
});

describe('the gate: a read-only token may only read', () => {
	let dir = '';
	let db: Db;
	const headers: Record<'read' | 'full', Record<string, string>> = { read: {}, full: {} };

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'cpas-token-scope-'));
		process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
		db = (await import('../../../src/lib/server/db/app-db')).appDb();
		await importBasic(db);
		const made = await createAccount(db, LOCAL_ADMINISTRATOR, {
			username: 'amina',
			password: PASSWORD,
			role: 'admin'
		});
		if (!made.ok) throw new Error('setup');
		for (const scope of ['read', 'full'] as const) {
			const t = createToken(db, LOCAL_ADMINISTRATOR, 'amina', scope, scope);
			if (!t.ok) throw new Error('token');
			headers[scope] = { authorization: `Bearer ${t.token}` };
		}
		await startJobThreads(LOCAL_ADMINISTRATOR);
	}, 60_000);

	afterAll(async () => {
		await stopJobThreads();
		delete process.env.DATABASE_PATH;
		rmSync(dir, { recursive: true, force: true });
	});

	const batches = () =>
		(db.$client.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n;
	const FILE = 'indicator_code,period,area_code,value\nK1,2024-03,N1,9\n';

	test('GET and HEAD pass, as for the account', async () => {
		for (const method of ['GET', 'HEAD']) {
			const r = await apiFetch('/api/v1/indicators', { method, headers: headers.read });
			expect(r.status, method).toBe(200);
		}
	});

	test('POST, PUT, PATCH, DELETE: 403 JSON naming the reason; nothing is written', async () => {
		const before = batches();
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
			const r = await apiFetch('/api/v1/imports', {
				method,
				headers: { ...headers.read, 'content-type': 'text/csv' },
				body: FILE
			});
			expect(r.status, method).toBe(403);
			expect(r.headers.get('content-type')).toMatch(/^application\/json/);
			expect(await r.json()).toEqual({
				error:
					`This token may only read (GET): its scope is read-only, so ${method} is refused ` +
					'and nothing was changed. Use a token with full scope to import or change anything.'
			});
		}
		expect(batches()).toBe(before);
		// the same account's full token imports
		const full = await apiFetch('/api/v1/imports', {
			method: 'POST',
			headers: { ...headers.full, 'content-type': 'text/csv' },
			body: FILE
		});
		expect(full.status).toBe(200);
		expect(batches()).toBe(before + 1);
	});

	test('a page’s form action too, in the language the page would speak', async () => {
		const r = await apiFetch('/account?/createToken', {
			method: 'POST',
			headers: { ...headers.read, 'accept-language': 'fr' },
			body: new URLSearchParams({ name: 'sneaky', scope: 'full' })
		});
		expect(r.status).toBe(403);
		expect((await r.json()).error).toMatch(/^Ce jeton ne peut que lire/);
		expect(listTokens(db, LOCAL_ADMINISTRATOR, 'amina').map((t) => t.name)).not.toContain('sneaky');
	});
});
