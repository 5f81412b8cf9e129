import { redirect } from '@sveltejs/kit';
import { DEFAULT_RATING_SCALES } from '$lib/domain/rating-scale';
import { appDb } from '$lib/server/db/app-db';
import { formText, refused } from '$lib/server/http/forms';
import { can } from '$lib/server/permissions';
import { createCycle } from '$lib/server/reports/cycles/create';
import { listCycles } from '$lib/server/reports/cycles/list';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	cycles: listCycles(appDb(), locals.actor),
	defaultScale: DEFAULT_RATING_SCALES[locals.locale].join(', '),
	mayCreate: can(locals.actor, 'report')
});

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const values = formText(await request.formData(), ['code', 'rating_scale']);
		const outcome = createCycle(appDb(), locals.actor, {
			code: values.code,
			ratingScale: values.rating_scale
		});
		if (!outcome.ok) return refused('create', outcome.errors, values);
		redirect(303, `/reports/cycles/${encodeURIComponent(outcome.code)}?created=${outcome.frozen}`);
	}
};
