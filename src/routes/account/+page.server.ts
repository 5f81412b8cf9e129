import { fail, redirect } from '@sveltejs/kit';
import type { AccountFormAnswer } from '$lib/components/accounts/forms';
import { accountOf, changePassword, findUser } from '$lib/server/auth/accounts';
import { listSessions, revokeSession } from '$lib/server/auth/sessions';
import { createToken, listTokens, revokeToken } from '$lib/server/auth/tokens';
import { listAreas } from '$lib/server/areas/list';
import { appDb } from '$lib/server/db/app-db';
import { sessionPolicy } from '$lib/server/http/gate';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in account; the gate lets only accounts reach this page. */
function me(locals: App.Locals) {
	if (!locals.account) redirect(303, '/login?next=/account');
	return locals.account;
}

const text = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

const refused = (answer: AccountFormAnswer) => fail(400, answer);
const answered = (answer: AccountFormAnswer) => answer;

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
		const form = await request.formData();
		const next = text(form, 'password');
		if (next !== text(form, 'confirm')) {
			return refused({ form: 'password', errors: { confirm: 'The two new passwords differ.' } });
		}
		const result = await changePassword(
			appDb(),
			locals.actor,
			text(form, 'current'),
			next,
			locals.sessionId ?? undefined
		);
		if (!result.ok) return refused({ form: 'password', errors: result.errors });
		return answered({
			form: 'password',
			done: 'Your password is changed. Your other sessions, if any, have ended.'
		});
	},

	revokeSession: async ({ request, locals }) => {
		const account = me(locals);
		const id = text(await request.formData(), 'session');
		if (id === locals.sessionId) {
			// ending this session is signing out, which has its own button and clears the cookie
			return refused({ form: 'revokeSession', errors: { form: 'To end this session, sign out.' } });
		}
		if (!revokeSession(appDb(), locals.actor, account.id, id)) {
			return refused({
				form: 'revokeSession',
				errors: { form: 'That session had already ended.' }
			});
		}
		return answered({
			form: 'revokeSession',
			done: 'The session has ended: that browser must sign in again.'
		});
	},

	createToken: async ({ request, locals }) => {
		const account = me(locals);
		const name = text(await request.formData(), 'name');
		const result = createToken(appDb(), locals.actor, account.username, name);
		if (!result.ok)
			return refused({ form: 'createToken', errors: result.errors, values: { name } });
		return answered({
			form: 'createToken',
			token: { name: result.view.name, secret: result.token }
		});
	},

	revokeToken: async ({ request, locals }) => {
		const account = me(locals);
		const id = Number(text(await request.formData(), 'token'));
		const done =
			Number.isSafeInteger(id) && revokeToken(appDb(), locals.actor, account.username, id);
		if (!done) {
			return refused({
				form: 'revokeToken',
				errors: { form: 'That token is not one of yours, or it was already revoked.' }
			});
		}
		return answered({ form: 'revokeToken', done: 'The token is revoked: it no longer works.' });
	}
};
