import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { appDb } from '$lib/server/db/app-db';
import { today } from '$lib/server/clock';
import { answered, formText, refused } from '$lib/server/http/forms';
import { can } from '$lib/server/permissions';
import { compareWithPrevious } from '$lib/server/reports/cycles/compare';
import { findCycle, ratingScaleOf } from '$lib/server/reports/cycles/find';
import { frozenFigures } from '$lib/server/reports/cycles/frozen-figures';
import { issueCycle, refreezeCycle } from '$lib/server/reports/cycles/issue';
import type { CycleOutcome } from '$lib/server/reports/cycles/outcome';
import { rateResult } from '$lib/server/reports/cycles/rate';
import { cycleRatings } from '$lib/server/reports/cycles/ratings';
import { listActionPoints } from '$lib/server/action-points/list';
import { settableStatuses } from '$lib/server/action-points/update';
import { addRecommendation } from '$lib/server/reports/cycles/recommend';
import { actionStatusAnswer } from '$lib/server/action-points/answer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const db = appDb();
	const cycle = findCycle(db, params.code);
	if (!cycle) error(404, m.rep_cycle_unknown({ code: params.code }));
	const ratings = cycleRatings(db, locals.actor, cycle);
	return {
		cycle: {
			code: cycle.code,
			periodStart: cycle.periodStart,
			periodEnd: cycle.periodEnd,
			status: cycle.status,
			scale: ratingScaleOf(cycle),
			createdBy: cycle.createdBy,
			createdAt: cycle.createdAt,
			issuedBy: cycle.issuedBy,
			issuedAt: cycle.issuedAt
		},
		ratings,
		figures: frozenFigures(db, locals.actor, cycle),
		recommendations: listActionPoints(db, locals.actor, today(), { cycle: cycle.code }),
		comparison: compareWithPrevious(db, locals.actor, cycle),
		statuses: settableStatuses(locals.actor),
		may: {
			report: can(locals.actor, 'report'),
			assess: can(locals.actor, 'assess'),
			track: can(locals.actor, 'track')
		}
	};
};

/** An action's answer, `done` in the page's words; a missing cycle is a 404 like the page. */
function answer(
	form: string,
	done: string,
	outcome: CycleOutcome,
	values: Record<string, string> = {}
) {
	if (outcome.ok) return answered(form, done);
	return refused(form, outcome.errors, values, outcome.problem === 'not_found' ? 404 : 400);
}

export const actions: Actions = {
	rate: async ({ request, locals, params }) => {
		const values = formText(await request.formData(), ['result', 'rating', 'narrative']);
		const outcome = rateResult(appDb(), locals.actor, params.code, values);
		// each node has its own form: the answer names which
		return answer(`rate-${values.result}`, m.rep_cycle_saved(), outcome, values);
	},
	recommend: async ({ request, locals, params }) => {
		const values = formText(await request.formData(), [
			'text',
			'owner',
			'deadline',
			'status',
			'result'
		]);
		const outcome = addRecommendation(appDb(), locals.actor, params.code, values);
		return answer('recommend', m.rep_cycle_rec_added(), outcome, outcome.ok ? {} : values);
	},
	status: async ({ request, locals }) => actionStatusAnswer(await request.formData(), locals.actor),
	issue: async ({ request, locals, params }) => {
		const { confirm } = formText(await request.formData(), ['confirm']);
		if (confirm !== 'on') {
			return refused('issue', {
				confirm: m.rep_cycle_confirm_needed({ code: params.code })
			});
		}
		return answer(
			'issue',
			m.rep_cycle_issued_done(),
			issueCycle(appDb(), locals.actor, params.code)
		);
	},
	refreeze: async ({ locals, params }) => {
		return answer(
			'refreeze',
			m.rep_cycle_refrozen(),
			refreezeCycle(appDb(), locals.actor, params.code)
		);
	}
};
