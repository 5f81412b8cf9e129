/**
 * The limits on one file (src/lib/server/imports/caps.ts): a record, a value, a header or a row
 * past them is refused with its line, its column and the limit, and quickly — the hostile files
 * of issue 13 (a cell of doubled quotes, one 50 MB line, 100,000 columns) among them.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { CAPS } from '../../../src/lib/server/imports/caps';
import { RecordAssembler, streamRecords } from '../../../src/lib/server/imports/read-table';
import type { FileSource } from '../../../src/lib/server/imports/source';
import { WholeRecords, unifyLineBreaks } from '../../../src/lib/server/imports/whole-records';
import { readAll } from '../../helpers/stream';

function pieces(text: string, cuts: number[]): string[] {
	const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
	const out: string[] = [];
	let from = 0;
	for (const c of [...at, text.length]) {
		out.push(text.slice(from, c));
		from = c;
	}
	return out;
}

describe('whole records before the parser', () => {
	// one kind of line break per file, quoted ones included: papaparse decides it once
	const csv = fc.constantFrom('\n', '\r\n').chain((nl) => {
		const cell = fc.oneof(
			fc.stringMatching(/^[a-z ]{0,8}$/),
			fc
				.stringMatching(/^[a-z ,"|]{0,8}$/)
				.map((s) => `"${s.replace(/"/g, '""').replace(/\|/g, nl)}"`)
		);
		return fc
			.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 })
			.map((rows) => rows.map((r) => r.join(',')).join(nl) + nl);
	});

	test('any text, however cut, comes out whole and in order', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[a-z ,"\r\n]{0,40}$/), fc.array(fc.nat()), (text, cuts) => {
				const records = new WholeRecords(',');
				const out = pieces(text, cuts).flatMap((p) => records.push(p));
				// every line break outside quotes comes out as \n (unifyLineBreaks)
				expect([...out, records.end()].join('')).toBe(unifyLineBreaks(text, ','));
			}),
			{ numRuns: 300 }
		);
	});

	test('a well-formed file, however cut, is read as the whole text is', async () => {
		await fc.assert(
			fc.asyncProperty(csv, fc.array(fc.nat(), { maxLength: 6 }), async (text, cuts) => {
				const records = new WholeRecords(',');
				const parts = pieces(text, cuts);
				const out = parts.flatMap((p) => records.push(p));
				out.push(records.end());
				expect(records.tooLong).toBeNull();
				expect(out.join('')).toBe(unifyLineBreaks(text, ','));
				expect(await readPieces(parts)).toEqual(reference(text));
			}),
			{ numRuns: 150 }
		);
	}, 60_000);
});

/** Header and records as papaparse reads the whole text at once, through the same assembler. */
function reference(text: string): unknown {
	const assembler = new RecordAssembler(',');
	const records: unknown[] = [];
	const parsed = Papa.parse<string[]>(text, { delimiter: ',' });
	if (parsed.errors.some((e) => e.code === 'MissingQuotes')) return 'unclosed';
	for (const row of parsed.data) {
		const out = assembler.push(row);
		if (out && 'message' in out) return { issue: out.message };
		if (out) records.push(out);
	}
	// a header without a row under it is known when the file ends (it may have had HXL tags)
	const ended = assembler.finish();
	if (ended) return { issue: ended.message };
	return assembler.header ? { headers: assembler.header.rawHeaders, records } : 'empty';
}

/** The same through the importer's streaming path, the text arriving in these pieces. */
async function readPieces(parts: string[]): Promise<unknown> {
	const bytes = parts.map((p) => new TextEncoder().encode(p));
	const source: FileSource = {
		name: 't.csv',
		size: bytes.reduce((n, b) => n + b.length, 0),
		async *chunks() {
			yield* bytes.filter((b) => b.length > 0);
		}
	};
	let headers: string[] = [];
	const records: unknown[] = [];
	const refused = await streamRecords(source, 'utf-8', 0, {
		header: (h) => {
			headers = h.rawHeaders;
			return null;
		},
		record: (r) => void records.push(r)
	});
	if (refused?.message.startsWith('The file is empty')) return 'empty';
	if (refused?.message.startsWith('A quoted value is never closed')) return 'unclosed';
	if (refused) return { issue: refused.message };
	return { headers, records };
}

describe('limits, with line, column and the limit named', () => {
	test('a cell of doubled quotes is refused at once, not after minutes', async () => {
		const started = Date.now();
		const r = await readAll(`indicator_code,comment\nK1,"${'a""'.repeat(1_000_000)}"\n`);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issue).toMatchObject({ line: 2, column: 'comment' });
		expect(r.issue.message).toMatch(/longer than 32,767 characters/);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('one record longer than the limit is refused on its line', async () => {
		const r = await readAll(`a,b\n1,2\n\n3,${'x,'.repeat(CAPS.recordChars / 2)}\n`);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.issue.line).toBe(4);
			expect(r.issue.message).toMatch(/record is longer than 1,048,576 characters/);
		}
	});

	test('a header with more columns than a spreadsheet holds', async () => {
		const header = Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',');
		const r = await readAll(`${header}\n1\n`);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.issue.line).toBe(1);
			expect(r.issue.message).toMatch(/more than 16,384 columns \(20,000\)/);
		}
	});

	test('an unquoted value past a cell’s limit, named by its column', async () => {
		const r = await readAll(`indicator_code,comment\nK1,ok\nK2,${'y'.repeat(40_000)}\n`);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.issue).toMatchObject({ line: 3, column: 'comment' });
			expect(r.issue.message).toMatch(/40,000 characters long, more than the 32,767/);
		}
	});

	test('a header cell longer than a header could be', async () => {
		const r = await readAll(`indicator_code,${'h'.repeat(2000)}\nK1,1\n`);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.issue.message).toMatch(/header of column 2 is longer than 1,000/);
	});

	test('values at the limits are read', async () => {
		const r = await readAll(`a,b\n"${'"'.repeat(2 * 32_000)}",${'z'.repeat(CAPS.cellChars)}\n`);
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.records[0]!.values.map((v) => v.length)).toEqual([32_000, CAPS.cellChars]);
	});
});
