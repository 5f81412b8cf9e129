import Papa from 'papaparse';
import { m } from '../../paraglide/messages.js';
import { Readable } from 'node:stream';
import { createDecoder, type Encoding } from './decode';
import type { Delimiter } from './numbers';
import { issue, type ImportIssue } from './report';
import type { FileSource } from './source';
import { restoreFormulaText } from '../../domain/spreadsheet-text';
import { CAPS, capText } from './caps';
import { WholeRecords, tooLongMessage } from './whole-records';

/** A data record: its trimmed cells in header order. `line` counts as a spreadsheet shows. */
export interface CsvRecord {
	line: number;
	values: string[];
}

export interface TableHeader {
	delimiter: Delimiter;
	/** Normalised headers, in file order. */
	headers: string[];
	/** Headers as written, for period columns of wide files (read from the raw text). */
	rawHeaders: string[];
	/** Position of each normalised header. */
	index: Map<string, number>;
	/**
	 * The columns' HXL hashtags (docs/formats.md "HXL"), from a tag row under the header or a
	 * header of hashtags; null for a column without one. Absent when the file has no tags.
	 */
	tags?: (Hashtag | null)[];
}

export interface CsvTable extends TableHeader {
	records: CsvRecord[];
}

import { normaliseHeader } from '../../domain/columns';
import { readTagRow, type Hashtag } from '../../domain/hxl';
import { headersFromTags } from './tag-row';

export { normaliseHeader };

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

/** Whether the text holds a whole header line: a line break, outside quotes, after content. */
function holdsHeaderLine(text: string): boolean {
	let quoted = false;
	let seenContent = false;
	for (const ch of text) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r') && seenContent) return true;
		if (ch.trim() !== '') seenContent = true;
	}
	return false;
}

function isBlank(cells: string[]): boolean {
	return cells.every((c) => c.trim() === '');
}

/** The normalised headers and their positions, refusing a header named twice. */
function headerOf(
	delimiter: Delimiter,
	rawHeaders: string[],
	headers: string[],
	tags?: (Hashtag | null)[]
): TableHeader | ImportIssue {
	const seen = new Set<string>();
	for (let i = 0; i < headers.length; i++) {
		const h = headers[i]!;
		if (h === '') continue;
		if (seen.has(h)) return issue(1, h, h, m.impmsg_header_twice({ column: h }));
		seen.add(h);
	}
	const index = new Map<string, number>();
	headers.forEach((h, i) => h !== '' && index.set(h, i));
	return { delimiter, headers, rawHeaders, index, ...(tags ? { tags } : {}) };
}

/**
 * Turns parsed rows into a header and numbered records: the first non-blank row is the header
 * (line 1), every row after it counts (blank ones too), blank rows are skipped.
 *
 * HXL (docs/formats.md "HXL"): a header of hashtags, or a row of hashtags right under the
 * header (the first non-blank row after it), gives the columns' tags; the tag row is no data
 * row but keeps its line number. So the header is known — `header` set — only once the row
 * after it is seen (or the file ends: `finish`); callers hand the header on before the record
 * the same push returns.
 */
export class RecordAssembler {
	/** The header, once the row under it has said whether it holds tags. */
	header: TableHeader | null = null;
	/** The header row as read, waiting for the row under it. */
	private pending: { rawHeaders: string[]; headers: string[] } | null = null;
	private rowIndex = 0;
	private headerIndex = -1;

	constructor(private readonly delimiter: Delimiter) {}

	/** The line the next row will have, as messages count lines (the header is line 1). */
	nextLine(): number {
		return this.lineOf(this.rowIndex);
	}

	/** The line of the row at this index (0-based, counting every row pushed or to come). */
	lineOf(index: number): number {
		return this.headerIndex >= 0 ? index - this.headerIndex + 1 : 1;
	}

	/** The header of a column (0-based), as written, for a message. */
	columnName(index: number): string | null {
		const raw = this.header?.rawHeaders ?? this.pending?.rawHeaders;
		return raw ? (raw[index] ?? null) : null;
	}

