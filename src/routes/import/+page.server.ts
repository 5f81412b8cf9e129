import { appDb } from '$lib/server/db/app-db';
import { listBatches } from '$lib/server/imports/history';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	batches: listBatches(appDb(), locals.actor)
});
