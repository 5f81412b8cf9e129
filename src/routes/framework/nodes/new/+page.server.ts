import { redirect } from '@sveltejs/kit';
import { PARENT_LEVEL, RESULT_LEVELS, type ResultLevel } from '$lib/domain/vocabulary';
import { appDb, importDb } from '$lib/server/db/app-db';
import { createNode } from '$lib/server/framework/nodes';
import { frameworkOutline } from '$lib/server/framework/tree';
import { nodeFieldsFrom } from '$lib/server/http/framework-forms';
import { refused } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const asked = url.searchParams.get('level');
	const level = (RESULT_LEVELS as readonly string[]).includes(asked ?? '')
		? (asked as ResultLevel)
		: null;
	const parentLevel = level ? PARENT_LEVEL[level] : null;
	return {
		level,
		parent: url.searchParams.get('parent') ?? '',
		// an active node can take children; of the level the new node's level needs, when known
		parents: frameworkOutline(appDb(), locals.actor).filter(
			(n) => !n.retired && n.level !== 'output' && (level === null || n.level === parentLevel)
		)
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const fields = nodeFieldsFrom(await request.formData());
		const result = await createNode(importDb(), locals.actor, fields);
		if (!result.ok) return refused('create', result.errors, fields);
		const code = fields.result_code.trim();
		redirect(303, `/framework?saved=${encodeURIComponent(code)}#${encodeURIComponent(code)}`);
	}
};
