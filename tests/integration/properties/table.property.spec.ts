/**
 * Table reading (formats.md §1.0): a table written as any program writes CSV — delimiter,
 * quoting, line ends, blank records, encoding, read in chunks of any size — reads back as the
 * same cells on the same lines; any text at all is records or one located refusal, never a
 * throw; values near the cell and record limits are refused exactly past them.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { restoreFormulaText } from '../../../src/lib/domain/spreadsheet-text';
import { CAPS } from '../../../src/lib/server/imports/caps';
import { WholeRecords, unifyLineBreaks } from '../../../src/lib/server/imports/whole-records';
import { propertyTest } from '../../helpers/properties';
import {
	DELIMITERS,
	chunkSizes,
	chunkedSource,
	encodeText,
	expectedRecords,
	generatedTable,
	readBytes,
	tableText,
	uniformWriting,
	writing,
	type TextEncoding
} from './tables';

const ENCODINGS: TextEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'];

/** What the reader sees of a text in an encoding: Windows-1252 bytes that are valid UTF-8 read as UTF-8. */
function textAsRead(text: string, bytes: Uint8Array, encoding: TextEncoding): string {
	if (encoding !== 'windows-1252') return text;
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return text;
	}
}

function lineCount(text: string): number {
	return text.split(/\r\n|\r|\n/).length;
}

propertyTest(
	'table',
	'a written table reads back as the same cells on the same lines',
	{ short: 300, share: 0.4 },
	() =>
		fc.asyncProperty(
			generatedTable,
			uniformWriting,
			fc.constantFrom(...ENCODINGS),
			chunkSizes,
			async (table, w, encoding, sizes) => {
				const text = tableText(table, w);
				const bytes = encodeText(text, encoding);
				if (textAsRead(text, bytes, encoding) !== text) return; // read as UTF-8, rightly
				const read = await readBytes(chunkedSource('t.csv', bytes, sizes));
				expect(read.refused).toBeNull();
				expect(read.header?.delimiter).toBe(table.delimiter);
				expect(read.header?.rawHeaders).toEqual(table.header.map((h) => h.trim()));
				expect(read.records).toEqual(expectedRecords(table, restoreFormulaText));
			}
		)
);

propertyTest(
	'table',
	'line ends mixed within one file (\\n, \\r\\n, \\r) read as the same records',
	{ short: 200, share: 0.2 },
	() =>
		fc.asyncProperty(generatedTable, writing, chunkSizes, async (table, w, sizes) => {
			const text = tableText(table, w);
			const read = await readBytes(chunkedSource('t.csv', encodeText(text, 'utf-8'), sizes));
			expect(read.refused).toBeNull();
			expect(read.records).toEqual(expectedRecords(table, restoreFormulaText));
		})
);

// text made of the characters CSV turns on, in any order
const csvish = fc.string({
	unit: fc.constantFrom('a', 'b', '1', ',', ';', '\t', '"', '"', '\r', '\n', ' ', 'é', '\u0000'),
	maxLength: 60
});

propertyTest(
	'table',
	'any CSV-ish text is records or one located refusal, the same in any chunks',
	{ short: 400, share: 0.3 },
	() =>
		fc.asyncProperty(csvish, chunkSizes, async (text, sizes) => {
			const bytes = new TextEncoder().encode(text);
			const whole = await readBytes(chunkedSource('t.csv', bytes, [bytes.length || 1]));
			const chunked = await readBytes(chunkedSource('t.csv', bytes, sizes));
			expect(chunked).toEqual(whole);
			const lines = lineCount(text);
			if (whole.refused) {
				const { line, message } = whole.refused;
				expect(message).toMatch(/\w/);
				if (line !== null) expect(line).toBeGreaterThanOrEqual(1);
				if (line !== null) expect(line).toBeLessThanOrEqual(lines);
				return;
			}
			const width = whole.header!.headers.length;
			let previous = 1;
			for (const r of whole.records) {
				expect(r.line).toBeGreaterThan(previous);
				expect(r.line).toBeLessThanOrEqual(lines);
				expect(r.values).toHaveLength(width);
				previous = r.line;
			}
		})
);

