import type { BatchKind } from '../../domain/vocabulary';
import type { ListPreview } from '../../domain/lists/preview';

/** One problem found in a file. `line` is null for problems not on one line (formats.md §1.7). */
export interface ImportIssue {
	line: number | null;
	column: string | null;
	value: string | null;
	message: string;
}

export interface FileReport {
	file: string;
	kind: BatchKind | null;
	rows: number;
	inserted: number;
	updated: number;
	unchanged: number;
	errors: ImportIssue[];
	warnings: ImportIssue[];
	/** Total errors found; `errors` is capped at MAX_REPORTED_ERRORS. */
	errorCount?: number;
	/** Figures this file changes, old → new (first MAX_REPORTED_CHANGES); absent when none. */
	changes?: FigureChange[];
	/** The import batch written for the file, once committed. */
	batchId?: number;
	/**
	 * A list (formats.md §5.2): figures the source's rules wrote before, within what this list
	 * covers, that it no longer produces, removed (step 6).
	 */
	removed?: number;
	/** A list: per rule, the rows that pass its `where` and the figures it produced (zeros too). */
	rules?: RuleReport[];
	/** A list imported with `preview`: what each rule's figures would be, and how they change. */
	preview?: ListPreview;
}

export interface RuleReport {
	indicator: string;
	matched: number;
	figures: number;
}

/** One stored figure a file changes: its line, the figure's period, and the column. */
export interface FigureChange {
	line: number;
	period: string;
	column: string;
	old: string | number | null;
	new: string | number | null;
}

/** A preview shows what a file changes; a thousand changes make the point. */
export const MAX_REPORTED_CHANGES = 1000;

export interface ImportReport {
	ok: boolean;
	dryRun: boolean;
	files: FileReport[];
}

/** A file with thousands of bad lines is still one mistake to fix; keep the report readable. */
export const MAX_REPORTED_ERRORS = 1000;

export function emptyReport(file: string, kind: BatchKind | null = null): FileReport {
	return {
		file,
		kind,
		rows: 0,
		inserted: 0,
		updated: 0,
		unchanged: 0,
		errors: [],
		warnings: []
	};
}

export function issue(
	line: number | null,
	column: string | null,
	value: string | null,
	message: string
): ImportIssue {
	return { line, column, value, message };
}
