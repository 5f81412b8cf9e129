import { fail, redirect } from '@sveltejs/kit';
import { createFirstAdministrator } from '$lib/server/auth/accounts';
import { createSession } from '$lib/server/auth/sessions';
import { appDb } from '$lib/server/db/app-db';
import { sessionPolicy } from '$lib/server/http/gate';
import { clientAddress, setSessionCookie } from '$lib/server/http/session-cookie';
import { m } from '$lib/paraglide/messages.js';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '').trim();
		const displayName = String(form.get('display_name') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const confirm = String(form.get('confirm') ?? '');
		const values = { username, display_name: displayName };
		if (password !== confirm) {
			return fail(400, { values, errors: { confirm: m.shell_passwords_differ() } });
		}
		const db = appDb();
		const result = await createFirstAdministrator(db, { username, password, displayName });
		if (!result.ok) return fail(400, { values, errors: result.errors });
		// the new administrator is signed in at once: they just proved they know the password
		const session = createSession(db, result.account.id, sessionPolicy(), {
			userAgent: request.headers.get('user-agent'),
			address: clientAddress(getClientAddress)
		});
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, '/admin/users');
	}
};
