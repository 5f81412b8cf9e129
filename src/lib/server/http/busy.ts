/**
 * A write that found the main database locked by an import (db/busy.ts): the server waits a
 * little for the lock without blocking, and when the import still holds it, answers 503 with
 * a plain message and Retry-After — never a 500, never a stack trace.
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';
import { currentLocale } from '../i18n/request-locale';

/** What a refused write tells the reader, in their language. */
export const busyMessage = (): string => m.shell_busy_message();

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * How long a change waits for an import to commit before it is tried anyway (and, if the
 * import still holds the lock, refused with 503). Half a second: the try that follows waits up
 * to APP_BUSY_TIMEOUT_MS more and the answer must still be made, all within a second. At 0.8 s
 * the 503 came after 1.0–1.1 s on a busy machine (`npm run test:hostile`, writes-during-import).
 */
export const WRITE_WAIT_MS = 500;

/**
 * Routes whose changes write only the sessions database (db/sessions-db.ts), which an import
 * never locks: they need not wait for the main file's lock.
 */
const SESSIONS_ONLY = new Set(['/login', '/logout']);

/** Whether a request may change the main database, and so should wait for an import's lock. */
export function mayWriteMain(event: RequestEvent): boolean {
	return (
		!['GET', 'HEAD', 'OPTIONS'].includes(event.request.method) &&
		!SESSIONS_ONLY.has(event.route.id ?? '')
	);
}

/** Requests whose write failed on the lock: marked by handleError, answered by handle. */
const refused = new WeakSet<App.Locals>();

export function markBusy(event: RequestEvent): void {
	refused.add(event.locals);
}

export function wasBusy(event: RequestEvent): boolean {
	return refused.has(event.locals);
}

/**
 * The 503. A page or a form keeps the error page (or the form's error result) SvelteKit
 * rendered with busyMessage(), only its status changed; the API and endpoints get JSON.
 */
export function busyResponse(event: RequestEvent, rendered?: Response): Response {
	const retry = { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' };
	const html = rendered?.headers.get('content-type')?.startsWith('text/html') ?? false;
	const action = event.request.headers.get('x-sveltekit-action') === 'true';
	if (rendered && (html || action) && !event.url.pathname.startsWith('/api/')) {
		const headers = new Headers(rendered.headers);
		for (const [name, value] of Object.entries(retry)) headers.set(name, value);
		return new Response(rendered.body, { status: 503, headers });
	}
	if (!event.url.pathname.startsWith('/api/') && acceptsHtml(event)) {
		return new Response(
			`<!doctype html><html lang="${currentLocale()}"><meta charset="utf-8"><title>${m.shell_busy_title()}</title><h1>${m.shell_busy_title()}</h1><p>${busyMessage()}</p></html>`,
			{ status: 503, headers: { ...retry, 'content-type': 'text/html; charset=utf-8' } }
		);
	}
	return json({ error: busyMessage() }, { status: 503, headers: retry });
}

function acceptsHtml(event: RequestEvent): boolean {
	return (event.request.headers.get('accept') ?? '').includes('text/html');
}
