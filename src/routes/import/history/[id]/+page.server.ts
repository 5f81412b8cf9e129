import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { whyNotUndoable } from '$lib/domain/undo';
import { m } from '$lib/paraglide/messages.js';
import { appDb } from '$lib/server/db/app-db';
import { pageRequestFrom } from '$lib/server/http/page-query';
import { PROBLEM_STATUS } from '$lib/server/http/problems';
import {
	countBatchFigures,
	listBatchFigures,
	listReplacedFigures
} from '$lib/server/imports/batch-figures';
import { findBatch } from '$lib/server/imports/batches';
import { listSkippedRows } from '$lib/server/imports/skipped-rows';
import { undoInTurn } from '$lib/server/jobs/imports';
import { setVerification } from '$lib/server/observations/verify';
import { can } from '$lib/server/permissions';
import { smallCellThreshold } from '$lib/server/settings/small-cells';
import type { Actions, PageServerLoad } from './$types';

const batchId = z.coerce.number().int().positive();

function idOf(param: string): number {
	const id = batchId.safeParse(param);
	if (!id.success) error(404, m.imp_no_import({ id: param }));
	return id.data;
}

export const load: PageServerLoad = ({ params, url, locals }) => {
	const db = appDb();
	const id = idOf(params.id);
	const batch = findBatch(db, locals.actor, id);
	if (!batch) error(404, m.imp_no_import_number({ id }));
	const figures = batch.kind === 'observations';
	return {
		batch,
		whyNotUndoable: whyNotUndoable(batch.kind),
		canUndo: can(locals.actor, 'import'),
		canVerify: can(locals.actor, 'verify'),
		figures: figures
			? listBatchFigures(db, locals.actor, id, pageRequestFrom(url, 'figures'))
			: null,
		held: figures ? countBatchFigures(db, locals.actor, id) : null,
		replaced: figures
			? listReplacedFigures(db, locals.actor, id, pageRequestFrom(url, 'replaced'))
			: null,
		skipped: listSkippedRows(db, locals.actor, id, pageRequestFrom(url, 'skipped')),
		/** what a hidden small cell's `< 5` says */
		threshold: smallCellThreshold(db)
	};
};

export const actions: Actions = {
	/** Undo; `confirm=1` goes ahead although later imports changed some of its figures. */
	undo: async ({ params, request, locals }) => {
		const confirm = (await request.formData()).get('confirm') === '1';
		const result = await undoInTurn(locals.actor, idOf(params.id), confirm);
		if (!result.ok) return fail(PROBLEM_STATUS[result.problem], { undo: result });
		return { undo: result };
	},
	/** Marks the chosen figures (`figure`, repeated) verified or unverified (`verification`). */
	verify: async ({ params, request, locals }) => {
		idOf(params.id);
		const form = await request.formData();
		const verification = form.get('verification');
		if (verification !== 'verified' && verification !== 'unverified') {
			return fail(400, {
				verify: { ok: false as const, message: m.imp_verify_choose() }
			});
		}
		const ids = form.getAll('figure').map(Number);
		if (ids.some((n) => !Number.isInteger(n) || n <= 0)) {
			return fail(400, { verify: { ok: false as const, message: m.imp_verify_not_figures() } });
		}
		const result = setVerification(appDb(), locals.actor, ids, verification);
		if (!result.ok) return fail(422, { verify: result });
		return { verify: result };
	}
};
