import { appDb } from '$lib/server/db/app-db';
import { pageRequestFrom } from '$lib/server/http/page-query';
import { listBatchPage } from '$lib/server/imports/batches';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => ({
	batches: listBatchPage(appDb(), locals.actor, pageRequestFrom(url, 'batches'))
});
