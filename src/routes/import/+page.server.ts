import { fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/db/app-db';
import { listBatches } from '$lib/server/imports/history';
import { can } from '$lib/server/permissions';
import {
	FORM_FRAMING_BYTES,
	refuseDeclaredSize,
	refuseFileSize
} from '$lib/server/imports/upload-limit';
import { stageFile } from '$lib/server/imports/workspace/stage-file';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	canImport: can(locals.actor, 'import'),
	recent: listBatches(appDb(), locals.actor, 5)
});

export const actions: Actions = {
	/** Without JavaScript the file comes as a form field; with it, see ./upload. */
	upload: async ({ request, locals }) => {
		const declared = refuseDeclaredSize(request, FORM_FRAMING_BYTES);
		if (declared) return fail(413, { message: declared.message });
		const form = await request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { message: 'Choose a CSV or Excel (.xlsx) file to upload.' });
		}
		const tooLarge = refuseFileSize(file.size);
		if (tooLarge) return fail(413, { message: tooLarge.message });
		const staged = await stageFile(
			appDb(),
			locals.actor,
			file.name,
			new Uint8Array(await file.arrayBuffer())
		);
		if ('message' in staged) return fail(staged.status, { message: staged.message });
		redirect(303, `/import/${staged.id}`);
	}
};
