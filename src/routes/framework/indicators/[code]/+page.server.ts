import { error, redirect } from '@sveltejs/kit';
import { appDb, importDb } from '$lib/server/db/app-db';
import {
	editIndicator,
	figureCounts,
	indicatorFields,
	missionTargets
} from '$lib/server/framework/indicators';
import { reinstateIndicator, retireIndicator } from '$lib/server/framework/retire';
import { frameworkOutline, loadFramework } from '$lib/server/framework/tree';
import { indicatorFieldsFrom, targetValues, targetsFrom } from '$lib/server/http/framework-forms';
import { refused } from '$lib/server/http/forms';
import { findVisibleIndicator } from '$lib/server/indicators/visible';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const db = appDb();
	const stored = findVisibleIndicator(db, locals.actor, params.code);
	if (!stored) error(404, m.fw_unknown_indicator({ code: params.code }));
	const node = loadFramework(db, locals.actor).get(stored.resultId)!;
	return {
		indicator: {
			code: stored.code,
			title: stored.title,
			retired: stored.retired,
			dpoCode: stored.dpoCode,
			node: { code: node.code, retired: node.retired }
		},
		values: {
			...indicatorFields(node.code, stored),
			...targetValues(missionTargets(db, stored.id))
		},
		figures: figureCounts(db, stored.id),
		nodes: frameworkOutline(db, locals.actor).filter((n) => !n.retired)
	};
};

const back = (param: string, code: string) =>
	`/framework?${param}=${encodeURIComponent(code)}#indicator-${encodeURIComponent(code)}`;

export const actions: Actions = {
	edit: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { indicator_code: _code, ...fields } = indicatorFieldsFrom(form);
		const targets = targetsFrom(form);
		const result = await editIndicator(importDb(), locals.actor, params.code, fields, targets);
		if (!result.ok) return refused('edit', result.errors, { ...fields, ...targetValues(targets) });
		redirect(303, back('saved', params.code));
	},
	retire: async ({ locals, params }) => {
		const result = retireIndicator(appDb(), locals.actor, params.code);
		if (!result.ok) return refused('retire', { form: result.message });
		redirect(303, back('retired', params.code));
	},
	reinstate: async ({ locals, params }) => {
		const result = reinstateIndicator(appDb(), locals.actor, params.code);
		if (!result.ok) return refused('reinstate', { form: result.message });
		redirect(303, back('reinstated', params.code));
	}
};
