import { m } from '../../../paraglide/messages.js';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import type { CsvTable, TableHeader } from '../read-table';
import type { FileReport } from '../report';
import { addError } from '../row-reader';

/** What a kind's importer works with: the open transaction, the file, its report and batch. */
export interface KindImport {
	db: Db;
	/** who imports: their scope limits what the file may write */
	actor: Actor;
	table: CsvTable;
	report: FileReport;
	batchId: number;
}

/** What the header checks need: the header and the report. */
export interface HeaderContext {
	table: TableHeader;
	report: FileReport;
}

/** Required columns must be in the header; the error is on line 1 and names the column. */
export function requireColumns(ctx: HeaderContext, columns: string[]): boolean {
	let ok = true;
	for (const column of columns) {
		if (!ctx.table.headers.includes(column)) {
			addError(ctx.report, {
				line: 1,
				column,
				value: null,
				message: m.impmsg_required_column_missing({ column })
			});
			ok = false;
		}
	}
	return ok;
}

/** Columns the file has that this kind does not read are ignored, with a warning. */
export function warnUnknownColumns(ctx: HeaderContext, known: ReadonlySet<string>): void {
	const unknown = ctx.table.headers.filter((h) => h !== '' && !known.has(h));
	if (unknown.length > 0) {
		ctx.report.warnings.push({
			line: 1,
			column: unknown.join(', '),
			value: null,
			message: m.impmsg_columns_ignored({
				count: unknown.length,
				columns: unknown.map(quoted).join(', '),
				kind: ctx.report.kind ?? ''
			})
		});
	}
}

/** A value as the messages quote it: "x" in English, « x » in French. */
export function quoted(value: string): string {
	return m.impmsg_quoted({ value });
}

/** Compares a stored value with a new one; numbers from SQLite REAL compare by value. */
export function same(stored: unknown, next: unknown): boolean {
	return (stored ?? null) === (next ?? null);
}

/** Whether a row leaves a stored record as it is: every field it would write is `same`. */
export function unchangedBy<T extends object>(stored: T, next: Partial<T>): boolean {
	return (Object.keys(next) as (keyof T)[]).every((k) => same(stored[k], next[k]));
}

/**
 * Two rows of one file about the same thing with different content: an error on each line,
 * each naming the other (formats.md §1.5). `reported` remembers earlier lines already told.
 */
export function conflictingRows(
	report: FileReport,
	reported: Set<number>,
	what: string,
	here: { line: number; column: string; value: string },
	earlier: { line: number; value: string }
): void {
	const message = (other: number) => m.impmsg_row_conflict({ what, line: String(other) });
	addError(report, { ...here, message: message(earlier.line) });
	if (reported.has(earlier.line)) return;
	reported.add(earlier.line);
	addError(report, {
		line: earlier.line,
		column: here.column,
		value: earlier.value,
		message: message(here.line)
	});
}
