import { m } from '../../paraglide/messages.js';
import { parsePeriod, type Period } from '../../domain/period';
import { parseNumber } from './numbers';
import type { CsvRecord, TableHeader } from './read-table';
import { MAX_REPORTED_ERRORS, type FileReport, type ImportIssue } from './report';

/** `"12a" is not a number: …`: a value and why parseNumber refused it, as one sentence. */
export function numberRefusal(value: string, reason: string): string {
	return m.impmsg_number_refused({ value, reason });
}

/** Adds an error to a report, keeping at most MAX_REPORTED_ERRORS but counting them all. */
export function addError(report: FileReport, found: ImportIssue): void {
	report.errorCount = (report.errorCount ?? 0) + 1;
	if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(found);
}

/**
 * Reads one record's cells by contract column, reporting each bad cell with its line, column
 * and value. `undefined` means the column is absent from the file (stored values are kept);
 * `null` means a blank cell (which clears a stored value).
 */
export class RowReader {
	constructor(
		public record: CsvRecord,
		private readonly report: FileReport,
		private readonly header: TableHeader
	) {}

	/** Moves to the next record: a million-row file reuses one reader instead of a million. */
	next(record: CsvRecord): this {
		this.record = record;
		return this;
	}

	get line(): number {
		return this.record.line;
	}

	error(column: string | null, value: string | null, message: string): void {
		addError(this.report, { line: this.line, column, value, message });
	}

	has(column: string): boolean {
		return this.header.index.has(column);
	}

	/** Trimmed text; null when blank, undefined when the column is absent. */
	text(column: string): string | null | undefined {
		const i = this.header.index.get(column);
		if (i === undefined) return undefined;
		const raw = this.record.values[i]!;
		return raw === '' ? null : raw;
	}

	required(column: string, what = column): string | null {
		const value = this.text(column);
		if (value == null) this.error(column, value ?? '', m.impmsg_cell_required({ column: what }));
		return value ?? null;
	}

	oneOf<T extends string>(column: string, allowed: readonly T[]): T | null | undefined {
		const value = this.text(column);
		if (value == null) return value;
		const lower = value.toLowerCase();
		const found = allowed.find((a) => a.toLowerCase() === lower);
		if (found === undefined) {
			this.error(column, value, m.impmsg_cell_not_allowed({ value, allowed: allowed.join(', ') }));
			return null;
		}
		return found;
	}

	number(
		column: string,
		rules: { min?: number; max?: number; integer?: boolean; percent?: boolean } = {}
	): number | null | undefined {
		const value = this.text(column);
		if (value == null) return value;
		const parsed = parseNumber(value, this.header.delimiter, rules.percent);
		if (!parsed.ok) {
			this.error(column, value, numberRefusal(value, parsed.message));
			return null;
		}
		const n = parsed.value;
		if (rules.integer && !Number.isInteger(n)) {
			this.error(column, value, m.impmsg_cell_not_whole({ value }));
			return null;
		}
		if (rules.min !== undefined && n < rules.min) {
			this.error(column, value, m.impmsg_cell_below_min({ value, min: String(rules.min) }));
			return null;
		}
		if (rules.max !== undefined && n > rules.max) {
			this.error(column, value, m.impmsg_cell_above_max({ value, max: String(rules.max) }));
			return null;
		}
		return n;
	}

	period(column: string): Period | null | undefined {
		const value = this.text(column);
		if (value == null) return value;
		const parsed = parsePeriod(value);
		if (!parsed.ok) {
			this.error(column, value, parsed.message);
			return null;
		}
		return parsed.period;
	}
}