propertyTest(
	'table',
	'a value just under the cell limit is read, just over it is refused on its line and column',
	{ short: 6, share: 0.05 },
	() =>
		fc.asyncProperty(
			fc.integer({ min: -3, max: 3 }),
			fc.boolean(),
			fc.constantFrom(...DELIMITERS),
			fc.nat(3),
			async (offset, quoted, delimiter, blanksBefore) => {
				const length = CAPS.cellChars + offset;
				// a quoted value may hold quotes, written doubled
				const value = quoted
					? 'x"'.repeat(length / 2) + (length % 2 ? 'x' : '')
					: 'y'.repeat(length);
				const cell = quoted ? `"${value.replaceAll('"', '""')}"` : value;
				const lines = ['a' + delimiter + 'b', 'k' + delimiter + '1'];
				for (let i = 0; i < blanksBefore; i++) lines.push('');
				lines.push('k' + delimiter + cell, 'k' + delimiter + '2');
				const text = lines.join('\n');
				const read = await readBytes(chunkedSource('t.csv', encodeText(text, 'utf-8'), [65536]));
				const line = 3 + blanksBefore;
				if (offset <= 0) {
					expect(read.refused).toBeNull();
					expect(read.records.map((r) => r.line)).toEqual([2, line, line + 1]);
					expect(read.records[1]!.values[1]).toBe(value);
				} else {
					expect(read.refused).toMatchObject({ line, column: 'b' });
					expect(read.refused!.message).toMatch(/32,767/);
				}
			}
		)
);

propertyTest(
	'table',
	'a record just under the record limit is read, one past it refused on its line',
	{ short: 2, share: 0.0005 },
	() =>
		fc.asyncProperty(fc.integer({ min: -2, max: 2 }), fc.nat(60), async (offset, cells) => {
			// cells of at most the cell limit, together near the record limit
			const width = Math.ceil(CAPS.recordChars / CAPS.cellChars) + 1 + (cells % 3);
			const header = Array.from({ length: width }, (_, i) => `c${i}`).join(',');
			const target = CAPS.recordChars + offset;
			const each = Math.floor((target - (width - 1)) / width);
			const last = target - (width - 1) - each * (width - 1);
			const row = [...Array.from({ length: width - 1 }, () => 'z'.repeat(each)), 'w'.repeat(last)];
			const text = [header, row.join(','), 'a'].join('\n');
			expect(row.join(',').length).toBe(target);
			const read = await readBytes(chunkedSource('t.csv', encodeText(text, 'utf-8'), [1 << 20]));
			if (offset <= 0) {
				expect(read.refused).toBeNull();
				expect(read.records.map((r) => r.line)).toEqual([2, 3]);
			} else {
				expect(read.refused).toMatchObject({ line: 2 });
				expect(read.refused!.message).toMatch(/record is longer/);
			}
		})
);

propertyTest(
	'table',
	'the record splitter hands on the whole text, line breaks unified, however it is cut',
	{ short: 1000, share: 0.05 },
	() =>
		fc.property(
			fc.string({ unit: fc.constantFrom('a', ',', ';', '"', '\r', '\n', ' '), maxLength: 40 }),
			fc.array(fc.nat(), { maxLength: 6 }),
			fc.constantFrom(...DELIMITERS),
			(text, cuts, delimiter) => {
				const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
				const records = new WholeRecords(delimiter);
				let out = '';
				let from = 0;
				for (const cut of [...at, text.length]) {
					out += records.push(text.slice(from, cut)).join('');
					from = cut;
				}
				out += records.end();
				expect(out).toBe(unifyLineBreaks(text, delimiter));
			}
		)
);
