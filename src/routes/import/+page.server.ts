import { fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/db/app-db';
import { listBatches } from '$lib/server/imports/history';
import { can } from '$lib/server/permissions';
import { stageFile } from '$lib/server/imports/workspace/stage-file';
import { uploadedFile } from '$lib/server/imports/workspace/upload-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	canImport: can(locals.actor, 'import'),
	recent: listBatches(appDb(), locals.actor, 5)
});

export const actions: Actions = {
	/** Without JavaScript the file comes as a form field; with it, see ./upload. */
	upload: async ({ request, locals }) => {
		const chosen = await uploadedFile(request);
		if ('message' in chosen) return fail(chosen.status, { message: chosen.message });
		// streamed to the staging folder from the parsed form, not copied into one more buffer
		const staged = await stageFile(appDb(), locals.actor, chosen.file.name, chosen.file.stream());
		if ('message' in staged) return fail(staged.status, { message: staged.message });
		redirect(303, `/import/${staged.id}`);
	}
};
