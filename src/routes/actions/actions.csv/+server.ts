import { error } from '@sveltejs/kit';
import { today } from '$lib/server/clock';
import { appDb } from '$lib/server/db/app-db';
import { actionPointsCsv } from '$lib/server/action-points/export';
import { filterFromUrl } from '$lib/server/action-points/filter';
import { listActionPoints } from '$lib/server/action-points/list';
import { csvFileName, hxlWanted } from '$lib/server/http/hxl-flag';
import type { RequestHandler } from './$types';

/**
 * The action points the tracker's filters select, in the `actions` import format; `hxl=1` adds
 * the HXL hashtag row.
 */
export const GET: RequestHandler = ({ url, locals }) => {
	const { filter, problems } = filterFromUrl(url.searchParams);
	// an export is kept and passed on: it must be exactly what was asked for, or nothing
	if (problems.length > 0) error(400, problems.join(' '));
	const day = today();
	const points = listActionPoints(appDb(), locals.actor, day, filter);
	const hxl = hxlWanted(url);
	return new Response([...actionPointsCsv(points, { hxl: hxl ? 'actions' : null })].join(''), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${csvFileName(`action-points-${day}`, hxl)}"`
		}
	});
};
