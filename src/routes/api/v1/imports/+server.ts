import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { urlFlag } from '$lib/server/http/series-query';
import { refuseDeclaredSize, tooLargeFailure } from '$lib/server/imports/upload-limit';
import { importUploadInTurn } from '$lib/server/jobs/imports';
import { JobStopped } from '$lib/server/jobs/job-thread';
import type { RequestHandler } from './$types';

/**
 * `POST /api/v1/imports[?dry_run=1][&source=NAME]`: the body is one CSV file, or with `source`
 * a list of that source (CSV or xlsx, formats.md §5.2). 200 when applied (or clean on
 * a dry run), 422 when refused, with the file's report either way (formats.md §4); 413 past the
 * upload limit, by its Content-Length before anything is read or while it is spooled.
 *
 * The import runs off the request thread, after the server's imports queued before it: the
 * call answers when its turn has come and the file is imported (docs/formats.md, "Imports
 * wait their turn"). An import whose thread died answers 500 with what happened.
 */
export const POST: RequestHandler = async ({ request, url, locals }) => {
	const dryRun = urlFlag.parse(url.searchParams.get('dry_run'));
	// a list of a source (formats.md §5.2): read by the source's rules
	const source = url.searchParams.get('source') ?? undefined;
	if (source !== undefined && source.trim() === '') {
		return json({ error: m.impmsg_api_source_blank() }, { status: 400 });
	}
	const name =
		url.searchParams.get('file_name') || request.headers.get('x-file-name') || 'upload.csv';
	const declared = refuseDeclaredSize(request);
	if (declared) return json({ error: declared.message }, { status: 413 });
	let report;
	try {
		report = await importUploadInTurn(locals.actor, name, request.body, { dryRun, source });
	} catch (e) {
		const tooLarge = tooLargeFailure(e);
		if (tooLarge) return json({ error: tooLarge.message }, { status: 413 });
		if (e instanceof JobStopped) return json({ error: e.message }, { status: 500 });
		throw e;
	}
	const [file] = report.files;
	return json({ ok: report.ok, dryRun: report.dryRun, ...file }, { status: report.ok ? 200 : 422 });
};
