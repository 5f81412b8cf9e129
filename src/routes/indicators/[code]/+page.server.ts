import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import {
	addCaveat,
	deleteCaveat,
	updateCaveat,
	type CaveatInput
} from '$lib/server/caveats/caveats';
import { loadIndicatorView } from '$lib/server/dashboard/indicator-page';
import { appDb } from '$lib/server/db/app-db';
import { pageProblem } from '$lib/server/http/problems';
import { seriesQueryFrom } from '$lib/server/http/series-query';
import { loadAreaMap } from '$lib/server/maps/area-map';
import { mapChoiceFrom } from '$lib/server/maps/map-choice';
import { can, NotAllowed } from '$lib/server/permissions';
import { m } from '$lib/paraglide/messages.js';
import { openActionPointsFor } from '$lib/server/action-points/linked';
import { today } from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const query = seriesQueryFrom(url);
	const dimension = url.searchParams.get('breakdown') || null;
	const result = loadIndicatorView(appDb(), locals.actor, params.code, query, dimension);
	if (!result.ok) pageProblem(result);
	const map = loadAreaMap(appDb(), locals.actor, params.code, query, mapChoiceFrom(url));
	if (!map.ok) pageProblem(map);
	const season = url.searchParams.get('season') === 'budget' ? 'budget' : 'calendar';
	return {
		...result.view,
		map: map.map,
		canEditCaveats: can(locals.actor, 'caveat'),
		query,
		dimension,
		season,
		actionPoints: openActionPointsFor(appDb(), locals.actor, today(), { indicators: [params.code] })
	};
};

/** The caveat form's fields as sent; `scope` says whether it is for this indicator or all. */
const caveatForm = z.object({
	scope: z.enum(['indicator', 'all']).catch('indicator'),
	area: z.string().trim().catch(''),
	period: z.string().trim().catch(''),
	text: z.string().trim().catch('')
});

function caveatInput(form: FormData, code: string): CaveatInput {
	const f = caveatForm.parse(Object.fromEntries(form));
	// what the fields mean (a real period, a known area) is checked by the caveats capability
	return {
		indicator: f.scope === 'all' ? null : code,
		area: f.area || null,
		period: f.period,
		text: f.text
	};
}

export const actions: Actions = {
	addCaveat: async ({ request, params, locals }) => {
		const form = await request.formData();
		const input = caveatInput(form, params.code);
		const result = addCaveat(appDb(), locals.actor, input);
		if (!result.ok) return fail(400, { form: 'add', errors: result.errors, values: input });
		return { saved: result.id };
	},
	updateCaveat: async ({ request, params, locals }) => {
		const form = await request.formData();
		const id = Number(form.get('id'));
		const input = caveatInput(form, params.code);
		const result = updateCaveat(appDb(), locals.actor, id, input);
		if (!result.ok) return fail(400, { form: `edit-${id}`, errors: result.errors, values: input });
		return { saved: id };
	},
	deleteCaveat: async ({ request, locals }) => {
		const id = Number((await request.formData()).get('id'));
		let deleted: boolean;
		try {
			deleted = deleteCaveat(appDb(), locals.actor, id);
		} catch (e) {
			// outside a planner's scope: said on the caveat, like any other refusal
			if (e instanceof NotAllowed) {
				return fail(403, { form: `edit-${id}`, errors: { id: e.message } });
			}
			throw e;
		}
		if (!deleted) {
			return fail(404, { form: `edit-${id}`, errors: { id: m.dash_caveat_gone() } });
		}
		return { deleted: id };
	}
};
