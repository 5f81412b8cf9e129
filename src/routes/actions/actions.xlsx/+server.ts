import { error } from '@sveltejs/kit';
import { today } from '$lib/server/clock';
import { appDb } from '$lib/server/db/app-db';
import { actionPointsWorkbook } from '$lib/server/action-points/export';
import { filterFromUrl } from '$lib/server/action-points/filter';
import { listActionPoints } from '$lib/server/action-points/list';
import type { RequestHandler } from './$types';

/** The action points the tracker's filters select, as a workbook of the same columns. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const { filter, problems } = filterFromUrl(url.searchParams);
	if (problems.length > 0) error(400, problems.join(' '));
	const day = today();
	const body = await actionPointsWorkbook(listActionPoints(appDb(), locals.actor, day, filter));
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="action-points-${day}.xlsx"`
		}
	});
};
