import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { appDb } from '$lib/server/db/app-db';
import { csvChunks } from '$lib/server/exports/csv';
import { lastPreview } from '$lib/server/imports/workspace/check';
import { loadStaged } from '$lib/server/imports/workspace/staging';
import type { RequestHandler } from './$types';

/** The errors and warnings of the last preview, as CSV, to fix the file with. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const file = await loadStaged(appDb(), locals.actor, params.id);
	const preview = file ? await lastPreview(file) : null;
	if (!file || !preview) error(404, m.imp_errors_csv_no_preview());
	const rows = [
		...preview.errors.map((e) => ({ severity: 'error', ...e })),
		...preview.warnings.map((w) => ({ severity: 'warning', ...w }))
	];
	// the values come from the planner's file: written as every export writes cells
	const csv = csvChunks(
		['severity', 'line', 'column', 'value', 'message'],
		rows.map((r) => [r.severity, r.line, r.column, r.value, r.message])
	);
	const name = `${file.name.replace(/\.[^.]+$/, '')}-problems.csv`;
	return new Response([...csv].join(''), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name.replace(/"/g, '')}"`
		}
	});
};
