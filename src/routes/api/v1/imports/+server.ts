import { json } from '@sveltejs/kit';
import { importDb } from '$lib/server/db/app-db';
import { urlFlag } from '$lib/server/http/series-query';
import { importUpload } from '$lib/server/imports/upload';
import { refuseDeclaredSize, tooLargeFailure } from '$lib/server/imports/upload-limit';
import type { RequestHandler } from './$types';

/**
 * `POST /api/v1/imports[?dry_run=1]`: the body is one CSV file. 200 when applied (or clean on
 * a dry run), 422 when refused, with the file's report either way (formats.md §4); 413 past the
 * upload limit, by its Content-Length before anything is read or while it is spooled.
 */
export const POST: RequestHandler = async ({ request, url, locals }) => {
	const dryRun = urlFlag.parse(url.searchParams.get('dry_run'));
	const name =
		url.searchParams.get('file_name') || request.headers.get('x-file-name') || 'upload.csv';
	const declared = refuseDeclaredSize(request);
	if (declared) return json({ error: declared.message }, { status: 413 });
	let report;
	try {
		report = await importUpload(importDb(), locals.actor, name, request.body, { dryRun });
	} catch (e) {
		const tooLarge = tooLargeFailure(e);
		if (tooLarge) return json({ error: tooLarge.message }, { status: 413 });
		throw e;
	}
	const [file] = report.files;
	return json({ ok: report.ok, dryRun: report.dryRun, ...file }, { status: report.ok ? 200 : 422 });
};
