/**
 * The public reader's answers and caches (src/lib/server/cache/page-cache.ts,
 * http/public-reader.ts): shareable for a minute, tagged, kept under a key of their own so the
 * public reader never gets an account's page and never leaves one an account would get.
 * Accounts' answers stay private. The page is rendered from the real objective view.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, PUBLIC_READER, type Actor } from '../../../src/lib/server/actor';
import { readerAnswer } from '../../../src/lib/server/cache/page-cache';
import { loadObjectiveView } from '../../../src/lib/server/dashboard/objective-view';
import type { Db } from '../../../src/lib/server/db';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { csv, freshDb, importBasic } from '../../helpers/db';

const viewer: Actor = { username: 'amina', role: 'viewer', cleared: false };

function event(actor: Actor, routeId: string, path: string, headers: Record<string, string> = {}) {
	return {
		request: new Request(`http://localhost${path}`, {
			headers: { accept: 'text/html', ...headers }
		}),
		route: { id: routeId },
		locals: { actor, locale: 'en' }
	} as unknown as RequestEvent;
}

/** The objective page's indicators as a page, with a fresh nonce each time. */
function renderer(db: Db, actor: Actor) {
	const rendered = { count: 0 };
	const render = () => {
		rendered.count++;
		const view = loadObjectiveView(db, actor, 'PO1');
		if (!view.ok) throw new Error(view.message);
		const codes = Object.values(view.view.panels).flatMap((p) => p.map((v) => v.code));
		const nonce = crypto.randomUUID();
		return new Response(
			`<!doctype html><p>${actor.username}</p><script nonce="${nonce}"></script>${codes.map((c) => `<li>${c}</li>`).join('')}`,
			{
				headers: {
					'content-type': 'text/html',
					'content-security-policy': `script-src 'nonce-${nonce}'`
				}
			}
		);
	};
	return { render, rendered };
}

let db: Db;
beforeEach(async () => {
	db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	// 1.2.1 public; K1 stays internal
	const publish = csv(
		'indicators.csv',
		'indicator_code,indicator_title,result_code,category,direction,measure,frequency,dimensions,sensitivity\n' +
			'1.2.1,Casualties per 100k,PO1-IM1,situation,decrease,per_100k,quarter,sex,public\n'
	);
	expect((await importFiles(db, LOCAL_ADMINISTRATOR, [publish])).ok).toBe(true);
});

const URL_PO1 = '/objectives/PO1';

describe('the public reader’s pages', () => {
	test('shareable for a minute, varying on who and which language, tagged', async () => {
		const { render } = renderer(db, PUBLIC_READER);
		const answer = await readerAnswer(
			db,
			event(PUBLIC_READER, '/objectives/[code]', URL_PO1),
			null,
			render
		);
		expect(answer.headers.get('cache-control')).toBe('public, max-age=60');
		const vary = answer.headers.get('vary')!.toLowerCase();
		for (const name of ['cookie', 'authorization', 'accept-language', 'accept-encoding']) {
			expect(vary).toContain(name);
		}
		expect(answer.headers.get('etag')).toMatch(/^W\//);
		const body = await answer.text();
		expect(body).toContain('<li>1.2.1</li>');
		expect(body).not.toContain('K1');
	});

	test('kept: served again without rendering; with its tag a 304 that keeps the headers', async () => {
		const { render, rendered } = renderer(db, PUBLIC_READER);
		const first = await readerAnswer(
			db,
			event(PUBLIC_READER, '/objectives/[code]', URL_PO1),
			null,
			render
		);
		const etag = first.headers.get('etag')!;
		const held = await readerAnswer(
			db,
			event(PUBLIC_READER, '/objectives/[code]', URL_PO1, { 'if-none-match': etag }),
			null,
			render
		);
		expect(rendered.count).toBe(1);
		expect(held.status).toBe(304);
		expect(held.headers.get('cache-control')).toBe('public, max-age=60');
		expect(held.headers.get('vary')).toMatch(/cookie/i);
	});

	test('never an account’s page, and never leaves one for an account', async () => {
		const forViewer = renderer(db, viewer);
		const theirs = await readerAnswer(
			db,
			event(viewer, '/objectives/[code]', URL_PO1),
			null,
			forViewer.render
		);
		expect(await theirs.text()).toContain('K1');
		const forPublic = renderer(db, PUBLIC_READER);
		const publicPage = await readerAnswer(
			db,
			event(PUBLIC_READER, '/objectives/[code]', URL_PO1),
			null,
			forPublic.render
		);
		expect(forPublic.rendered.count).toBe(1);
		expect(await publicPage.text()).not.toContain('K1');
		// the viewer's tag does not stand for the public page either
		const asked = await readerAnswer(
			db,
			event(PUBLIC_READER, '/objectives/[code]', URL_PO1, {
				'if-none-match': theirs.headers.get('etag')!
			}),
			null,
			forPublic.render
		);
		expect(asked.status).toBe(200);
		// and an account asking next gets its own page, private
		const again = await readerAnswer(
			db,
			event(viewer, '/objectives/[code]', URL_PO1),
			null,
			forViewer.render
		);
		expect(await again.text()).toContain('<p>amina</p>');
		expect(again.headers.get('cache-control')).toBe('private, no-cache');
	});

	test('downloads are shareable too; an answer setting a cookie or an error is not', async () => {
		const csvAnswer = await readerAnswer(
			db,
			event(PUBLIC_READER, '/indicators/[code]/series.csv', '/indicators/1.2.1/series.csv'),
			null,
			() => new Response('period,value\n', { headers: { 'content-type': 'text/csv' } })
		);
		expect(csvAnswer.headers.get('cache-control')).toBe('public, max-age=60');
		expect(await csvAnswer.text()).toBe('period,value\n');

		const cookie = await readerAnswer(db, event(PUBLIC_READER, '/', '/'), null, () => {
			const headers = new Headers({ 'content-type': 'text/html' });
			headers.append('set-cookie', 'cpas_session=; Max-Age=0');
			return new Response('<p>x</p>', { headers });
		});
		expect(cookie.headers.get('cache-control')).toBeNull();

		const missing = await readerAnswer(
			db,
			event(PUBLIC_READER, '/indicators/[code]', '/indicators/K1'),
			null,
			() => new Response('not found', { status: 404, headers: { 'content-type': 'text/html' } })
		);
		expect(missing.status).toBe(404);
		expect(missing.headers.get('cache-control')).toBeNull();
		expect(missing.headers.get('vary')).toMatch(/cookie/i);
	});

	test('an account’s download keeps its headers as they were', async () => {
		const answer = await readerAnswer(
			db,
			event(viewer, '/indicators/[code]/series.csv', '/indicators/1.2.1/series.csv'),
			null,
			() => new Response('period,value\n', { headers: { 'content-type': 'text/csv' } })
		);
		expect(answer.headers.get('cache-control')).toBeNull();
	});
});
