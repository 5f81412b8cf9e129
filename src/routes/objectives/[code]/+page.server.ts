import { listAreas } from '$lib/server/areas/list';
import { loadObjectiveView } from '$lib/server/dashboard/objective-view';
import { appDb } from '$lib/server/db/app-db';
import { pageProblem } from '$lib/server/http/problems';
import { seriesQueryFrom } from '$lib/server/http/series-query';
import { mapChoiceFrom } from '$lib/server/maps/map-choice';
import { loadObjectiveMap } from '$lib/server/maps/objective-map';
import { CATEGORIES } from '$lib/domain/vocabulary';
import { branchCodes, openActionPointsFor } from '$lib/server/action-points/linked';
import { today } from '$lib/server/clock';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const db = appDb();
	const query = seriesQueryFrom(url);
	const dimension = url.searchParams.get('breakdown') || null;
	const result = loadObjectiveView(db, locals.actor, params.code, query, dimension);
	if (!result.ok) pageProblem(result);
	const codes = CATEGORIES.flatMap((c) => result.view.panels[c].map((i) => i.code));
	const map = loadObjectiveMap(
		db,
		locals.actor,
		codes,
		query,
		url.searchParams.get('map')?.trim() || null,
		mapChoiceFrom(url)
	);
	const actionPoints = openActionPointsFor(db, locals.actor, today(), {
		results: branchCodes(result.view.chain),
		indicators: codes
	});
	return {
		...result.view,
		query,
		dimension,
		areas: listAreas(db, locals.actor),
		map,
		actionPoints
	};
};
