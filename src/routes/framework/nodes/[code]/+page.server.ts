import { error, redirect } from '@sveltejs/kit';
import { PARENT_LEVEL } from '$lib/domain/vocabulary';
import { appDb, importDb } from '$lib/server/db/app-db';
import { editNode, findNode, moveNode, nodeFields } from '$lib/server/framework/nodes';
import { activeBelow, reinstateNode, retireNode } from '$lib/server/framework/retire';
import { frameworkOutline } from '$lib/server/framework/tree';
import { checked, nodeFieldsFrom } from '$lib/server/http/framework-forms';
import { answered, formText, refused } from '$lib/server/http/forms';
import { outputPlanForms, saveOutputPlan } from '$lib/server/framework/output-plans';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const db = appDb();
	const node = findNode(db, params.code);
	if (!node) error(404, m.fw_unknown_node({ code: params.code }));
	const fields = nodeFields(db, node);
	const below = activeBelow(db, locals.actor, node.id);
	return {
		node: { code: node.code, level: node.level, title: node.title, retired: node.retired },
		fields,
		// where it may move: an active node of the level its parent must have, other than its own
		parents: frameworkOutline(db, locals.actor).filter(
			(n) => !n.retired && n.level === PARENT_LEVEL[node.level]
		),
		below: {
			nodes: below.nodes.map((n) => n.code),
			indicators: below.indicators.map((i) => i.code)
		},
		// an output's planned outputs, per budget year (the RBB report shows them)
		plans: node.level === 'output' ? outputPlanForms(db, locals.actor, node.id) : []
	};
};

const PLAN_FIELDS = ['budget_year', 'planned', 'completed', 'remarks', 'remarks_fr'] as const;

const back = (param: string, code: string) =>
	`/framework?${param}=${encodeURIComponent(code)}#${encodeURIComponent(code)}`;

export const actions: Actions = {
	edit: async ({ request, locals, params }) => {
		const {
			result_code: _c,
			result_level: _l,
			parent_result: _p,
			...fields
		} = nodeFieldsFrom(await request.formData());
		const result = await editNode(importDb(), locals.actor, params.code, fields);
		if (!result.ok) return refused('edit', result.errors, fields);
		redirect(303, back('saved', params.code));
	},
	move: async ({ request, locals, params }) => {
		const parent = nodeFieldsFrom(await request.formData()).parent_result;
		const result = await moveNode(importDb(), locals.actor, params.code, parent);
		if (!result.ok) return refused('move', result.errors, { parent_result: parent });
		redirect(303, back('saved', params.code));
	},
	plan: async ({ request, locals, params }) => {
		const fields = formText(await request.formData(), PLAN_FIELDS);
		const form = `plan-${fields.budget_year.replace('/', '-')}`;
		const result = await saveOutputPlan(importDb(), locals.actor, params.code, fields);
		if (!result.ok) return refused(form, result.errors, fields);
		return answered(form, m.rbp_plan_saved({ code: params.code, year: fields.budget_year }));
	},
	retire: async ({ request, locals, params }) => {
		const withEverythingBelow = checked(await request.formData(), 'with_everything_below');
		const result = retireNode(appDb(), locals.actor, params.code, { withEverythingBelow });
		if (!result.ok) return refused('retire', { form: result.message });
		redirect(303, back('retired', params.code));
	},
	reinstate: async ({ locals, params }) => {
		const result = reinstateNode(appDb(), locals.actor, params.code);
		if (!result.ok) return refused('reinstate', { form: result.message });
		redirect(303, back('reinstated', params.code));
	}
};
