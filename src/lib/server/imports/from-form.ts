/**
 * A form that edits what files hold writes through the importer: it becomes files of the kind
 * it belongs to (one row each, as a rule), exactly the contract's columns, and `importFiles`
 * validates and writes them in one transaction — so a form accepts exactly what a file would,
 * and each problem the importer finds, by line and column, is shown on the field it came from.
 * The framework editor and the areas page both edit this way.
 *
 * `db` must be a connection that imports may hold across awaits (see importFiles).
 */
import { m } from '../../paraglide/messages.js';
import { addFieldError, FORM_ERROR, type FieldErrors, type Outcome } from '../../form-answer';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { csvChunks, type Cell } from '../exports/csv';
import { importFiles, type ImportOptions } from './import-files';
import type { ImportReport } from './report';

/** One file a form becomes. */
export interface FormFile {
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

/** Imports the files a form became, all or nothing; problems come back by form field. */
export async function importFormFiles(
	db: Db,
	actor: Actor,
	files: FormFile[],
	options: ImportOptions = {}
): Promise<Outcome<{ report: ImportReport }>> {
	const encoder = new TextEncoder();
	const report = await importFiles(
		db,
		actor,
		files.map((f) => ({
			name: f.name,
			bytes: encoder.encode([...csvChunks(f.columns, f.rows)].join(''))
		})),
		options
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
	if (Object.keys(errors).length === 0) errors[FORM_ERROR] = m.impmsg_change_refused();
	return { ok: false, errors };
}
