import { appDb } from '$lib/server/db/app-db';
import { loadFramework } from '$lib/server/framework/tree';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	objectives: loadFramework(appDb(), locals.actor)
		.withoutRetired()
		.objectives()
		.map((o) => ({ code: o.code, title: o.title, description: o.description }))
});
