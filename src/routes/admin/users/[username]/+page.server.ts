import { error, fail } from '@sveltejs/kit';
import type { AccountFormAnswer } from '$lib/components/accounts/forms';
import {
	accountOf,
	findUser,
	resetPassword,
	setDisabled,
	updateAccount
} from '$lib/server/auth/accounts';
import { scopeChoices } from '$lib/server/auth/scope-choices';
import { createToken, listTokens, revokeToken } from '$lib/server/auth/tokens';
import { appDb } from '$lib/server/db/app-db';
import type { Actions, PageServerLoad } from './$types';
import { accountFormFields } from '../account-form';

const refused = (answer: AccountFormAnswer) => fail(400, answer);
const answered = (answer: AccountFormAnswer) => answer;

function accountNamed(username: string) {
	const row = findUser(appDb(), username);
	if (!row) error(404, `There is no account "${username}".`);
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
		if (!result.ok) return refused({ form: 'update', errors: result.errors, values });
		return answered({ form: 'update', done: 'Saved.' });
	},

	disable: ({ params, locals }) => {
		const result = setDisabled(appDb(), locals.actor, params.username, true);
		if (!result.ok) return refused({ form: 'state', errors: result.errors });
		return answered({
			form: 'state',
			done: 'The account is disabled: its sessions have ended and its tokens are revoked.'
		});
	},

	enable: ({ params, locals }) => {
		const result = setDisabled(appDb(), locals.actor, params.username, false);
		if (!result.ok) return refused({ form: 'state', errors: result.errors });
		return answered({
			form: 'state',
			done: 'The account is enabled: it can sign in again. Its old tokens stay revoked.'
		});
	},

	reset: async ({ params, request, locals }) => {
		const form = await request.formData();
		const temporary = String(form.get('password') ?? '');
		const result = await resetPassword(appDb(), locals.actor, params.username, temporary);
		if (!result.ok) return refused({ form: 'reset', errors: result.errors });
		return answered({
			form: 'reset',
			done: 'The temporary password is set and the account’s sessions have ended. Tell the person: at their next sign-in they must choose their own.'
		});
	},

	createToken: async ({ params, request, locals }) => {
		const name = String((await request.formData()).get('name') ?? '');
		const result = createToken(appDb(), locals.actor, params.username, name);
		if (!result.ok)
			return refused({ form: 'createToken', errors: result.errors, values: { name } });
		return answered({
			form: 'createToken',
			token: { name: result.view.name, secret: result.token }
		});
	},

	revokeToken: async ({ params, request, locals }) => {
		const id = Number((await request.formData()).get('token'));
		const done =
			Number.isSafeInteger(id) && revokeToken(appDb(), locals.actor, params.username, id);
		if (!done) {
			return refused({
				form: 'revokeToken',
				errors: { form: 'That token is not this account’s, or it was already revoked.' }
			});
		}
		return answered({ form: 'revokeToken', done: 'The token is revoked: it no longer works.' });
	}
};