	/** Ends the file: a header without a row under it is the header, without tags. */
	finish(): ImportIssue | null {
		return this.settle(null);
	}

	/** Makes the pending header the header, with these tags (null: none). */
	private settle(tags: (Hashtag | null)[] | null): ImportIssue | null {
		if (!this.pending) return null;
		const { rawHeaders, headers } = this.pending;
		this.pending = null;
		let named = headers;
		let columnTags: (Hashtag | null)[] | undefined;
		if (tags) {
			columnTags = rawHeaders.map((_, i) => tags[i] ?? null);
			named = headersFromTags(headers, rawHeaders, columnTags);
		}
		const header = headerOf(this.delimiter, rawHeaders, named, columnTags);
		if ('message' in header) return header;
		this.header = header;
		return null;
	}

	/** A record, null for the header, a tag row and blank rows, or an issue that refuses the file. */
	push(row: string[]): CsvRecord | ImportIssue | null {
		const line = this.nextLine();
		const index = this.rowIndex++;
		if (row.length > CAPS.columns) {
			return issue(
				line,
				null,
				null,
				(this.headerIndex >= 0 ? m.impmsg_row_too_wide : m.impmsg_header_too_wide)({
					max: capText(CAPS.columns),
					n: capText(row.length)
				})
			);
		}
		// a plain loop, not findIndex: this runs for every record of a million-row file
		const checked = this.header ? Math.min(row.length, this.header.headers.length) : row.length;
		let long = -1;
		for (let i = 0; i < checked; i++) {
			if (row[i]!.length > CAPS.cellChars) {
				long = i;
				break;
			}
		}
		if (long !== -1) {
			const value = row[long]!;
			return issue(
				line,
				this.columnName(long),
				`${value.slice(0, 40)}…`,
				m.impmsg_cell_too_long({ n: capText(value.length), max: capText(CAPS.cellChars) })
			);
		}
		if (isBlank(row)) return null;
		if (this.headerIndex < 0) {
			const wide = row.findIndex((h) => h.trim().length > CAPS.headerChars);
			if (wide !== -1) {
				return issue(
					1,
					null,
					`${row[wide]!.trim().slice(0, 40)}…`,
					m.impmsg_header_cell_too_long({
						column: String(wide + 1),
						max: capText(CAPS.headerChars)
					})
				);
			}
			this.headerIndex = index;
			const rawHeaders = row.map((h) => h.trim());
			this.pending = { rawHeaders, headers: rawHeaders.map(normaliseHeader) };
			// a header of hashtags is the tags themselves: no row under it to wait for
			const asTags = readTagRow(rawHeaders);
			if (asTags.kind === 'bad') return this.badTag(1, rawHeaders, asTags.position);
			return asTags.kind === 'tags' ? this.settle(asTags.tags) : null;
		}
		if (this.pending) {
			const reading = readTagRow(row);
			if (reading.kind === 'bad') return this.badTag(line, row, reading.position);
			const settled = this.settle(reading.kind === 'tags' ? reading.tags : null);
			if (settled) return settled;
			if (reading.kind === 'tags') return null;
		}
		const width = this.header!.headers.length;
		// the parser's own array, cut or filled to the header's width: no copy per record
		const values = row;
		const given = row.length;
		values.length = width;
		// a leading ' before a formula character is a spreadsheet's text mark (as our exports write)
		for (let c = 0; c < width; c++)
			values[c] = c < given ? restoreFormulaText(values[c]!.trim()) : '';
		return { line: index - this.headerIndex + 1, values };
	}

	/** A tag row (or header of tags) with a cell that is no hashtag refuses the file. */
	private badTag(line: number, row: string[], position: number): ImportIssue {
		const value = row[position]!.trim();
		return issue(line, this.columnName(position), value, m.hxl_bad_tag({ value }));
	}
}

function isIssue(x: CsvRecord | ImportIssue): x is ImportIssue {
	return 'message' in x;
}

