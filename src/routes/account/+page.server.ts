import { redirect } from '@sveltejs/kit';
import { accountOf, changePassword, findUser } from '$lib/server/auth/accounts';
import { listSessions, revokeSession } from '$lib/server/auth/sessions';
import { tokenActions } from '$lib/server/auth/token-forms';
import { listTokens } from '$lib/server/auth/tokens';
import { listAreas } from '$lib/server/areas/list';
import { appDb } from '$lib/server/db/app-db';
import { answered, formText, refused } from '$lib/server/http/forms';
import { sessionPolicy } from '$lib/server/http/gate';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in account; the gate lets only accounts reach this page. */
function me(locals: App.Locals) {
	if (!locals.account) redirect(303, '/login?next=/account');
	return locals.account;
}

export const load: PageServerLoad = ({ locals, url }) => {
	const db = appDb();
	// read afresh: after a form action on this request (a changed password), the account the
	// gate found before it is out of date
	const row = findUser(db, me(locals).username);
	const account = row ? accountOf(row) : me(locals);
	// area names beside a planner's codes; codes no longer in the tree are shown as they are
	const names = new Map(
		account.role === 'planner' && account.scope.areas.length > 0
			? listAreas(db, locals.actor).map((a) => [a.code, a.name])
			: []
	);
	return {
		account,
		/** an administrator reset the password: the gate sends every page here until it changes */
		mustChange: account.mustChangePassword,
		scopeAreas: account.scope.areas.map((code) => ({ code, name: names.get(code) ?? null })),
		sessions: listSessions(db, account.id, locals.sessionId, sessionPolicy()),
		tokens: listTokens(db, locals.actor, account.username),
		origin: url.origin
	};
};

export const actions: Actions = {
	password: async ({ request, locals }) => {
		me(locals);
		const sent = formText(await request.formData(), ['current', 'password', 'confirm']);
		if (sent.password !== sent.confirm) {
			return refused('password', { confirm: 'The two new passwords differ.' });
		}
		const result = await changePassword(
			appDb(),
			locals.actor,
			sent.current,
			sent.password,
			locals.sessionId ?? undefined
		);
		if (!result.ok) return refused('password', result.errors);
		return answered(
			'password',
			'Your password is changed. Your other sessions, if any, have ended.'
		);
	},

	revokeSession: async ({ request, locals }) => {
		const account = me(locals);
		const id = formText(await request.formData(), ['session']).session;
		if (id === locals.sessionId) {
			// ending this session is signing out, which has its own button and clears the cookie
			return refused('revokeSession', { form: 'To end this session, sign out.' });
		}
		if (!revokeSession(appDb(), locals.actor, account.id, id)) {
			return refused('revokeSession', { form: 'That session had already ended.' });
		}
		return answered('revokeSession', 'The session has ended: that browser must sign in again.');
	},

	...tokenActions(({ locals }) => me(locals).username)
};
