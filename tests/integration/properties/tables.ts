/**
 * Tables for the reader properties: generated as cells, written as CSV text the way different
 * programs write it (delimiter, quoting, line ends, blank lines, encodings), and read back
 * through the importer's own sniffer and record reader in chunks of random sizes.
 */
import fc from 'fast-check';
import { EncodingSniffer } from '../../../src/lib/server/imports/decode';
import type { Delimiter } from '../../../src/lib/server/imports/numbers';
import {
	streamRecords,
	type CsvRecord,
	type TableHeader
} from '../../../src/lib/server/imports/read-table';
import type { ImportIssue } from '../../../src/lib/server/imports/report';
import type { FileSource } from '../../../src/lib/server/imports/source';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];
export type LineEnd = '\n' | '\r\n' | '\r';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A record of a generated table: its cells, or a blank record as some program writes it. */
export type GeneratedRow =
	{ cells: string[] } | { blank: 'empty' | 'spaces' | 'delimiters' | 'quotes' };

export interface GeneratedTable {
	delimiter: Delimiter;
	header: string[];
	rows: GeneratedRow[];
	/** blank lines before the header, which do not count */
	leadingBlanks: number;
}

export interface Writing {
	/** one per record (header first), cycled */
	lineEnds: LineEnd[];
	/** quote a cell that does not need it, cycled */
	quoteAnyway: boolean[];
	/** end the last record with a line break */
	finalLineEnd: boolean;
}

// characters that make CSV hard: delimiters, quotes, line breaks, spaces, non-ASCII
const TRICKY = [',', ';', '\t', '"', '\r', '\n', ' ', '\u00a0', "'", '=', '-', 'é', '€', 'ß', '中'];
export const cellChar = fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom(...'abcxyzAB0123456789._/%') },
	{ weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
	{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }
);
export const cellText = fc.string({ unit: cellChar, maxLength: 12 });

/** Header names: distinct once normalised, never blank. */
const headerName = fc
	.tuple(
		fc.string({ unit: fc.constantFrom(...'abcdefgh'), minLength: 1, maxLength: 6 }),
		fc.string({ unit: fc.constantFrom(...'ijk -_,;\t"é'), maxLength: 4 })
	)
	.map(([a, b]) => (a + b).trim())
	.filter((h) => h !== '');

export const generatedTable: fc.Arbitrary<GeneratedTable> = fc
	.record({
		delimiter: fc.constantFrom(...DELIMITERS),
		header: fc.uniqueArray(headerName, {
			minLength: 1,
			maxLength: 6,
			selector: (h) => h.toLowerCase().replace(/[\s\-_]+/g, '_')
		}),
		leadingBlanks: fc.nat(2),
		shape: fc.array(
			fc.oneof(
				{ weight: 6, arbitrary: fc.array(cellText, { maxLength: 8 }).map((c) => ({ cells: c })) },
				{
					weight: 1,
					arbitrary: fc
						.constantFrom('empty', 'spaces', 'delimiters', 'quotes')
						.map((b) => ({ blank: b as 'empty' }))
				}
			),
			{ maxLength: 12 }
		)
	})
	.map(({ delimiter, header, leadingBlanks, shape }) => ({
		// one column has no delimiter to detect: such a file is read as comma-separated
		delimiter: header.length === 1 ? ',' : delimiter,
		header,
		leadingBlanks,
		rows: shape
	}));

export const writing: fc.Arbitrary<Writing> = fc.record({
	lineEnds: fc.array(fc.constantFrom<LineEnd>('\n', '\r\n'), { minLength: 1, maxLength: 4 }),
	quoteAnyway: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
	finalLineEnd: fc.boolean()
});

/**
 * The same line end for every record: what one program writes, old Macs' `\r` too. (Mixed
 * with `\n`, a `\r` before an empty line would read as one `\r\n`: mixes use `\n` and `\r\n`.)
 */
export const uniformWriting: fc.Arbitrary<Writing> = fc
	.tuple(writing, fc.constantFrom<LineEnd>('\n', '\r\n', '\r'))
	.map(([w, end]) => ({ ...w, lineEnds: [end] }));

