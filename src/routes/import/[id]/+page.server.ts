import { error, fail, redirect } from '@sveltejs/kit';
import { mappingProblems, type Mapping } from '$lib/domain/column-mapping';
import type { Actor } from '$lib/server/actor';
import { appDb, importDb } from '$lib/server/db/app-db';
import { requiredColumnsText } from '$lib/server/imports/detect-kind';
import { lastPreview } from '$lib/server/imports/workspace/check';
import { kindOf, mappingStep, shownMapping } from '$lib/server/imports/workspace/mapping';
import { dropStaged, loadStaged, saveStaged } from '$lib/server/imports/workspace/staging';
import {
	analyseOffThread,
	commitInTurn,
	commitListInTurn,
	previewInTurn,
	previewListInTurn
} from '$lib/server/jobs/imports';
import { listStep } from '$lib/server/lists/staged-list';
import { JobStopped } from '$lib/server/jobs/job-thread';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

async function staged(actor: Actor, id: string) {
	const file = await loadStaged(appDb(), actor, id);
	if (!file) error(404, m.imp_upload_gone());
	return file;
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const file = await staged(locals.actor, params.id);
	if (file.format === 'xlsx' && !file.sheet) return { file, step: 'sheet' as const };
	const analysis = await analyseOffThread(locals.actor, file);
	const list = analysis.problem ? null : listStep(importDb(), locals.actor, file, analysis);
	const preview = await lastPreview(file);
	// a file whose header carries a source's columns is taken as its list unless the planner said
	if (list?.source) {
		return {
			file,
			step: 'list' as const,
			rows: analysis.rows,
			list,
			preview: file.list && preview?.kind === 'list' ? preview : null
		};
	}
	return {
		file,
		step: 'map' as const,
		...shownMapping(analysis, mappingStep(importDb(), locals.actor, file, analysis)),
		sources: list?.recognition.fits.map((f) => f.source) ?? [],
		preview: file.mapping && preview?.kind !== 'list' ? preview : null
	};
};

/** The spellings as the list step's form sends them: `written:<n>` and `area:<n>` per spelling. */
function spellingsFrom(form: FormData): Record<string, string> {
	const spellings: Record<string, string> = {};
	for (const [name, chosen] of form.entries()) {
		const match = /^area:(\d+)$/.exec(name);
		const written = match ? form.get(`written:${match[1]}`) : null;
		if (written === null || String(chosen) === '') continue;
		spellings[String(written)] = String(chosen);
	}
	return spellings;
}

/** The mapping as the form sends it: `column:<n>` per header, `value:<target>:<n>` per value. */
function mappingFrom(form: FormData, headers: string[]): Mapping {
	const columns: Mapping['columns'] = {};
	headers.forEach((h, i) => {
		const target = String(form.get(`column:${i}`) ?? '').trim();
		columns[h] = target === '' ? null : target;
	});
	const values: Mapping['values'] = {};
	for (const [name, chosen] of form.entries()) {
		const match = /^value:(.+):(\d+)$/.exec(name);
		if (!match || String(chosen) === '') continue;
		const written = form.get(`written:${match[1]}:${match[2]}`);
		if (written === null) continue;
		(values[match[1]!] ??= {})[String(written)] = String(chosen);
	}
	return { columns, values };
}

export const actions: Actions = {
	sheet: async ({ params, request, locals }) => {
		const file = await staged(locals.actor, params.id);
		const sheet = String((await request.formData()).get('sheet') ?? '');
		if (!file.sheets.includes(sheet)) return fail(400, { message: m.imp_sheet_choose() });
		await saveStaged({ ...file, sheet, mapping: null });
		redirect(303, `/import/${file.id}`);
	},
	preview: async ({ params, request, locals }) => {
		const file = await staged(locals.actor, params.id);
		const analysis = await analyseOffThread(locals.actor, file);
		const mapping = mappingFrom(await request.formData(), analysis.headers);
		const problems = mappingProblems(mapping.columns);
		if (problems.length > 0) return fail(400, { message: problems.join(' ') });
		const kind = kindOf(mapping);
		if (!kind) {
			return fail(400, {
				message: m.imp_mapping_no_kind({ columns: requiredColumnsText() })
			});
		}
		const source = file.mapping
			? file.source
			: mappingStep(importDb(), locals.actor, file, analysis).source;
		await saveStaged({ ...file, mapping: { ...mapping, kind }, source });
		try {
			await previewInTurn(locals.actor, file, mapping);
		} catch (e) {
			if (e instanceof JobStopped) return fail(500, { message: e.message });
			throw e;
		}
		redirect(303, `/import/${file.id}#preview`);
	},
	commit: async ({ params, request, locals }) => {
		const file = await staged(locals.actor, params.id);
		if (!file.mapping) return fail(400, { message: m.imp_commit_check_first() });
		const form = await request.formData();
		const saveAs = String(form.get('source') ?? '').trim() || null;
		let report;
		try {
			report = await commitInTurn(locals.actor, file, file.mapping, {
				validOnly: form.get('valid_only') === 'on',
				saveAs
			});
		} catch (e) {
			if (e instanceof JobStopped) return fail(500, { message: e.message });
			throw e;
		}
		if (report.batchId === undefined) return fail(422, { commit: report });
		await dropStaged(file.id);
		redirect(303, `/import/history/${report.batchId}`);
	},
	/** The planner says which source the file is a list of, or that it is none (map it). */
	source: async ({ params, request, locals }) => {
		const file = await staged(locals.actor, params.id);
		const name = String((await request.formData()).get('list_source') ?? '').trim();
		await saveStaged({ ...file, list: { source: name === '' ? null : name, spellings: {} } });
		redirect(303, `/import/${file.id}`);
	},
	previewList: async ({ params, request, locals }) => {
		const file = await staged(locals.actor, params.id);
		const form = await request.formData();
		const source = String(form.get('list_source') ?? '').trim();
		if (source === '') return fail(400, { message: m.imp_list_choose_source() });
		const list = { source, spellings: spellingsFrom(form) };
		await saveStaged({ ...file, list });
		try {
			await previewListInTurn(locals.actor, { ...file, list });
		} catch (e) {
			if (e instanceof JobStopped) return fail(500, { message: e.message });
			throw e;
		}
		redirect(303, `/import/${file.id}#preview`);
	},
	commitList: async ({ params, locals }) => {
		const file = await staged(locals.actor, params.id);
		if (!file.list?.source) return fail(400, { message: m.imp_list_check_first() });
		let report;
		try {
			report = await commitListInTurn(locals.actor, file);
		} catch (e) {
			if (e instanceof JobStopped) return fail(500, { message: e.message });
			throw e;
		}
		if (report.batchId === undefined) return fail(422, { commit: report });
		await dropStaged(file.id);
		redirect(303, `/import/history/${report.batchId}`);
	},
	discard: async ({ params, locals }) => {
		if (await loadStaged(appDb(), locals.actor, params.id)) await dropStaged(params.id);
		redirect(303, '/import');
	}
};
