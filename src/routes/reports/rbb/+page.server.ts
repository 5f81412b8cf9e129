import { appDb } from '$lib/server/db/app-db';
import { listRbbBudgetYears } from '$lib/server/reports/rbb/budget-years';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	years: listRbbBudgetYears(appDb(), locals.actor)
});
