import { fail, redirect } from '@sveltejs/kit';
import { ROLES } from '$lib/domain/roles';
import { signIn } from '$lib/server/auth/sign-in';
import { appDb } from '$lib/server/db/app-db';
import { demoAccountsActive, demoPassword } from '$lib/server/demo/demo-accounts';
import { safeNext, sessionPolicy } from '$lib/server/http/gate';
import { clientAddress, setSessionCookie } from '$lib/server/http/session-cookie';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.account) redirect(303, next);
	return {
		next,
		/** on the demo mission, the accounts to try (their passwords are in the README too) */
		demoAccounts: demoAccountsActive(appDb())
			? ROLES.map((role) => ({ username: role, password: demoPassword(role) }))
			: []
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const next = safeNext(String(form.get('next') ?? ''));
		if (username === '' || password === '') {
			return fail(400, { username, message: m.shell_login_enter_both() });
		}
		const result = await signIn(
			appDb(),
			{
				username,
				password,
				address: clientAddress(getClientAddress),
				userAgent: request.headers.get('user-agent')
			},
			sessionPolicy()
		);
		if (!result.ok) return fail(result.status, { username, message: result.message });
		setSessionCookie(cookies, url, result.session.token, result.session.expiresAt);
		redirect(303, result.user.mustChangePassword ? '/account?password=reset' : next);
	}
};
