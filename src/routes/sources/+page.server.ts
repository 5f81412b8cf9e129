import { redirect } from '@sveltejs/kit';
import { appDb, importDb } from '$lib/server/db/app-db';
import { answered, formText, refused } from '$lib/server/http/forms';
import { createSource, listSources, setSourceRetired } from '$lib/server/lists/sources';
import { TEMPLATES, applyTemplate, templateRules } from '$lib/server/lists/templates';
import { can } from '$lib/server/permissions';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const db = appDb();
	const all = listSources(db, { retired: true });
	return {
		sources: all.filter((s) => !s.retiredAt),
		retired: all.filter((s) => s.retiredAt),
		templates: TEMPLATES.map((t) => ({ ...t, rules: templateRules(db, t) })),
		canEdit: can(locals.actor, 'import')
	};
};

const to = (name: string, done: string) =>
	`/sources/${encodeURIComponent(name)}?done=${encodeURIComponent(done)}`;

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const values = formText(await request.formData(), ['name', 'description']);
		const result = createSource(appDb(), locals.actor, values);
		if (!result.ok) return refused('create', result.errors, values);
		redirect(303, to(result.name, 'created'));
	},
	// a template's rules go through the importer, whose transaction spans awaits
	template: async ({ request, locals }) => {
		const form = await request.formData();
		const values = formText(form, ['template', 'name']);
		const chosen = form.getAll('indicators').filter((v): v is string => typeof v === 'string');
		const result = await applyTemplate(
			importDb(),
			locals.actor,
			values.template,
			values.name,
			chosen
		);
		if (!result.ok) return refused(`template-${values.template}`, result.errors, values);
		redirect(303, to(result.name, 'template'));
	},
	restore: async ({ request, locals }) => {
		const { name } = formText(await request.formData(), ['name']);
		const result = setSourceRetired(appDb(), locals.actor, name, false);
		if (!result.ok) return refused('restore', result.errors, { name });
		return answered('restore', m.fw_source_restored_named({ name: result.name }));
	}
};
