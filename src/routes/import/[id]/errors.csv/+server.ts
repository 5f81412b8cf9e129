import { error } from '@sveltejs/kit';
import Papa from 'papaparse';
import { lastPreview } from '$lib/server/imports/workspace/check';
import { loadStaged } from '$lib/server/imports/workspace/staging';
import type { RequestHandler } from './$types';

/** The errors and warnings of the last preview, as CSV, to fix the file with. */
export const GET: RequestHandler = async ({ params }) => {
	const file = await loadStaged(params.id);
	const preview = file ? await lastPreview(file) : null;
	if (!file || !preview) error(404, 'No preview of this upload: check the file first.');
	const rows = [
		...preview.errors.map((e) => ({ severity: 'error', ...e })),
		...preview.warnings.map((w) => ({ severity: 'warning', ...w }))
	];
	const csv = Papa.unparse({
		fields: ['severity', 'line', 'column', 'value', 'message'],
		data: rows.map((r) => [r.severity, r.line ?? '', r.column ?? '', r.value ?? '', r.message])
	});
	const name = `${file.name.replace(/\.[^.]+$/, '')}-problems.csv`;
	return new Response(`${csv}\r\n`, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name.replace(/"/g, '')}"`
		}
	});
};
