import { redirect } from '@sveltejs/kit';
import { ACTION_ORIGINS } from '$lib/domain/action-points';
import { appDb } from '$lib/server/db/app-db';
import { today } from '$lib/server/clock';
import { formText, refused } from '$lib/server/http/forms';
import { can } from '$lib/server/permissions';
import { actionStatusAnswer } from '$lib/server/action-points/answer';
import { createActionPoint } from '$lib/server/action-points/create';
import { filterFromUrl, filterQuery } from '$lib/server/action-points/filter';
import {
	actionFilterChoices,
	countActionPoints,
	listActionPoints
} from '$lib/server/action-points/list';
import { codeList } from '$lib/server/action-points/resolve';
import { settableStatuses } from '$lib/server/action-points/update';
import { listCycles } from '$lib/server/reports/cycles/list';
import { allAreas } from '$lib/server/action-points/choices';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const db = appDb();
	const { filter, problems } = filterFromUrl(url.searchParams);
	const rows = listActionPoints(db, locals.actor, today(), filter);
	const mayTrack = can(locals.actor, 'track');
	return {
		rows,
		filter,
		query: filterQuery(filter),
		problems,
		counts: countActionPoints(rows),
		choices: actionFilterChoices(db, locals.actor),
		origins: ACTION_ORIGINS,
		statuses: settableStatuses(locals.actor),
		mayTrack,
		// the create form's choices
		cycles: mayTrack ? listCycles(db, locals.actor).map((c) => c.code) : [],
		areas: mayTrack ? allAreas(db, locals.actor) : []
	};
};

const FIELDS = [
	'origin',
	'cycle',
	'originReference',
	'decision',
	'owner',
	'area',
	'deadline',
	'status',
	'dropReason',
	'results',
	'indicators'
] as const;

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const values = formText(await request.formData(), FIELDS);
		const outcome = createActionPoint(appDb(), locals.actor, {
			...values,
			results: codeList(values.results),
			indicators: codeList(values.indicators)
		});
		if (!outcome.ok) return refused('create', outcome.errors, values);
		redirect(303, `/actions/${outcome.reference}?created=1`);
	},
	status: async ({ request, locals }) => actionStatusAnswer(await request.formData(), locals.actor)
};
