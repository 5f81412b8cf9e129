import { redirect } from '@sveltejs/kit';
import { createAccount, listAccounts } from '$lib/server/auth/accounts';
import { scopeChoices } from '$lib/server/auth/scope-choices';
import { appDb } from '$lib/server/db/app-db';
import { refused } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';
import { accountFormFields } from './account-form';

export const load: PageServerLoad = ({ locals }) => {
	const db = appDb();
	return {
		accounts: listAccounts(db, locals.actor),
		choices: scopeChoices(db, locals.actor)
	};
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const fields = accountFormFields(form);
		const username = fields.text('username').trim();
		const password = fields.text('password');
		const values = {
			username,
			display_name: fields.text('display_name'),
			role: fields.role,
			cleared: fields.cleared ? 'on' : '',
			components: fields.scope.components.join(';'),
			areas: fields.scope.areas.join(';')
		};
		const result = await createAccount(appDb(), locals.actor, {
			username,
			password,
			role: fields.role,
			cleared: fields.cleared,
			displayName: values.display_name,
			scope: fields.scope,
			temporary: true
		});
		if (!result.ok) {
			return refused('create', result.errors, values);
		}
		redirect(303, `/admin/users/${encodeURIComponent(result.account.username)}?created=1`);
	}
};
