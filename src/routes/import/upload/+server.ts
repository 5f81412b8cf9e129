import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { appDb } from '$lib/server/db/app-db';
import { refuseDeclaredSize } from '$lib/server/imports/upload-limit';
import { stageFile } from '$lib/server/imports/workspace/stage-file';
import type { RequestHandler } from './$types';

/**
 * `POST /import/upload`: the page sends the file as the raw body (name in `X-File-Name`), so
 * the browser can show upload progress; the answer says where the mapping step is.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	const name = decodeURIComponent(request.headers.get('x-file-name') ?? '') || 'upload.csv';
	const tooLarge = refuseDeclaredSize(request);
	if (tooLarge) return json({ message: tooLarge.message }, { status: 413 });
	if (!request.body) return json({ message: m.imp_upload_empty() }, { status: 400 });
	const staged = await stageFile(appDb(), locals.actor, name, request.body);
	if ('message' in staged) return json({ message: staged.message }, { status: staged.status });
	return json({ id: staged.id, location: `/import/${staged.id}` });
};
