import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { LOCAL_ADMINISTRATOR } from '$lib/server/actor';
import { importDb, openAppDb } from '$lib/server/db/app-db';
import { loadDemoIfEmpty } from '$lib/server/demo/load-demo';
import { compressed } from '$lib/server/http/compress';
import { withSecurityHeaders } from '$lib/server/http/security-headers';

export const init: ServerInit = async () => {
	openAppDb();
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
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	// Until accounts exist every request acts as the local administrator.
	event.locals.actor = LOCAL_ADMINISTRATOR;
	return withSecurityHeaders(await compressed(event.request, await resolve(event)));
};

export const handleError: HandleServerError = ({ error, status }) => {
	// Users get a plain message; the details go to the server log, never to the page.
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Not found' : 'Something went wrong on the server.' };
};
