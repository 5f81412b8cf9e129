import { appDb } from '$lib/server/db/app-db';
import { listIndicators } from '$lib/server/indicators/list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	indicators: listIndicators(appDb(), locals.actor)
});
