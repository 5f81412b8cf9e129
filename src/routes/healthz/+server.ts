import { json } from '@sveltejs/kit';
import { appDb } from '$lib/server/db/app-db';
import { checkHealth } from '$lib/server/health/health';
import type { RequestHandler } from './$types';

/**
 * `GET /healthz`: 200 `{ok: true, database: "ok", migrations: "current"}`, or 503 naming what
 * is wrong. For systemd and Docker health checks (docs/operations.md); open to anyone.
 */
export const GET: RequestHandler = () => {
	let health;
	try {
		health = checkHealth(appDb());
	} catch (error) {
		// the database could not even be opened
		const detail = error instanceof Error ? error.message : String(error);
		health = { ok: false, database: `unreachable: ${detail}`, migrations: 'unknown' };
	}
	return json(health, {
		status: health.ok ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};