function cellCsv(cell: string, d: Delimiter, quote: boolean, header = false): string {
	// a header cell holding another delimiter is quoted too: the delimiter is read from the header
	const needs =
		cell.includes(d) || /["\r\n]/.test(cell) || (header && /[,;\t]/.test(cell)) || cell === '';
	return needs || quote ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A blank record as written: nothing, spaces, delimiters only, or an empty quoted value. */
function blankCsv(kind: 'empty' | 'spaces' | 'delimiters' | 'quotes', d: Delimiter, width: number) {
	if (kind === 'spaces') return '  ';
	if (kind === 'delimiters') return d.repeat(Math.max(1, width - 1));
	if (kind === 'quotes') return '""';
	return '';
}

/** The CSV text of a table. A data cell that is empty is written empty (unquoted) or `""`. */
export function tableText(table: GeneratedTable, w: Writing): string {
	const d = table.delimiter;
	let n = 0;
	const end = () => w.lineEnds[n++ % w.lineEnds.length]!;
	const quote = (i: number) => w.quoteAnyway[i % w.quoteAnyway.length]!;
	const lines: string[] = [];
	for (let i = 0; i < table.leadingBlanks; i++) lines.push('');
	lines.push(table.header.map((h, i) => cellCsv(h, d, quote(i), true)).join(d));
	for (const row of table.rows) {
		if ('blank' in row) lines.push(blankCsv(row.blank, d, table.header.length));
		else
			lines.push(
				row.cells.map((c, i) => (c === '' && !quote(i) ? '' : cellCsv(c, d, quote(i)))).join(d)
			);
	}
	let text = '';
	lines.forEach((line, i) => {
		text += line;
		if (i < lines.length - 1 || w.finalLineEnd) text += end();
	});
	return text;
}

/** The records a reader must find in a generated table: line numbers as a spreadsheet shows. */
export function expectedRecords(
	table: GeneratedTable,
	restore: (cell: string) => string
): CsvRecord[] {
	const width = table.header.length;
	const out: CsvRecord[] = [];
	table.rows.forEach((row, i) => {
		if ('blank' in row) return;
		const values = Array.from({ length: width }, (_, c) => restore((row.cells[c] ?? '').trim()));
		if (row.cells.every((c) => c.trim() === '')) return;
		out.push({ line: i + 2, values });
	});
	return out;
}

const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Windows-1252 bytes of a text, or null when it has a character that encoding lacks. */
export function windows1252(text: string): Uint8Array | null {
	const out = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out[i] = code;
		else {
			const high = CP1252_HIGH.indexOf(text[i]!);
			if (high === -1 || [0x01, 0x0d, 0x0f, 0x10, 0x1d].includes(high)) return null;
			out[i] = 0x80 + high;
		}
	}
	return out;
}

/** The bytes of a text in an encoding (UTF-8 when Windows-1252 cannot hold it). */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
	switch (encoding) {
		case 'utf-8':
			return new TextEncoder().encode(text);
		case 'utf-8-bom':
			return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
		case 'utf-16le':
			return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
		case 'utf-16be': {
			const le = Buffer.from(text, 'utf16le');
			for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
			return new Uint8Array([0xfe, 0xff, ...le]);
		}
		case 'windows-1252':
			return windows1252(text) ?? new TextEncoder().encode(text);
	}
}

/** A file that hands its bytes over in chunks of the given sizes (cycled), as a disk or a network would. */
export function chunkedSource(name: string, bytes: Uint8Array, sizes: number[]): FileSource {
	return {
		name,
		size: bytes.byteLength,
		async *chunks() {
			let at = 0;
			for (let i = 0; at < bytes.byteLength; i++) {
				const size = Math.max(1, sizes[i % sizes.length] ?? bytes.byteLength);
				yield bytes.subarray(at, at + size);
				at += size;
			}
		}
	};
}

export const chunkSizes = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 });

export interface ReadResult {
	/** a refusal of the whole file (not text, empty, unclosed quote, a limit) */
	refused: ImportIssue | null;
	header: TableHeader | null;
	records: CsvRecord[];
}

/** Reads a file's bytes as the importer does: its encoding sniffed, then its records streamed. */
export async function readBytes(source: FileSource): Promise<ReadResult> {
	const sniffer = new EncodingSniffer();
	for await (const chunk of source.chunks()) sniffer.push(chunk);
	const sniffed = sniffer.result();
	if (!sniffed.ok) {
		return {
			refused: { line: null, column: null, value: null, message: sniffed.message },
			header: null,
			records: []
		};
	}
	let header: TableHeader | null = null;
	const records: CsvRecord[] = [];
	const refused = await streamRecords(source, sniffed.encoding, sniffed.bomLength, {
		header(h) {
			header = h;
			return null;
		},
		record: (r) => void records.push(r)
	});
	return { refused, header, records };
}
