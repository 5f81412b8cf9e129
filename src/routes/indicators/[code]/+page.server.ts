import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { listAreas } from '$lib/server/areas/list';
import {
	addCaveat,
	deleteCaveat,
	listCaveats,
	updateCaveat,
	type CaveatInput
} from '$lib/server/caveats/caveats';
import { loadIndicatorDetail } from '$lib/server/dashboard/indicator-detail';
import { appDb } from '$lib/server/db/app-db';
import { loadFramework } from '$lib/server/framework/tree';
import { pageProblem } from '$lib/server/http/problems';
import { seriesQueryFrom } from '$lib/server/http/series-query';
import { findIndicator } from '$lib/server/indicators/list';
import { listFigureProvenance } from '$lib/server/observations/provenance';
import { rawFiguresFor, suppressesSmallCells } from '$lib/domain/small-cells';
import { can, NotAllowed } from '$lib/server/permissions';
import { loadSeries } from '$lib/server/series/load-series';
import { statusMargin } from '$lib/server/settings/status-margin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const db = appDb();
	const indicator = findIndicator(db, locals.actor, params.code);
	if (!indicator) error(404, `Unknown indicator "${params.code}".`);
	const query = seriesQueryFrom(url);
	const result = loadSeries(db, locals.actor, params.code, query);
	if (!result.ok) pageProblem(result);
	const figures = listFigureProvenance(db, locals.actor, params.code, query);
	if (!figures.ok) pageProblem(figures);
	const dimension = url.searchParams.get('breakdown') || null;
	const detail = loadIndicatorDetail(db, locals.actor, params.code, query, dimension);
	if (!detail.ok) pageProblem(detail);
	const season = url.searchParams.get('season') === 'budget' ? 'budget' : 'calendar';
	const framework = loadFramework(db, locals.actor);
	const node = framework.get(indicator.resultId);
	const objective = framework.objectiveOf(indicator.resultId);
	return {
		indicator,
		result: node ? { code: node.code, title: node.title, level: node.level } : null,
		objective: objective ? { code: objective.code, title: objective.title } : null,
		series: result.series,
		margin: statusMargin(db),
		caveats: listCaveats(db, locals.actor, params.code, result.series.area),
		canEditCaveats: can(locals.actor, 'caveat'),
		/** a cleared reader may download a restricted indicator's breakdown with its small cells */
		canAskRawFigures:
			suppressesSmallCells(indicator.sensitivity) && rawFiguresFor(locals.actor, true),
		detail: detail.detail,
		dimension,
		season,
		figures: figures.figures,
		figuresTotal: figures.total,
		query,
		areas: listAreas(db, locals.actor)
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
			return fail(404, { form: `edit-${id}`, errors: { id: 'This caveat no longer exists.' } });
		}
		return { deleted: id };
	}
};
