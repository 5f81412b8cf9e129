/**
 * The settings form's save: both values checked before either is written, only what changed
 * written (so the audit log holds changes, not every press of Save), both in one transaction,
 * each change audited with its old and new value by its own setter.
 */
import { parseSmallCellThreshold } from '../../domain/small-cells';
import { DEFAULT_STATUS_MARGIN, parseMargin } from '../../domain/status';
import type { FieldErrors, Outcome } from '../../form-answer';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { authorize } from '../permissions';
import { publicViewOn, setPublicView } from './public-view';
import { setSmallCellThreshold, smallCellThreshold } from './small-cells';
import { marginPercent, setStatusMargin, storedStatusMargin } from './status-margin';
import { m } from '../../paraglide/messages.js';

/** The settings form's fields as typed; the margin in per cent, with or without `%`. */
export interface SettingsForm {
	small_cell_threshold: string;
	status_margin: string;
	/** the public view's checkbox: `on` when ticked, absent (undefined) leaves it as it is */
	public_view?: string;
}

/** Saves what changed; `done` says what, in words. */
export function saveSettings(db: Db, actor: Actor, form: SettingsForm): Outcome<{ done: string }> {
	authorize(actor, 'administer');
	const errors: FieldErrors = {};
	const threshold = parseSmallCellThreshold(form.small_cell_threshold);
	if (threshold === null) {
		errors.small_cell_threshold = m.shell_settings_bad_threshold({
			value: form.small_cell_threshold
		});
	}
	const digits = form.status_margin.replace(/%\s*$/, '').trim();
	const margin = digits === '' ? null : parseMargin(`${digits}%`);
	if (margin === null) {
		errors.status_margin = m.shell_settings_bad_margin({ value: form.status_margin });
	}
	if (threshold === null || margin === null) return { ok: false, errors };

	try {
		return db.transaction((tx) => {
			const changed: string[] = [];
			if (threshold !== smallCellThreshold(tx)) {
				const result = setSmallCellThreshold(tx, actor, threshold);
				if (!result.ok) throw new Refused({ small_cell_threshold: result.message });
				changed.push(
					m.shell_settings_changed_threshold({ before: result.before, after: result.after })
				);
			}
			const before = storedStatusMargin(tx) ?? DEFAULT_STATUS_MARGIN;
			if (Math.abs(margin - before) > 1e-12) {
				const result = setStatusMargin(tx, actor, margin);
				if (!result.ok) throw new Refused({ status_margin: result.message });
				changed.push(
					m.shell_settings_changed_margin({
						before: marginPercent(result.before),
						after: marginPercent(result.after)
					})
				);
			}
			if (form.public_view !== undefined) {
				const open = form.public_view === 'on';
				if (open !== publicViewOn(tx)) {
					setPublicView(tx, actor, open);
					changed.push(open ? m.pub_settings_changed_on() : m.pub_settings_changed_off());
				}
			}
			return {
				ok: true as const,
				done:
					changed.length > 0
						? m.shell_settings_saved({ changes: changed.join('; ') })
						: m.shell_settings_nothing_changed()
			};
		});
	} catch (e) {
		// a setter's own refusal undoes the other's change: a refused form saves nothing
		if (e instanceof Refused) return { ok: false, errors: e.errors };
		throw e;
	}
}

class Refused extends Error {
	constructor(readonly errors: FieldErrors) {
		super('refused');
	}
}
