import { redirect } from '@sveltejs/kit';
import { appDb, importDb } from '$lib/server/db/app-db';
import { createIndicator } from '$lib/server/framework/indicators';
import { frameworkOutline } from '$lib/server/framework/tree';
import { indicatorFieldsFrom, targetValues, targetsFrom } from '$lib/server/http/framework-forms';
import { refused } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	return {
		node: url.searchParams.get('node') ?? '',
		nodes: frameworkOutline(appDb(), locals.actor).filter((n) => !n.retired)
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const fields = indicatorFieldsFrom(form);
		const targets = targetsFrom(form);
		const result = await createIndicator(importDb(), locals.actor, fields, targets);
		if (!result.ok)
			return refused('create', result.errors, { ...fields, ...targetValues(targets) });
		const code = encodeURIComponent(fields.indicator_code.trim());
		redirect(303, `/framework?saved=${code}#indicator-${code}`);
	}
};
