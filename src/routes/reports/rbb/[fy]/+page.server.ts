import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { appDb } from '$lib/server/db/app-db';
import { isDemoMission } from '$lib/server/demo/load-demo';
import { PROBLEM_STATUS, pageProblem } from '$lib/server/http/problems';
import { can, NotAllowed } from '$lib/server/permissions';
import { issueRbbReport } from '$lib/server/reports/rbb/issue';
import { loadRbbReport } from '$lib/server/reports/rbb/load-report';
import { saveRbbText, type SaveOutcome } from '$lib/server/reports/rbb/save-text';
import type { Actions, PageServerLoad } from './$types';

/**
 * `/reports/rbb/FY2024-25`: the address writes the budget year with a hyphen; `FY2024%2F25`
 * and `2024/25` are read too, and sent on to that address.
 */
export const load: PageServerLoad = ({ params, locals, request }) => {
	const db = appDb();
	const loaded = loadRbbReport(db, locals.actor, params.fy);
	if (!loaded.ok) pageProblem(loaded);
	const { report } = loaded;
	if (request.method === 'GET' && params.fy !== report.year.slug) {
		redirect(308, `/reports/rbb/${report.year.slug}`);
	}
	const writable = report.status !== 'issued' && can(locals.actor, 'report');
	return { report, canEdit: writable, canIssue: writable, demo: isDemoMission(db) };
};

const textForm = z.object({
	kind: z.enum(['section', 'indicator']).catch('section'),
	key: z.string().trim().catch(''),
	text: z.string().catch('')
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
		const target = f.kind === 'indicator' ? { indicator: f.key } : { section: f.key };
		const refused = attempt(() => saveRbbText(appDb(), locals.actor, params.fy, target, f.text), {
			field,
			text: f.text
		});
		return refused ?? { saved: field };
	},
	issue: async ({ request, params, locals }) => {
		const form = await request.formData();
		if (form.get('confirm') !== 'yes') {
			return fail(400, {
				field: 'issue',
				message: 'Tick the box to confirm: issuing freezes the figures and cannot be undone.'
			});
		}
		const refused = attempt(() => issueRbbReport(appDb(), locals.actor, params.fy), {
			field: 'issue'
		});
		return refused ?? { issued: true };
	}
};
