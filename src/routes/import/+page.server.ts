import { fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/db/app-db';
import { listBatches } from '$lib/server/imports/history';
import { can } from '$lib/server/permissions';
import { stageFormUpload } from '$lib/server/imports/workspace/upload-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	canImport: can(locals.actor, 'import'),
	recent: listBatches(appDb(), locals.actor, 5)
});

export const actions: Actions = {
	/** Without JavaScript the file comes as a form field; with it, see ./upload. */
	upload: async ({ request, locals }) => {
		const staged = await stageFormUpload(appDb(), locals.actor, request);
		if ('message' in staged) return fail(staged.status, { message: staged.message });
		redirect(303, `/import/${staged.id}`);
	}
};
