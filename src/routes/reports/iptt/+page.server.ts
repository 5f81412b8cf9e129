import { appDb } from '$lib/server/db/app-db';
import { loadAreaTree } from '$lib/server/areas/tree';
import { loadIptt } from '$lib/server/reports/iptt/iptt';
import { ipttQuery } from '$lib/server/http/iptt-query';
import { pageProblem } from '$lib/server/http/problems';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const query = ipttQuery(url);
	const outcome = loadIptt(appDb(), locals.actor, query);
	if (!outcome.ok) pageProblem(outcome);
	return {
		query,
		locale: locals.locale,
		iptt: outcome.iptt,
		areas: loadAreaTree(appDb())
			.all()
			.map((a) => ({ code: a.code, name: a.name }))
	};
};
