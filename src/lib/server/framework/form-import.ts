/**
 * The framework editor writes through the importer: a form becomes rows of the file kind it
 * belongs to (framework, indicators, observations), exactly the contract's columns, and
 * `importFiles` validates and writes them in one transaction — so a form accepts exactly what a
 * file would, and each problem the importer finds, by line and column, is shown on the field
 * it came from.
 */
import type { Actor } from '../actor';
import type { AuditEntry } from '../audit/record';
import type { Db } from '../db';
import { csvChunks, type Cell } from '../exports/csv';
import { importFiles } from '../imports/import-files';
import type { ImportReport } from '../imports/report';
import { authorize } from '../permissions';
import { addFieldError, FORM_ERROR, type FieldErrors, type Outcome } from '../../form-answer';

export { addFieldError, FORM_ERROR, type FieldErrors } from '../../form-answer';

/** What an editing capability answers: done, or what to correct, field by field. */
export type EditResult<T extends object = object> = Outcome<T>;

/** One file a form becomes. */
export interface EditorFile {
	/** the name the import batch records, so the history tells a form's edit from an upload */
	name: string;
	columns: readonly string[];
	rows: Cell[][];
	/**
	 * The form field a problem on this row (0 = the first data row) and column belongs to; null
	 * for a problem that only follows from one reported on another file's field.
	 */
	field: (row: number, column: string) => string | null;
}

/** Imports the files a form became, all or nothing; errors come back by form field. */
export async function importFromForm(
	db: Db,
	actor: Actor,
	files: EditorFile[],
	options: { dryRun?: boolean; audit?: (db: Db) => AuditEntry } = {}
): Promise<{ ok: true; report: ImportReport } | { ok: false; errors: FieldErrors }> {
	authorize(actor, 'framework');
	const encoder = new TextEncoder();
	// The importer asks for the framework right for framework and indicators files, and, with
	// targetsOnly, for the indicator's targets: whoever may edit the framework may save a form.
	const report = await importFiles(
		db,
		actor,
		files.map((f) => ({
			name: f.name,
			bytes: encoder.encode([...csvChunks(f.columns, f.rows)].join(''))
		})),
		{ ...options, targetsOnly: true }
	);
	if (report.ok) return { ok: true, report };
	const errors: FieldErrors = {};
	report.files.forEach((fileReport, i) => {
		for (const e of fileReport.errors) {
			// line 1 is the header we wrote; a problem there, or on no line, is the form's
			const onRow = e.line !== null && e.line > 1 && e.column !== null;
			const field = onRow ? files[i]!.field(e.line! - 2, e.column!) : FORM_ERROR;
			if (field !== null) addFieldError(errors, field, e.message);
		}
	});
	if (Object.keys(errors).length === 0) errors[FORM_ERROR] = 'The change was refused.';
	return { ok: false, errors };
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
