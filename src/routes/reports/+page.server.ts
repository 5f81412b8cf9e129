import { appDb } from '$lib/server/db/app-db';
import { loadOverview } from '$lib/server/dashboard/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	objectives: loadOverview(appDb(), locals.actor)
});
