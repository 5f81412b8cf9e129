import Papa from 'papaparse';
import type { Delimiter } from './numbers';
import { issue, type ImportIssue } from './report';

/** A data record; cells are keyed by normalised header. `line` counts as a spreadsheet shows. */
export interface CsvRecord {
	line: number;
	cells: Record<string, string>;
}

export interface CsvTable {
	delimiter: Delimiter;
	/** Normalised headers, in file order. */
	headers: string[];
	/** Headers as written, for period columns of wide files (read from the raw text). */
	rawHeaders: string[];
	records: CsvRecord[];
}

export type TableResult = { ok: true; table: CsvTable } | { ok: false; issue: ImportIssue };

/** `Indicator Code`, `indicator-code` and `indicator_code` are the same column. */
export function normaliseHeader(header: string): string {
	return header
		.trim()
		.toLowerCase()
		.replace(/[\s\-_]+/g, '_');
}

/** Counts delimiters outside quotes on the header line; the commonest one wins. */
export function detectDelimiter(text: string): Delimiter {
	const counts = { ',': 0, ';': 0, '\t': 0 };
	let quoted = false;
	let seenContent = false;
	for (const ch of text) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) {
			if (seenContent) break;
		} else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
		if (ch.trim() !== '') seenContent = true;
	}
	const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0];
	return best && best[1] > 0 ? best[0] : ',';
}

function isBlank(cells: string[]): boolean {
	return cells.every((c) => c.trim() === '');
}

export function readTable(text: string): TableResult {
	if (text.trim() === '') {
		return {
			ok: false,
			issue: issue(null, null, null, 'The file is empty: it has no header line.')
		};
	}
	const delimiter = detectDelimiter(text);
	const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
	const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
	if (unclosed) {
		return {
			ok: false,
			issue: issue(
				null,
				null,
				null,
				`A quoted value is never closed (it starts in record ${unclosed.row !== undefined ? unclosed.row + 1 : '?'}): check for a stray " character.`
			)
		};
	}
	const rows = parsed.data;
	const headerIndex = rows.findIndex((r) => !isBlank(r));
	if (headerIndex < 0) {
		return {
			ok: false,
			issue: issue(null, null, null, 'The file is empty: it has no header line.')
		};
	}
	const rawHeaders = (rows[headerIndex] ?? []).map((h) => h.trim());
	const headers = rawHeaders.map(normaliseHeader);
	const seen = new Set<string>();
	for (const h of headers) {
		if (h === '') continue;
		if (seen.has(h)) {
			return {
				ok: false,
				issue: issue(1, h, h, `The column "${h}" appears twice in the header; keep one.`)
			};
		}
		seen.add(h);
	}
	const records: CsvRecord[] = [];
	for (let i = headerIndex + 1; i < rows.length; i++) {
		const row = rows[i] ?? [];
		if (isBlank(row)) continue;
		const cells: Record<string, string> = {};
		headers.forEach((h, c) => {
			if (h !== '') cells[h] = (row[c] ?? '').trim();
		});
		records.push({ line: i - headerIndex + 1, cells });
	}
	return { ok: true, table: { delimiter, headers, rawHeaders, records } };
}
