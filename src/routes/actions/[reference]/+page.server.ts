import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { appDb } from '$lib/server/db/app-db';
import { today } from '$lib/server/clock';
import { answered, formText, refused } from '$lib/server/http/forms';
import { actionPointDetail } from '$lib/server/action-points/detail';
import { settableStatuses, updateActionPoint } from '$lib/server/action-points/update';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const point = actionPointDetail(appDb(), locals.actor, params.reference, today());
	if (!point) error(404, m.act_unknown({ reference: params.reference }));
	return {
		point,
		created: url.searchParams.has('created'),
		statuses: settableStatuses(locals.actor)
	};
};

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const values = formText(await request.formData(), ['status', 'note']);
		const outcome = updateActionPoint(appDb(), locals.actor, params.reference, values);
		if (!outcome.ok) {
			return refused('update', outcome.errors, values, outcome.problem === 'not_found' ? 404 : 400);
		}
		return answered('update', m.act_update_recorded());
	}
};
