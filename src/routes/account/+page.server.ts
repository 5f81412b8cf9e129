import { redirect } from '@sveltejs/kit';
import { BROWSER_LANGUAGE } from '$lib/components/accounts/language-choice';
import { isLocale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages.js';
import { accountOf, changePassword, findUser } from '$lib/server/auth/accounts';
import { chooseLanguage } from '$lib/server/auth/language';
import { listSessions, revokeSession } from '$lib/server/auth/sessions';
import { tokenActions } from '$lib/server/auth/token-forms';
import { listTokens } from '$lib/server/auth/tokens';
import { listAreas } from '$lib/server/areas/list';
import { appDb } from '$lib/server/db/app-db';
import { answered, formText, refused } from '$lib/server/http/forms';
import { sessionPolicy } from '$lib/server/http/gate';
import { keepLanguageCookie } from '$lib/server/http/language-cookie';
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
		origin: url.origin,
		/** the language form just saved (it answers with a new page, see the action) */
		languageSaved: url.searchParams.get('language') === 'saved'
	};
};

export const actions: Actions = {
	password: async ({ request, locals }) => {
		me(locals);
		const sent = formText(await request.formData(), ['current', 'password', 'confirm']);
		if (sent.password !== sent.confirm) {
			return refused('password', { confirm: m.shell_new_passwords_differ() });
		}
		const result = await changePassword(
			appDb(),
			locals.actor,
			sent.current,
			sent.password,
			locals.sessionId ?? undefined
		);
		if (!result.ok) return refused('password', result.errors);
		return answered('password', m.shell_account_password_changed());
	},

	/**
	 * The language the account reads the product in. Answered by a new page (not in place):
	 * the page must be written again in the chosen language. The cookie follows, so the
	 * sign-in page after signing out speaks it too.
	 */
	language: async ({ request, locals, cookies, url }) => {
		const account = me(locals);
		const sent = formText(await request.formData(), ['locale']).locale;
		const locale = sent === BROWSER_LANGUAGE ? null : sent;
		if (locale !== null && !isLocale(locale)) {
			return refused('language', { locale: m.common_language_unknown() });
		}
		chooseLanguage(appDb(), account.username, locale);
		keepLanguageCookie(cookies, url, locale);
		redirect(303, '/account?language=saved');
	},

	revokeSession: async ({ request, locals }) => {
		const account = me(locals);
		const id = formText(await request.formData(), ['session']).session;
		if (id === locals.sessionId) {
			// ending this session is signing out, which has its own button and clears the cookie
			return refused('revokeSession', { form: m.shell_session_end_this_one() });
		}
		if (!revokeSession(appDb(), locals.actor, account.id, id)) {
			return refused('revokeSession', { form: m.shell_session_already_ended() });
		}
		return answered('revokeSession', m.shell_session_ended());
	},

	...tokenActions(({ locals }) => me(locals).username)
};
