import { appDb } from '$lib/server/db/app-db';
import { loadFramework } from '$lib/server/framework/tree';
import { listIndicators } from '$lib/server/indicators/list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const db = appDb();
	const framework = loadFramework(db, locals.actor);
	const indicatorsByResult: Record<string, { code: string; title: string; category: string }[]> =
		{};
	for (const i of listIndicators(db, locals.actor)) {
		(indicatorsByResult[i.result_code] ??= []).push({
			code: i.code,
			title: i.title,
			category: i.category
		});
	}
	return {
		objectives: framework.objectives().map((o) => framework.branch(o.id)!),
		indicatorsByResult
	};
};
