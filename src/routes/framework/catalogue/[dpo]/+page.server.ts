import { error, redirect } from '@sveltejs/kit';
import { directionOfWording, suggestedMeasure } from '$lib/domain/dpo-catalogue';
import { placeholdersIn } from '$lib/domain/placeholders';
import { appDb, importDb } from '$lib/server/db/app-db';
import { adoptIndicator } from '$lib/server/framework/adopt';
import { findCatalogueEntry } from '$lib/server/framework/catalogue';
import { findStoredIndicator } from '$lib/server/framework/indicators';
import { frameworkOutline } from '$lib/server/framework/tree';
import {
	indicatorFieldsFrom,
	placeholderFillsFrom,
	targetValues,
	targetsFrom
} from '$lib/server/http/framework-forms';
import { refused } from '$lib/server/http/forms';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

function entryOr404(code: string) {
	const entry = findCatalogueEntry(code);
	if (!entry) error(404, m.fw_not_dpo({ code }));
	return entry;
}

export const load: PageServerLoad = ({ locals, params, url }) => {
	const db = appDb();
	const entry = entryOr404(params.dpo);
	return {
		entry,
		placeholders: placeholdersIn(entry.title),
		// the guidance's own words as first choices; the planner decides
		suggested: {
			indicator_code: findStoredIndicator(db, entry.code) ? '' : entry.code,
			result_code: url.searchParams.get('node') ?? '',
			category: entry.categories[0]!,
			direction: directionOfWording(entry.title) ?? '',
			measure: suggestedMeasure(entry.title),
			tier: entry.tier,
			data_source: entry.dataSource,
			component: entry.components.join(';')
		} as Record<string, string>,
		nodes: frameworkOutline(db, locals.actor).filter((n) => !n.retired)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const entry = entryOr404(params.dpo);
		const form = await request.formData();
		const { indicator_title: _title, ...fields } = indicatorFieldsFrom(form);
		const fills = placeholderFillsFrom(form, placeholdersIn(entry.title).length);
		const targets = targetsFrom(form);
		const result = await adoptIndicator(
			importDb(),
			locals.actor,
			entry.code,
			fields,
			fills,
			targets
		);
		if (!result.ok) {
			const sentFills = Object.fromEntries(fills.map((f, n) => [`placeholder_${n}`, f]));
			return refused('adopt', result.errors, { ...fields, ...sentFills, ...targetValues(targets) });
		}
		const code = encodeURIComponent(fields.indicator_code.trim());
		redirect(303, `/framework?saved=${code}#indicator-${code}`);
	}
};
