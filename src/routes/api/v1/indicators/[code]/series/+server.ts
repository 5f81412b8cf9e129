import { json } from '@sveltejs/kit';
import { appDb } from '$lib/server/db/app-db';
import { jsonProblem } from '$lib/server/http/problems';
import { seriesQueryFrom } from '$lib/server/http/series-query';
import { loadSeries } from '$lib/server/series/load-series';
import type { RequestHandler } from './$types';

/** `GET /api/v1/indicators/{code}/series` — the same payload as `cpas series --json`. */
export const GET: RequestHandler = ({ params, url, locals }) => {
	const result = loadSeries(appDb(), locals.actor, params.code, seriesQueryFrom(url));
	return result.ok ? json(result.series) : jsonProblem(result);
};
