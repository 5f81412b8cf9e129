/**
 * The gate's decisions for someone without an account (src/lib/server/http/gate.ts,
 * public-reader.ts), on a real database: with the public view off every route asks to sign
 * in; with it on, the routes the public view opens pass as the public reader, within a rate,
 * and every other route, method and form still asks to sign in. A bad token stays a 401.
 */
import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, NOBODY, PUBLIC_READER } from '../../../src/lib/server/actor';
import { createAccount } from '../../../src/lib/server/auth/accounts';
import { createToken } from '../../../src/lib/server/auth/tokens';
import type { Db } from '../../../src/lib/server/db';
import { settings } from '../../../src/lib/server/db/schema';
import { gate, type GateResult } from '../../../src/lib/server/http/gate';
import { resetPublicBuckets } from '../../../src/lib/server/http/public-reader';
import { ROUTE_ACCESS, accessFor } from '../../../src/lib/server/http/route-access';
import {
	PUBLIC_VIEW_KEY,
	publicViewOn,
	setPublicView
} from '../../../src/lib/server/settings/public-view';
import { saveSettings } from '../../../src/lib/server/settings/save';
import { entriesAfter } from '../../helpers/audit';
import { freshDb } from '../../helpers/db';

interface Asked {
	method?: string;
	headers?: Record<string, string>;
	address?: string;
}

function event(path: string, routeId: string | null, asked: Asked = {}): RequestEvent {
	const url = new URL(`http://localhost${path}`);
	return {
		url,
		route: { id: routeId },
		request: new Request(url, { method: asked.method ?? 'GET', headers: asked.headers }),
		cookies: { get: () => undefined, delete: () => undefined },
		locals: { actor: NOBODY },
		isDataRequest: false,
		getClientAddress: () => asked.address ?? '192.0.2.1'
	} as unknown as RequestEvent;
}

type Decision =
	| { kind: 'passed'; as: string }
	| { kind: 'redirect'; to: string }
	| { kind: 'refused'; status: number };

/** What the gate decided, in words a test can compare. */
function decide(db: Db, e: RequestEvent): Decision {
	let result: GateResult;
	try {
		result = gate(db, e);
	} catch (thrown) {
		if (isRedirect(thrown)) return { kind: 'redirect', to: thrown.location };
		throw thrown;
	}
	if (result.pass) return { kind: 'passed', as: e.locals.actor.username };
	return { kind: 'refused', status: result.response.status };
}

/** A concrete path for a route id: the parameters filled with something that parses. */
const pathOf = (id: string) =>
	id
		.replace('[...path]', 'x')
		.replace(/\[(\w+)\]/g, (_, name) => (name === 'fy' ? 'FY2024-25' : 'X'));

const OPENED = Object.entries(ROUTE_ACCESS).filter(([id]) => {
	const rule = ROUTE_ACCESS[id]!;
	return rule.page === 'read-or-public' || rule.methods?.GET === 'read-or-public';
});

let db: Db;
let token: string;
beforeEach(async () => {
	db = freshDb();
	const made = await createAccount(db, LOCAL_ADMINISTRATOR, {
		username: 'amina',
		password: 'a long pass phrase',
		role: 'viewer'
	});
	if (!made.ok) throw new Error('setup');
	const t = createToken(db, LOCAL_ADMINISTRATOR, 'amina', 'partner dashboard', 'read');
	if (!t.ok) throw new Error('token');
	token = t.token;
	delete process.env.CPAS_PUBLIC_RATE;
	resetPublicBuckets();
});
afterEach(() => {
	delete process.env.CPAS_PUBLIC_RATE;
	resetPublicBuckets();
});

describe('the switch', () => {
	test('off by default; turned on and off by an administrator, audited with before and after', () => {
		expect(publicViewOn(db)).toBe(false);
		expect(setPublicView(db, LOCAL_ADMINISTRATOR, true)).toEqual({ before: false, after: true });
		expect(publicViewOn(db)).toBe(true);
		setPublicView(db, LOCAL_ADMINISTRATOR, false);
		const ours = entriesAfter(db, 0).filter((e) => e.subject === PUBLIC_VIEW_KEY);
		expect(ours.map((e) => [e.action, e.actor, e.detail])).toEqual([
			['settings.change', 'local-admin', { before: false, after: true }],
			['settings.change', 'local-admin', { before: true, after: false }]
		]);
	});

	test('only an administrator may turn it', () => {
		expect(() =>
			setPublicView(db, { username: 'amina', role: 'spu', cleared: true }, true)
		).toThrow();
		expect(() => setPublicView(db, PUBLIC_READER, true)).toThrow();
		expect(publicViewOn(db)).toBe(false);
	});

	test('a value that is not JSON true keeps it closed', () => {
		for (const value of ['1', '"true"', 'yes', '{']) {
			db.insert(settings)
				.values({ key: PUBLIC_VIEW_KEY, value })
				.onConflictDoUpdate({ target: settings.key, set: { value } })
				.run();
			expect(publicViewOn(db), value).toBe(false);
		}
	});

	test('the settings form turns it, saying so; a form without the field leaves it', () => {
		const form = { small_cell_threshold: '5', status_margin: '15' };
		const on = saveSettings(db, LOCAL_ADMINISTRATOR, { ...form, public_view: 'on' });
		expect(on).toMatchObject({ ok: true, done: expect.stringContaining('public view turned on') });
		expect(saveSettings(db, LOCAL_ADMINISTRATOR, form)).toMatchObject({ ok: true });
		expect(publicViewOn(db)).toBe(true);
		saveSettings(db, LOCAL_ADMINISTRATOR, { ...form, public_view: 'off' });
		expect(publicViewOn(db)).toBe(false);
	});
});

