/**
 * Rendered answers kept per data version and reader, with entity tags
 * (src/lib/server/cache/page-cache.ts, src/lib/server/http/etag.ts). The page here is rendered
 * from the real objective view of a real database, as the hook's `resolve` would; the request
 * event carries only what the hook hands over (request, route, actor).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { brotliDecompressSync } from 'node:zlib';
import { beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import { pageCacheOf, readerAnswer } from '../../../src/lib/server/cache/page-cache';
import { loadObjectiveView } from '../../../src/lib/server/dashboard/objective-view';
import type { Db } from '../../../src/lib/server/db';
import { matches } from '../../../src/lib/server/http/etag';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { csv, freshDb, importBasic } from '../../helpers/db';

const viewer: Actor = { username: 'amina', role: 'viewer', cleared: false };
const cleared: Actor = { username: 'bola', role: 'viewer', cleared: true };

function event(actor: Actor, routeId: string, path: string, headers: Record<string, string> = {}) {
	return {
		request: new Request(`http://localhost${path}`, {
			headers: { accept: 'text/html', 'accept-encoding': 'br', ...headers }
		}),
		route: { id: routeId },
		locals: { actor }
	} as unknown as RequestEvent;
}

/** The objective page as the hook's resolve would give it: a fresh nonce every time. */
function renderer(db: Db, actor: Actor) {
	const rendered = { count: 0 };
	const render = () => {
		rendered.count++;
		const view = loadObjectiveView(db, actor, 'PO1');
		if (!view.ok) throw new Error(view.message);
		const nonce = crypto.randomUUID();
		const codes = Object.values(view.view.panels).flatMap((p) => p.map((v) => v.code));
		const html = `<!doctype html><p>${actor.username}</p><script nonce="${nonce}">start()</script><ul>${codes.map((c) => `<li>${c}</li>`).join('')}</ul>${'<!-- padding -->'.repeat(200)}`;
		return new Response(html, {
			headers: {
				'content-type': 'text/html',
				'content-security-policy': `script-src 'self' 'nonce-${nonce}'`
			}
		});
	};
	return { render, rendered };
}

async function text(response: Response): Promise<string> {
	const bytes = Buffer.from(await response.arrayBuffer());
	return response.headers.get('content-encoding') === 'br'
		? brotliDecompressSync(bytes).toString()
		: bytes.toString();
}

const RESTRICT_K2 = csv(
	'indicators.csv',
	'indicator_code,indicator_title,result_code,category,direction,measure,frequency,dimensions,sensitivity\n' +
		'K2,% feel safe,PO1-OC1,perception,increase,percent,quarter,,restricted\n'
);

let db: Db;
beforeEach(async () => {
	db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	expect((await importFiles(db, LOCAL_ADMINISTRATOR, [RESTRICT_K2])).ok).toBe(true);
});

describe('kept pages', () => {
	test('each reader gets their own page: an uncleared one never the cleared one’s', async () => {
		const forCleared = renderer(db, cleared);
		const first = await readerAnswer(
			db,
			event(cleared, '/objectives/[code]', '/objectives/PO1'),
			null,
			forCleared.render
		);
		expect(await text(first)).toContain('<li>K2</li>');
		const forViewer = renderer(db, viewer);
		const second = await readerAnswer(
			db,
			event(viewer, '/objectives/[code]', '/objectives/PO1'),
			null,
			forViewer.render
		);
		expect(forViewer.rendered.count).toBe(1);
		const body = await text(second);
		expect(body).not.toContain('K2');
		expect(body).toContain('<p>amina</p>');
		expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'));
	});

	test('the same reader again: served as kept, the same tag; with it, a bodiless 304', async () => {
		const { render, rendered } = renderer(db, viewer);
		const url = '/objectives/PO1';
		const first = await readerAnswer(db, event(viewer, '/objectives/[code]', url), null, render);
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^W\/"[\w-]+"$/);
		expect(first.headers.get('cache-control')).toBe('private, no-cache');
		expect(first.headers.get('content-encoding')).toBe('br');
		expect(first.headers.get('vary')).toMatch(/accept-encoding/i);
		const body = await text(first);

		const again = await readerAnswer(db, event(viewer, '/objectives/[code]', url), null, render);
		expect(rendered.count).toBe(1);
		expect(again.headers.get('etag')).toBe(etag);
		expect(await text(again)).toBe(body);

		const held = await readerAnswer(
			db,
			event(viewer, '/objectives/[code]', url, { 'if-none-match': etag }),
			null,
			render
		);
		expect(held.status).toBe(304);
		expect(held.body).toBeNull();
		expect(held.headers.get('etag')).toBe(etag);
		// the stored page keeps the policy whose nonce it carries
		expect(held.headers.get('content-security-policy')).toBeNull();
		expect(rendered.count).toBe(1);
	});

	test('a write renders the page anew, with a new tag', async () => {
		const { render, rendered } = renderer(db, viewer);
		const url = '/objectives/PO1';
		const first = await readerAnswer(db, event(viewer, '/objectives/[code]', url), null, render);
		const etag = first.headers.get('etag')!;
		const added = await importFiles(db, LOCAL_ADMINISTRATOR, [
			csv(
				'indicators.csv',
				'indicator_code,indicator_title,result_code,category,direction,measure,frequency\n' +
					'K3,Patrols,PO1-OC1,capacity,increase,count,month\n'
			)
		]);
		expect(added.ok).toBe(true);
		const after = await readerAnswer(
			db,
			event(viewer, '/objectives/[code]', url, { 'if-none-match': etag }),
			null,
			render
		);
		expect(rendered.count).toBe(2);
		expect(after.status).toBe(200);
		expect(after.headers.get('etag')).not.toBe(etag);
		expect(await text(after)).toContain('<li>K3</li>');
		expect(pageCacheOf(db).size).toBe(1);
	});

	test('a route not listed is rendered every time, and still tagged', async () => {
		const { render, rendered } = renderer(db, viewer);
		const first = await readerAnswer(db, event(viewer, '/import', '/import'), null, render);
		const etag = first.headers.get('etag')!;
		expect(etag).toBeTruthy();
		expect(first.headers.get('cache-control')).toBe('private, no-cache');
		const held = await readerAnswer(
			db,
			event(viewer, '/import', '/import', { 'if-none-match': etag }),
			null,
			render
		);
		expect(rendered.count).toBe(2);
		// the nonce differs between the two renders; the tag does not
		expect(held.status).toBe(304);
	});

	test('other parameters are another page', async () => {
		const { render, rendered } = renderer(db, viewer);
		await readerAnswer(db, event(viewer, '/objectives/[code]', '/objectives/PO1'), null, render);
		await readerAnswer(
			db,
			event(viewer, '/objectives/[code]', '/objectives/PO1?area=N1'),
			null,
			render
		);
		expect(rendered.count).toBe(2);
	});
});

describe('If-None-Match', () => {
	test('weak comparison, lists and *', () => {
		expect(matches('W/"abc"', 'W/"abc"')).toBe(true);
		expect(matches('"abc"', 'W/"abc"')).toBe(true);
		expect(matches('"x", W/"abc"', 'W/"abc"')).toBe(true);
		expect(matches('*', 'W/"abc"')).toBe(true);
		expect(matches('W/"abd"', 'W/"abc"')).toBe(false);
		expect(matches(null, 'W/"abc"')).toBe(false);
	});
});
