import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { z } from 'zod';
import { urlFlag } from '$lib/server/http/series-query';
import { PROBLEM_STATUS } from '$lib/server/http/problems';
import { undoInTurn } from '$lib/server/jobs/imports';
import { NotAllowed } from '$lib/server/permissions';
import type { RequestHandler } from './$types';

const batchId = z.coerce.number().int().positive();

/**
 * `POST /api/v1/imports/{id}/undo[?confirm=1]` (beyond the contract; docs/history-and-undo.md):
 * 200 with what was done; 409 when later imports changed some of the batch's figures (they
 * are listed; ask again with confirm=1) or it was undone already; 422 for a kind that cannot
 * be undone; 404 for an unknown import.
 */
export const POST: RequestHandler = async ({ params, url, locals }) => {
	const id = batchId.safeParse(params.id);
	if (!id.success) {
		return json({ error: m.impmsg_api_not_import_id({ id: params.id }) }, { status: 400 });
	}
	const confirm = urlFlag.parse(url.searchParams.get('confirm'));
	try {
		const result = await undoInTurn(locals.actor, id.data, confirm);
		if (result.ok) return json(result);
		return json({ ...result, error: result.message }, { status: PROBLEM_STATUS[result.problem] });
	} catch (e) {
		if (e instanceof NotAllowed) return json({ error: e.message }, { status: 403 });
		throw e;
	}
};
