import { redirect } from '@sveltejs/kit';
import { revokeSession } from '$lib/server/auth/sessions';
import { appDb } from '$lib/server/db/app-db';
import { clearSessionCookie } from '$lib/server/http/session-cookie';
import type { RequestHandler } from './$types';

/** Signing out ends this browser's session on the server, not only its cookie. */
export const POST: RequestHandler = ({ locals, cookies, url }) => {
	if (locals.account && locals.sessionId) {
		revokeSession(appDb(), locals.actor, locals.account.id, locals.sessionId, 'session.logout');
	}
	clearSessionCookie(cookies, url);
	redirect(303, '/login');
};