function unclosedQuote(row: number | undefined): ImportIssue {
	return issue(
		null,
		null,
		null,
		row !== undefined
			? m.impmsg_quote_unclosed_at({ record: String(row + 1) })
			: m.impmsg_quote_unclosed()
	);
}

/** The decoded text of a file, chunk by chunk, without its byte-order mark. */
async function* decodedText(
	source: FileSource,
	encoding: Encoding,
	bomLength: number,
	tap?: (chunk: Uint8Array) => void
): AsyncGenerator<string> {
	const decode = createDecoder(encoding);
	// the mark may span chunks when they are small
	let bom = bomLength;
	for await (let chunk of source.chunks()) {
		tap?.(chunk);
		if (bom > 0) {
			const skipped = Math.min(bom, chunk.length);
			chunk = chunk.subarray(skipped);
			bom -= skipped;
		}
		const text = decode(chunk);
		if (text) yield text;
	}
	const tail = decode(new Uint8Array(), true);
	if (tail) yield tail;
}

export interface StreamHandlers {
	/** Called once with the header; return an issue to refuse the file. */
	header(header: TableHeader): ImportIssue | null;
	record(record: CsvRecord): void;
}

/**
 * Streams a file through papaparse, record by record: nothing but the current record is held.
 * Resolves with an issue that refuses the whole file, or null.
 */
export async function streamRecords(
	source: FileSource,
	encoding: Encoding,
	bomLength: number,
	handlers: StreamHandlers,
	/** sees every raw chunk, e.g. to hash the file while it is parsed */
	tap?: (chunk: Uint8Array) => void
): Promise<ImportIssue | null> {
	const text = decodedText(source, encoding, bomLength, tap);
	// The delimiter is read from the header line, so wait for the whole of it (or the limit a
	// record may not pass): a piece may end inside it.
	let start = '';
	for (let next = await text.next(); !next.done; next = await text.next()) {
		start += next.value;
		if (holdsHeaderLine(start) || start.length > CAPS.recordChars) break;
	}
	if (start.trim() === '') return issue(null, null, null, m.impmsg_file_empty());
	const delimiter = detectDelimiter(start);
	const assembler = new RecordAssembler(delimiter);
	const records = new WholeRecords(delimiter);
	async function* all() {
		for (const whole of records.push(start)) if (whole) yield whole;
		for await (const chunk of text) {
			for (const whole of records.push(chunk)) if (whole) yield whole;
			if (records.tooLong) return;
		}
		// papaparse waits for ever on an empty piece
		const last = records.end();
		if (last) yield last;
	}
	return new Promise((resolve, reject) => {
		let refused: ImportIssue | null = null;
		let failed = false;
		Papa.parse<string[]>(Readable.from(all()) as unknown as File, {
			delimiter,
			// WholeRecords writes every line break outside quotes as \n
			newline: '\n',
			header: false,
			skipEmptyLines: false,
			step(results, parser) {
				if (refused || failed) return;
				try {
					if (results.errors.some((e) => e.code === 'MissingQuotes')) {
						refused = unclosedQuote(undefined);
					} else {
						const hadHeader = assembler.header !== null;
						const out = assembler.push(results.data);
						if (out && isIssue(out)) refused = out;
						else {
							// the header first: it is known with the row under it
							if (!hadHeader && assembler.header) refused = handlers.header(assembler.header);
							if (!refused && out) handlers.record(out);
						}
					}
				} catch (e) {
					failed = true;
					parser.abort();
					reject(e);
					return;
				}
				if (refused) parser.abort();
			},
			complete() {
				if (failed) return;
				if (!refused && !assembler.header) {
					refused = assembler.finish();
					if (!refused && assembler.header) refused = handlers.header(assembler.header);
				}
				if (!refused && records.tooLong) {
					const { cap, field } = records.tooLong;
					refused = issue(
						assembler.nextLine(),
						assembler.columnName(field),
						null,
						tooLongMessage(cap)
					);
				}
				resolve(
					refused ?? (assembler.header ? null : issue(null, null, null, m.impmsg_file_empty()))
				);
			},
			error(e: Error) {
				reject(e);
			}
		});
	});
}