describe('with the public view off', () => {
	test('every route asks someone without an account to sign in, those it would open too', () => {
		for (const [id] of OPENED) {
			const d = decide(db, event(pathOf(id), id, { headers: { accept: 'text/html' } }));
			const rule = ROUTE_ACCESS[id]!;
			if (rule.methods) expect(d, id).toEqual({ kind: 'refused', status: 401 });
			else expect(d, id).toMatchObject({ kind: 'redirect', to: expect.stringMatching(/^\/login/) });
		}
	});
});

describe('with the public view on', () => {
	beforeEach(() => {
		setPublicView(db, LOCAL_ADMINISTRATOR, true);
	});

	test('the routes it opens pass as the public reader', () => {
		expect(OPENED.map(([id]) => id).sort()).toEqual(
			[
				'/',
				// the API described (docs/api.md): partners read what the view opens to them
				'/api',
				'/api/v1/indicators',
				'/api/v1/indicators/[code]/series',
				'/api/v1/openapi.json',
				'/indicators',
				'/indicators/[code]',
				'/indicators/[code]/breakdown.csv',
				'/indicators/[code]/map.svg',
				'/indicators/[code]/series.csv',
				'/objectives',
				'/objectives/[code]'
			].filter((id) => ROUTE_ACCESS[id])
		);
		for (const [id] of OPENED) {
			const e = event(pathOf(id), id);
			expect(decide(db, e), id).toEqual({ kind: 'passed', as: 'public' });
			expect(e.locals.actor).toBe(PUBLIC_READER);
		}
	});

	test('every other route, method and form action still asks to sign in (fail closed)', () => {
		const wrong: string[] = [];
		for (const [id, rule] of Object.entries(ROUTE_ACCESS)) {
			const asks: { method: string; action: string | null }[] = [
				...(rule.page ? [{ method: 'GET', action: null }] : []),
				...Object.keys(rule.actions ?? {}).map((a) => ({ method: 'POST', action: a })),
				...Object.keys(rule.methods ?? {}).map((m) => ({ method: m, action: null }))
			];
			for (const ask of asks) {
				const access = accessFor({ routeId: id, ...ask });
				if (access === 'read-or-public' || access === 'public' || access === 'setup') continue;
				const query = ask.action && ask.action !== 'default' ? `?/${ask.action}` : '';
				const d = decide(
					db,
					event(pathOf(id) + query, id, { method: ask.method, headers: { accept: 'text/html' } })
				);
				const signIn =
					(d.kind === 'refused' && d.status === 401) ||
					(d.kind === 'redirect' && d.to.startsWith('/login'));
				if (!signIn) wrong.push(`${ask.method} ${id}${query}: ${JSON.stringify(d)}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	test('an unknown address asks to sign in, not the public reader', () => {
		expect(decide(db, event('/nowhere', null))).toMatchObject({ kind: 'redirect' });
	});

	test('a bad token is a 401, never silently the public reader', () => {
		for (const authorization of ['Bearer wrong', 'Bearer ', 'Basic abc']) {
			const e = event('/api/v1/indicators', '/api/v1/indicators', { headers: { authorization } });
			expect(decide(db, e), authorization).toEqual({ kind: 'refused', status: 401 });
			expect(e.locals.actor.publicReader).toBeUndefined();
		}
	});

	test('an account reads as itself, never as the public reader', () => {
		const e = event('/api/v1/indicators', '/api/v1/indicators', {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(decide(db, e)).toEqual({ kind: 'passed', as: 'amina' });
		expect(e.locals.actor.publicReader).toBeUndefined();
	});

	test('past its rate a client gets 429 with Retry-After: JSON for the API, a page for pages', async () => {
		process.env.CPAS_PUBLIC_RATE = '60:2';
		resetPublicBuckets();
		const api = () => gate(db, event('/api/v1/indicators', '/api/v1/indicators'));
		expect(api().pass).toBe(true);
		expect(api().pass).toBe(true);
		const limited = api();
		if (limited.pass) throw new Error('not limited');
		expect(limited.response.status).toBe(429);
		expect(Number(limited.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(await limited.response.json()).toEqual({ error: expect.stringMatching(/wait/i) });

		const page = gate(db, event('/objectives/PO1', '/objectives/[code]'));
		if (page.pass) throw new Error('not limited');
		expect(page.response.status).toBe(429);
		expect(page.response.headers.get('content-type')).toMatch(/text\/html/);
		expect(await page.response.text()).toContain('Too many requests');

		// another address has its own bucket; an account is never limited
		expect(gate(db, event('/', '/', { address: '198.51.100.7' })).pass).toBe(true);
		const account = event('/api/v1/indicators', '/api/v1/indicators', {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(gate(db, account).pass).toBe(true);
	});

	test('CPAS_PUBLIC_RATE that is not a rate is refused with a clear message', () => {
		process.env.CPAS_PUBLIC_RATE = 'lots';
		resetPublicBuckets();
		expect(() => gate(db, event('/', '/'))).toThrow(/CPAS_PUBLIC_RATE=lots/);
	});
});
