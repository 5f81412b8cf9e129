import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { RULE_COLUMNS } from '$lib/domain/columns';
import { formatWhere, parseWhere } from '$lib/domain/lists/rule-text';
import type { RuleCondition } from '$lib/domain/lists/rule';
import { appDb, importDb } from '$lib/server/db/app-db';
import { answered, formText, refused } from '$lib/server/http/forms';
import {
	FORM_FRAMING_BYTES,
	refuseDeclaredSize,
	refuseFileSize
} from '$lib/server/imports/upload-limit';
import { saveRule, type RuleInput } from '$lib/server/lists/rule-edit';
import { readSample, type ListSample } from '$lib/server/lists/sample';
import { loadSourcePage } from '$lib/server/lists/source-view';
import { describeSource, removeRule, setSourceRetired } from '$lib/server/lists/sources';
import { can } from '$lib/server/permissions';
import { numberText } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const page = loadSourcePage(appDb(), locals.actor, params.name);
	if (!page) error(404, m.fw_source_unknown({ name: params.name }));
	const edit = url.searchParams.get('edit');
	return {
		...page,
		editing: edit ? (page.rules.find((r) => r.indicator_code === edit) ?? null) : null,
		done: url.searchParams.get('done'),
		canEdit: can(locals.actor, 'import')
	};
};

const RULE_FIELDS = RULE_COLUMNS.filter((c) => c !== 'source');

/** The sample the editor offers values from, carried by the form (never stored). */
const sampleShape = z.object({
	file: z.string().max(300),
	rows: z.number().int().nonnegative(),
	columns: z
		.array(
			z.object({
				name: z.string().max(300),
				values: z.array(z.string().max(100)).max(100),
				many: z.boolean()
			})
		)
		.max(300)
});

function sampleFrom(text: string): ListSample | null {
	if (!text) return null;
	try {
		const parsed = sampleShape.safeParse(JSON.parse(text));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

/**
 * The `where` the form sends: conditions picked from the sample's values (one group of boxes
 * per column, "is one of" or "is not one of") and any typed in the text field.
 */
function whereFrom(form: FormData, typed: string): string {
	const picked: RuleCondition[] = [];
	for (let i = 0; form.has(`where-col-${i}`); i++) {
		const column = String(form.get(`where-col-${i}`));
		const values = form.getAll(`where-val-${i}`).map(String);
		if (values.length === 0) continue;
		picked.push({ column, negated: form.get(`where-op-${i}`) === '!=', values });
	}
	if (picked.length === 0) return typed;
	const rest = parseWhere(typed);
	// a typed text that does not read is left for the importer to refuse, as typed
	if (!rest.ok) return [formatWhere(picked), typed].join(';');
	return formatWhere([...picked, ...rest.value]);
}

const back = (name: string, done: string) =>
	`/sources/${encodeURIComponent(name)}?done=${encodeURIComponent(done)}`;

export const actions: Actions = {
	describe: async ({ request, locals, params }) => {
		const { description } = formText(await request.formData(), ['description']);
		const result = describeSource(appDb(), locals.actor, params.name, description);
		if (!result.ok) return refused('describe', result.errors, { description });
		return answered('describe', m.fw_description_saved());
	},
	retire: ({ locals, params }) => {
		const result = setSourceRetired(appDb(), locals.actor, params.name, true);
		if (!result.ok) return refused('retire', result.errors);
		redirect(303, back(result.name, 'retired'));
	},
	restore: ({ locals, params }) => {
		const result = setSourceRetired(appDb(), locals.actor, params.name, false);
		if (!result.ok) return refused('retire', result.errors);
		redirect(303, back(result.name, 'restored'));
	},
	removeRule: async ({ request, locals, params }) => {
		const { indicator } = formText(await request.formData(), ['indicator']);
		const result = removeRule(appDb(), locals.actor, params.name, indicator);
		if (!result.ok) return refused('remove', result.errors);
		return answered('remove', m.fw_rule_removed({ code: indicator }));
	},
	sample: async ({ request, locals }) => {
		const declared = refuseDeclaredSize(request, FORM_FRAMING_BYTES);
		if (declared) return refused('sample', { file: declared.message }, {}, 413);
		const form = await request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return refused('sample', { file: m.fw_sample_choose() });
		}
		const tooLarge = refuseFileSize(file.size);
		if (tooLarge) return refused('sample', { file: tooLarge.message }, {}, 413);
		const result = await readSample(
			appDb(),
			locals.actor,
			file.name,
			new Uint8Array(await file.arrayBuffer())
		);
		if (!result.ok) return refused('sample', { file: result.message }, {}, 422);
		const offered = result.sample.columns.filter((c) => c.values.length > 0).length;
		return answered(
			'sample',
			m.fw_sample_read({
				count: result.sample.rows,
				n: numberText(result.sample.rows),
				columns: numberText(result.sample.columns.length),
				file: file.name,
				offered: numberText(offered)
			}),
			{ sample: result.sample }
		);
	},
	// the rule goes through the importer, whose transaction spans awaits
	saveRule: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = formText(form, [...RULE_FIELDS, 'replacing', 'sample']);
		const input = Object.fromEntries(RULE_FIELDS.map((f) => [f, values[f]])) as RuleInput;
		input.where = whereFrom(form, values.where);
		const result = await saveRule(
			importDb(),
			locals.actor,
			params.name,
			input,
			values.replacing || null
		);
		if (!result.ok) {
			const sample = sampleFrom(values.sample);
			return fail(400, {
				form: 'rule',
				errors: result.errors,
				values: { ...values, where: input.where },
				sample
			});
		}
		redirect(303, back(result.source, `rule ${result.indicator}`));
	}
};
