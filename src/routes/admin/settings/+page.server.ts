import { fail } from '@sveltejs/kit';
import { parseSmallCellThreshold } from '$lib/domain/small-cells';
import { DEFAULT_STATUS_MARGIN, parseMargin } from '$lib/domain/status';
import { appDb } from '$lib/server/db/app-db';
import { setSmallCellThreshold, smallCellThreshold } from '$lib/server/settings/small-cells';
import {
	setStatusMargin,
	statusMargin,
	statusMarginFromEnv,
	storedStatusMargin
} from '$lib/server/settings/status-margin';
import { uploadLimitMb } from '$lib/server/settings/upload-limit.js';
import type { Actions, PageServerLoad } from './$types';

/** What the save action answers: the problems by field, or what it did. */
interface SettingsAnswer {
	errors: Record<string, string> | null;
	values: { small_cell_threshold: string; status_margin: string };
	done: string | null;
}

const refused = (errors: Record<string, string>, values: SettingsAnswer['values']) =>
	fail(400, { errors, values, done: null } satisfies SettingsAnswer as SettingsAnswer);

/** A margin as the form shows it: `15` for 0.15 (the field is in per cent). */
const percent = (fraction: number) => String(Number((fraction * 100).toFixed(6)));

export const load: PageServerLoad = () => {
	const db = appDb();
	const envMargin = process.env.CPAS_STATUS_MARGIN?.trim() || null;
	return {
		smallCellThreshold: smallCellThreshold(db),
		marginPercent: percent(storedStatusMargin(db) ?? DEFAULT_STATUS_MARGIN),
		/** what statuses use now: the environment variable, when set, wins over the setting */
		effectivePercent: percent(statusMargin(db)),
		envMargin,
		envMarginUsable: envMargin !== null && statusMarginFromEnv() !== null,
		defaultPercent: percent(DEFAULT_STATUS_MARGIN),
		uploadLimitMb: uploadLimitMb()
	};
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const form = await request.formData();
		const values = {
			small_cell_threshold: String(form.get('small_cell_threshold') ?? '').trim(),
			status_margin: String(form.get('status_margin') ?? '').trim()
		};
		// both are checked before either is written: a refused form saves nothing
		const errors: Record<string, string> = {};
		const threshold = parseSmallCellThreshold(values.small_cell_threshold);
		if (threshold === null) {
			errors.small_cell_threshold = `Enter a whole number of people, 1 or more, not "${values.small_cell_threshold}".`;
		}
		const digits = values.status_margin.replace(/%\s*$/, '').trim();
		const margin = digits === '' ? null : parseMargin(`${digits}%`);
		if (margin === null) {
			errors.status_margin = `Enter a percentage from 0 to 100, such as 15, not "${values.status_margin}".`;
		}
		if (threshold === null || margin === null) return refused(errors, values);

		const db = appDb();
		const changed: string[] = [];
		// only what changed is written, so the audit log holds changes, not every press of Save
		if (threshold !== smallCellThreshold(db)) {
			const result = setSmallCellThreshold(db, locals.actor, threshold);
			if (!result.ok) return refused({ small_cell_threshold: result.message }, values);
			changed.push(`small-cell threshold ${result.before} → ${result.after}`);
		}
		const before = storedStatusMargin(db) ?? DEFAULT_STATUS_MARGIN;
		if (Math.abs(margin - before) > 1e-12) {
			const result = setStatusMargin(db, locals.actor, margin);
			if (!result.ok) return refused({ status_margin: result.message }, values);
			changed.push(`status margin ${percent(result.before)} % → ${percent(result.after)} %`);
		}
		return {
			errors: null,
			values,
			done: changed.length > 0 ? `Saved: ${changed.join('; ')}.` : 'Nothing had changed.'
		} satisfies SettingsAnswer as SettingsAnswer;
	}
};
