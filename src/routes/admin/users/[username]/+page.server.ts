import { error } from '@sveltejs/kit';
import {
	accountOf,
	findUser,
	resetPassword,
	setDisabled,
	updateAccount
} from '$lib/server/auth/accounts';
import { scopeChoices } from '$lib/server/auth/scope-choices';
import { tokenActions } from '$lib/server/auth/token-forms';
import { listTokens } from '$lib/server/auth/tokens';
import { appDb } from '$lib/server/db/app-db';
import { answered, formText, refused } from '$lib/server/http/forms';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';
import { accountFormFields } from '../account-form';

function accountNamed(username: string) {
	const row = findUser(appDb(), username);
	if (!row) error(404, m.shell_account_none({ username }));
	return accountOf(row);
}

export const load: PageServerLoad = ({ params, locals, url }) => {
	const account = accountNamed(params.username);
	const db = appDb();
	return {
		account,
		isSelf: account.username === locals.actor.username,
		/** the list's create form sends the administrator here with `?created=1` */
		created: url.searchParams.has('created'),
		tokens: listTokens(db, locals.actor, account.username),
		choices: scopeChoices(db, locals.actor),
		origin: url.origin
	};
};

export const actions: Actions = {
	update: async ({ params, request, locals }) => {
		const fields = accountFormFields(await request.formData());
		const values = { display_name: fields.text('display_name') };
		const result = updateAccount(appDb(), locals.actor, params.username, {
			role: fields.role,
			cleared: fields.cleared,
			displayName: values.display_name,
			scope: fields.scope
		});
		if (!result.ok) return refused('update', result.errors, values);
		return answered('update', m.shell_saved());
	},

	disable: ({ params, locals }) => {
		const result = setDisabled(appDb(), locals.actor, params.username, true);
		if (!result.ok) return refused('state', result.errors);
		return answered('state', m.shell_user_disabled_done());
	},

	enable: ({ params, locals }) => {
		const result = setDisabled(appDb(), locals.actor, params.username, false);
		if (!result.ok) return refused('state', result.errors);
		return answered('state', m.shell_user_enabled_done());
	},

	reset: async ({ params, request, locals }) => {
		const temporary = formText(await request.formData(), ['password']).password;
		const result = await resetPassword(appDb(), locals.actor, params.username, temporary);
		if (!result.ok) return refused('reset', result.errors);
		return answered('reset', m.shell_user_reset_done());
	},

	...tokenActions(({ params }) => params.username ?? '')
};
