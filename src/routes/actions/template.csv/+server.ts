import { actionTemplateCsv } from '$lib/server/action-points/export';
import type { RequestHandler } from './$types';

/** The minutes template: an `actions` file with its columns and one example row. */
export const GET: RequestHandler = () =>
	new Response(actionTemplateCsv(), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="action-points-template.csv"'
		}
	});
