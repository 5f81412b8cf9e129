/**
 * The framework editor writes through the importer (`imports/from-form.ts`): a form becomes
 * rows of the file kind it belongs to (framework, indicators, observations), so it accepts
 * exactly what a file would, with each problem shown on the field it came from.
 */
import type { Actor } from '../actor';
import type { AuditEntry } from '../audit/record';
import type { Db } from '../db';
import { importFormFiles, type FormFile } from '../imports/from-form';
import type { ImportReport } from '../imports/report';
import { authorize } from '../permissions';
import { addFieldError, type FieldErrors, type Outcome } from '../../form-answer';

export { addFieldError, FORM_ERROR, type FieldErrors } from '../../form-answer';

/** One file a form of the editor becomes. */
export type EditorFile = FormFile;

/** What an editing capability answers: done, or what to correct, field by field. */
export type EditResult<T extends object = object> = Outcome<T>;

/** Imports the files a form of the framework editor became, all or nothing. */
export async function importFromForm(
	db: Db,
	actor: Actor,
	files: EditorFile[],
	options: { dryRun?: boolean; audit?: (db: Db) => AuditEntry } = {}
): Promise<Outcome<{ report: ImportReport }>> {
	authorize(actor, 'framework');
	// The importer asks for the framework right for framework and indicators files, and, with
	// targetsOnly, for the indicator's targets: whoever may edit the framework may save a form.
	return importFormFiles(db, actor, files, { ...options, targetsOnly: true });
}

/**
 * Imports the files unless the capability found problems of its own (rules the contract does
 * not have, such as "that code is taken"): then a dry run adds the importer's problems, so the
 * planner sees every problem of the form at once, and nothing is written. `audit` is the
 * edit's audit log entry, recorded with the import (see ImportOptions.audit).
 */
export async function importChecked(
	db: Db,
	actor: Actor,
	files: EditorFile[],
	own: FieldErrors,
	audit: (db: Db) => AuditEntry
): Promise<EditResult> {
	if (Object.keys(own).length === 0) {
		const done = await importFromForm(db, actor, files, { audit });
		return done.ok ? { ok: true } : done;
	}
	const dry = await importFromForm(db, actor, files, { dryRun: true });
	const errors = { ...own };
	if (!dry.ok)
		for (const [field, message] of Object.entries(dry.errors))
			addFieldError(errors, field, message);
	return { ok: false, errors };
}
