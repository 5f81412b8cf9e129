import { RECOMMENDATION_STATUSES } from '$lib/domain/recommendations';
import { m } from '$lib/paraglide/messages.js';
import { appDb } from '$lib/server/db/app-db';
import { today } from '$lib/server/clock';
import { answered, formText, refused } from '$lib/server/http/forms';
import { can } from '$lib/server/permissions';
import { setRecommendationStatus } from '$lib/server/reports/cycles/recommend';
import { recommendationOwners, trackedRecommendations } from '$lib/server/reports/cycles/tracker';
import type { Actions, PageServerLoad } from './$types';

const STATUS_FILTERS: readonly string[] = [...RECOMMENDATION_STATUSES, 'overdue'];

export const load: PageServerLoad = ({ locals, url }) => {
	const db = appDb();
	const status = url.searchParams.get('status') || null;
	const owner = url.searchParams.get('owner') || null;
	const owners = recommendationOwners(db, locals.actor);
	const problems: string[] = [];
	if (status && !STATUS_FILTERS.includes(status)) {
		problems.push(m.rep_recs_bad_status({ status, statuses: STATUS_FILTERS.join(', ') }));
	}
	if (owner && !owners.includes(owner)) {
		problems.push(m.rep_recs_bad_owner({ owner }));
	}
	const filter = { status: problems.length ? null : status, owner: problems.length ? null : owner };
	const rows = trackedRecommendations(db, locals.actor, today(), filter);
	return {
		rows,
		owners,
		filter,
		problems,
		overdue: rows.filter((r) => r.overdue).length,
		statuses: RECOMMENDATION_STATUSES,
		today: today(),
		mayUpdate: can(locals.actor, 'assess')
	};
};

export const actions: Actions = {
	status: async ({ request, locals }) => {
		const values = formText(await request.formData(), ['id', 'status']);
		const id = /^\d+$/.test(values.id) ? Number(values.id) : 0;
		const outcome = setRecommendationStatus(appDb(), locals.actor, id, values.status);
		if (!outcome.ok) return refused(`status-${values.id}`, outcome.errors, values);
		// said above the table too: under a status filter the row may leave the list
		return answered(`status-${values.id}`, m.rep_cycle_saved(), { values });
	}
};
