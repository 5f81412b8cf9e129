import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { LOCAL_ADMINISTRATOR, NOBODY } from '$lib/server/actor';
import { readerAnswer } from '$lib/server/cache/page-cache';
import { importDb, appDb, openAppDb } from '$lib/server/db/app-db';
import { ensureDemoAccounts } from '$lib/server/demo/demo-accounts';
import { loadDemoIfEmpty } from '$lib/server/demo/load-demo';
import { isBusy, waitForWriteLock } from '$lib/server/db/busy';
import {
	busyMessage,
	busyResponse,
	markBusy,
	mayWriteMain,
	wasBusy,
	WRITE_WAIT_MS
} from '$lib/server/http/busy';
import { compressed } from '$lib/server/http/compress';
import { gate } from '$lib/server/http/gate';
import { publicBuckets } from '$lib/server/http/public-reader';
import { BASE_LOCALE } from '$lib/i18n/locales';
import { chooseLocale } from '$lib/server/i18n/choose-locale';
import { inLocale } from '$lib/server/i18n/request-locale';
import { m } from '$lib/paraglide/messages.js';
import { withSecurityHeaders } from '$lib/server/http/security-headers';
import { startJobThreads } from '$lib/server/jobs/imports';
import { NotAllowed } from '$lib/server/permissions';
import { sweepUploads } from '$lib/server/imports/workspace/staging';

export const init: ServerInit = async () => {
	openAppDb();
	// a CPAS_PUBLIC_RATE that is not a rate stops the server here, not its first public reader
	publicBuckets();
	// uploads a killed server left on disk, and staged uploads abandoned for a day
	const swept = await sweepUploads();
	if (swept.spooled + swept.staged > 0) {
		console.log(
			`Removed ${swept.spooled} interrupted and ${swept.staged} abandoned upload(s) left on disk.`
		);
	}
	if (process.env.CPAS_DEMO !== '0') {
		const started = Date.now();
		const report = await loadDemoIfEmpty(importDb(), LOCAL_ADMINISTRATOR);
		if (report?.ok) {
			const figures = report.files.reduce((n, f) => n + f.inserted, 0);
			console.log(
				`Demo mission loaded through the importer: ${figures} rows in ${Date.now() - started} ms.`
			);
		} else if (report) {
			console.error(
				'The demo mission could not be loaded:',
				JSON.stringify(report.files.map((f) => f.errors.slice(0, 5)))
			);
		}
		// the demo mission comes with one account per role, so its pages can be tried at once
		const created = await ensureDemoAccounts(appDb());
		if (created.length > 0) {
			console.log(
				`Demo accounts created, not for production (README, "Demo accounts"): ${created.join(', ')}.`
			);
		}
	}
	// imports run in job threads (src/lib/server/jobs): started now, not on the first import
	startJobThreads(LOCAL_ADMINISTRATOR).catch((e) =>
		console.error('The import threads could not start:', (e as Error).message)
	);
};

export const handle: Handle = async ({ event, resolve }) => {
	// nobody until the gate says who: a route reached without passing it acts as no one
	event.locals.actor = NOBODY;
	event.locals.account = null;
	event.locals.sessionId = null;
	event.locals.locale = BASE_LOCALE;
	try {
		const db = appDb();
		// a refusal at the gate is written in the language asked for before anyone signed in
		const passed = inLocale(chooseLocale(event, null), () => gate(db, event));
		if (!passed.pass) return withSecurityHeaders(passed.response);
		event.locals.account = passed.account;
		event.locals.sessionId = passed.sessionId;
		// everything below, rendering included, writes in the reader's language
		const locale = chooseLocale(event, passed.account?.locale);
		event.locals.locale = locale;
		return await inLocale(locale, async () => {
			// a change arriving while an import writes waits for it a little, without blocking
			if (mayWriteMain(event)) await waitForWriteLock(db.$client, WRITE_WAIT_MS);
			// kept or rendered, tagged (304 when the reader holds it already), then compressed
			const response = await readerAnswer(db, event, passed.account, () =>
				resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) })
			);
			if (wasBusy(event)) return withSecurityHeaders(busyResponse(event, response));
			return withSecurityHeaders(await compressed(event.request, response));
		});
	} catch (e) {
		if (isBusy(e)) {
			return withSecurityHeaders(inLocale(event.locals.locale, () => busyResponse(event)));
		}
		throw e;
	}
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	// the database was locked by an import past the wait: nothing was written; say so (503)
	if (isBusy(error)) {
		markBusy(event);
		return { message: busyMessage() };
	}
	// a capability refusing the actor (the gate lets the request through, a finer rule does not):
	// its message says what the role may not do, and is no secret
	if (error instanceof NotAllowed) return { message: error.message };
	// Users get a plain message; the details go to the server log, never to the page.
	if (status !== 404) console.error(error);
	return { message: status === 404 ? m.shell_error_not_found() : m.shell_error_server() };
};
