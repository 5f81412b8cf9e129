import { fail, redirect } from '@sveltejs/kit';
import { render } from 'svelte/server';
import { z } from 'zod';
import RbbSheet from '$lib/components/reports/RbbSheet.svelte';
import type { RbbReport } from '$lib/domain/rbb-report';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages.js';
import { appDb } from '$lib/server/db/app-db';
import { isDemoMission } from '$lib/server/demo/load-demo';
import { PROBLEM_STATUS, pageProblem } from '$lib/server/http/problems';
import { inLocale } from '$lib/server/i18n/request-locale';
import { can, NotAllowed } from '$lib/server/permissions';
import { issueRbbReport } from '$lib/server/reports/rbb/issue';
import { setRbbLanguage } from '$lib/server/reports/rbb/language';
import { loadRbbReport } from '$lib/server/reports/rbb/load-report';
import { saveRbbText, type SaveOutcome } from '$lib/server/reports/rbb/save-text';
import { setVarianceThreshold } from '$lib/server/reports/rbb/resources';
import type { Actions, PageServerLoad } from './$types';

/** The language asked for in a form or the address, when it is one the product speaks. */
function askedLocale(value: unknown): Locale | null {
	return isLocale(value) ? value : null;
}

/**
 * The document in the report's language when the page is in another: rendered here, where
 * the language can be chosen, and shown as it is (a browser writes messages in the page's).
 */
function documentHtml(report: RbbReport, demo: boolean, editable: boolean): string {
	return inLocale(
		report.locale,
		() => render(RbbSheet, { props: { report, demo, editable } }).body
	);
}

/**
 * `/reports/rbb/FY2024-25`: the address writes the budget year with a hyphen; `FY2024%2F25`
 * and `2024/25` are read too, and sent on to that address. `?lang=fr` shows a report not yet
 * issued in French (an issued one keeps its language; a draft's writers change its language
 * with the `language` action).
 */
export const load: PageServerLoad = ({ params, locals, request, url }) => {
	const db = appDb();
	const mayReport = can(locals.actor, 'report');
	const asked = askedLocale(url.searchParams.get('lang'));
	let loaded = loadRbbReport(db, locals.actor, params.fy, asked);
	if (!loaded.ok) pageProblem(loaded);
	if (asked && mayReport && loaded.report.status === 'draft') {
		// its writers see a draft in its own language, the one they set
		loaded = loadRbbReport(db, locals.actor, params.fy);
		if (!loaded.ok) pageProblem(loaded);
	}
	const { report } = loaded;
	if (request.method === 'GET' && params.fy !== report.year.slug) {
		redirect(308, `/reports/rbb/${report.year.slug}${url.search}`);
	}
	const writable = report.status !== 'issued' && mayReport;
	const demo = isDemoMission(db);
	return {
		report,
		canEdit: writable,
		canIssue: writable,
		// the threshold is the SPU's setting, for every report not yet issued
		canSetThreshold: writable,
		demo,
		documentHtml: report.locale === locals.locale ? null : documentHtml(report, demo, writable)
	};
};

const textForm = z.object({
	kind: z.enum(['section', 'indicator', 'resource']).catch('section'),
	key: z.string().trim().catch(''),
	text: z.string().catch(''),
	locale: z.string().optional()
});

/** Runs a write, turning a refusal (or a missing right) into the form's answer. */
function attempt(write: () => SaveOutcome, answer: Record<string, unknown>) {
	try {
		const outcome = write();
		if (!outcome.ok)
			return fail(PROBLEM_STATUS[outcome.problem], { ...answer, message: outcome.message });
		return null;
	} catch (e) {
		if (e instanceof NotAllowed) return fail(403, { ...answer, message: e.message });
		throw e;
	}
}

export const actions: Actions = {
	saveText: async ({ request, params, locals }) => {
		const f = textForm.parse(Object.fromEntries(await request.formData()));
		const field = `${f.kind}:${f.key}`;
		const target =
			f.kind === 'indicator'
				? { indicator: f.key }
				: f.kind === 'resource'
					? { resource: Number(f.key) }
					: { section: f.key };
		const locale = askedLocale(f.locale);
		const refused = attempt(
			() => saveRbbText(appDb(), locals.actor, params.fy, target, f.text, locale),
			{ field, text: f.text }
		);
		return refused ?? { saved: field };
	},
	language: async ({ request, params, locals }) => {
		const locale = askedLocale((await request.formData()).get('locale'));
		if (!locale) {
			return fail(400, { field: 'language', message: m.rep_rbb_choose_language() });
		}
		const refused = attempt(() => setRbbLanguage(appDb(), locals.actor, params.fy, locale), {
			field: 'language'
		});
		return refused ?? { field: 'language', done: m.rep_rbb_language_changed() };
	},
	threshold: async ({ request, locals }) => {
		const written = String((await request.formData()).get('threshold') ?? '').trim();
		const percent = written === '' ? Number.NaN : Number(written.replace(',', '.'));
		try {
			const outcome = setVarianceThreshold(appDb(), locals.actor, percent);
			if (!outcome.ok) {
				return fail(400, { field: 'threshold', message: outcome.message, threshold: written });
			}
			return { field: 'threshold', done: m.rbp_threshold_saved({ value: written }) };
		} catch (e) {
			if (e instanceof NotAllowed) return fail(403, { field: 'threshold', message: e.message });
			throw e;
		}
	},
	issue: async ({ request, params, locals }) => {
		const form = await request.formData();
		if (form.get('confirm') !== 'yes') {
			return fail(400, { field: 'issue', message: m.rep_rbb_confirm_needed() });
		}
		const locale = askedLocale(form.get('locale'));
		const refused = attempt(() => issueRbbReport(appDb(), locals.actor, params.fy, locale), {
			field: 'issue'
		});
		return refused ?? { issued: true };
	}
};
