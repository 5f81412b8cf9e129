import { error } from '@sveltejs/kit';
import { listAreas } from '$lib/server/areas/list';
import { appDb } from '$lib/server/db/app-db';
import { loadFramework } from '$lib/server/framework/tree';
import { pageProblem, seriesQueryFrom } from '$lib/server/http/series-query';
import { findIndicator } from '$lib/server/indicators/list';
import { loadSeries } from '$lib/server/series/load-series';
import { statusMargin } from '$lib/server/settings/status-margin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const db = appDb();
	const indicator = findIndicator(db, locals.actor, params.code);
	if (!indicator) error(404, `Unknown indicator "${params.code}".`);
	const query = seriesQueryFrom(url);
	const result = loadSeries(db, locals.actor, params.code, query);
	if (!result.ok) pageProblem(result);
	const framework = loadFramework(db, locals.actor);
	const result_ = framework.get(indicator.resultId);
	const objective = framework.objectiveOf(indicator.resultId);
	return {
		indicator,
		result: result_ ? { code: result_.code, title: result_.title, level: result_.level } : null,
		objective: objective ? { code: objective.code, title: objective.title } : null,
		series: result.series,
		margin: statusMargin(db),
		query,
		areas: listAreas(db, locals.actor)
	};
};
