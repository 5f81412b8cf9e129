import { listAreas } from '$lib/server/areas/list';
import { loadObjectiveView } from '$lib/server/dashboard/objective-view';
import { appDb } from '$lib/server/db/app-db';
import { pageProblem } from '$lib/server/http/problems';
import { seriesQueryFrom } from '$lib/server/http/series-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const db = appDb();
	const query = seriesQueryFrom(url);
	const dimension = url.searchParams.get('breakdown') || null;
	const result = loadObjectiveView(db, locals.actor, params.code, query, dimension);
	if (!result.ok) pageProblem(result);
	return { ...result.view, query, dimension, areas: listAreas(db, locals.actor) };
};
