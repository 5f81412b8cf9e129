import { fail } from '@sveltejs/kit';
import type { FormAnswer } from '$lib/form-answer';
import { z } from 'zod';
import { addArea, editArea, setPopulation, type AreaInput } from '$lib/server/areas/edit';
import { importAreasFile, type AreasFileResult } from '$lib/server/areas/import-file';
import { loadAreaOverview } from '$lib/server/areas/overview';
import { boundariesInTurn } from '$lib/server/jobs/imports';
import type { BoundariesReport } from '$lib/server/maps/import-boundaries';
import { outlinedAreaCodes } from '$lib/server/maps/outlines';
import { appDb, importDb } from '$lib/server/db/app-db';
import { answered, refused } from '$lib/server/http/forms';
import { urlFlag } from '$lib/server/http/series-query';
import {
	FORM_FRAMING_BYTES,
	refuseDeclaredSize,
	refuseFileSize
} from '$lib/server/imports/upload-limit';
import { can } from '$lib/server/permissions';
import { listSites } from '$lib/server/sites/list';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const overview = loadAreaOverview(appDb(), locals.actor);
	const edit = url.searchParams.get('edit');
	return {
		...overview,
		outlined: [...outlinedAreaCodes(appDb())],
		editing: edit ? (overview.areas.find((a) => a.code === edit) ?? null) : null,
		canEdit: can(locals.actor, 'import'),
		sites: listSites(appDb(), locals.actor)
	};
};

const text = z.string().trim().catch('');
/** The area forms' fields as sent; what they mean is checked by the importer. */
const areaForm = z.object({
	code: text,
	name: text,
	parent: text,
	level: text,
	population: text,
	year: text
});

async function areaInput(request: Request): Promise<AreaInput> {
	return areaForm.parse(Object.fromEntries(await request.formData()));
}

/** A form's answer: what was done, or the problems with the values as typed. */
async function answer(
	form: 'edit' | 'population' | 'add',
	values: AreaInput,
	work: Promise<Awaited<ReturnType<typeof editArea>>>
) {
	const result = await work;
	if (!result.ok) return refused(form, result.errors, { ...values });
	return answered(form, result.message, { values: { ...values } });
}

type UploadAnswer = FormAnswer<{ result: AreasFileResult }>;
const noFile = (message: string, status: number) =>
	refused('upload', { file: message }, {}, status);

type BoundariesAnswer = FormAnswer<{ result: BoundariesReport }>;

// Edits go through the importer, whose transaction spans awaits: they use its connection.
export const actions: Actions = {
	editArea: async ({ request, locals }) => {
		const values = await areaInput(request);
		return answer('edit', values, editArea(importDb(), locals.actor, values));
	},
	setPopulation: async ({ request, locals }) => {
		const values = await areaInput(request);
		return answer('population', values, setPopulation(importDb(), locals.actor, values));
	},
	addArea: async ({ request, locals }) => {
		const values = await areaInput(request);
		return answer('add', values, addArea(importDb(), locals.actor, values));
	},
	upload: async ({ request, locals }) => {
		const declared = refuseDeclaredSize(request, FORM_FRAMING_BYTES);
		if (declared) return noFile(declared.message, 413);
		const form = await request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return noFile(m.fw_areas_choose_file(), 400);
		}
		const tooLarge = refuseFileSize(file.size);
		if (tooLarge) return noFile(tooLarge.message, 413);
		const dryRun = urlFlag.parse(form.get('dry_run') as string | null);
		const result = await importAreasFile(
			importDb(),
			locals.actor,
			{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
			{ dryRun }
		);
		const answer: UploadAnswer = { form: 'upload', result };
		return result.ok ? answer : fail(422, answer);
	},
	// outlines for maps: read, simplified and written on the job thread, in turn with imports
	boundaries: async ({ request, locals }) => {
		const declared = refuseDeclaredSize(request, FORM_FRAMING_BYTES);
		if (declared) return refused('boundaries', { file: declared.message }, {}, 413);
		const form = await request.formData();
		const values = { match: text.parse(form.get('match')) };
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return refused('boundaries', { file: m.bnd_choose_file() }, values);
		}
		const tooLarge = refuseFileSize(file.size);
		if (tooLarge) return refused('boundaries', { file: tooLarge.message }, values, 413);
		if (values.match === '') return refused('boundaries', { match: m.bnd_match_blank() }, values);
		const result = await boundariesInTurn(
			locals.actor,
			{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
			{ match: values.match, dryRun: form.get('intent') !== 'import' }
		);
		const answer: BoundariesAnswer = { form: 'boundaries', result, values };
		return result.ok ? answer : fail(422, answer);
	}
};
