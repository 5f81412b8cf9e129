import { describe, expect, test } from 'vitest';
import { detectDelimiter, normaliseHeader } from '../../../src/lib/server/imports/read-table';
import { cellsOf, decodeAll, readAll } from '../../helpers/stream';

describe('decoding', () => {
	const text = 'area_code,area_name\nNK,Nördlich\n';
	test('UTF-8 with and without BOM', () => {
		const bytes = new TextEncoder().encode(text);
		expect(decodeAll(bytes)).toEqual({ ok: true, text });
		expect(decodeAll(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ ok: true, text });
	});
	test('UTF-16 little endian with BOM', () => {
		const units = [...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
		expect(decodeAll(new Uint8Array([0xff, 0xfe, ...units]))).toEqual({ ok: true, text });
	});
	test('Windows-1252 when it is not valid UTF-8', () => {
		// "Région" with é as the single byte 0xE9, and € as 0x80
		const bytes = new Uint8Array([0x52, 0xe9, 0x67, 0x69, 0x6f, 0x6e, 0x20, 0x80]);
		expect(decodeAll(bytes)).toEqual({ ok: true, text: 'Région €' });
	});
	test.each([
		['NUL bytes', new Uint8Array([0x61, 0x00, 0x62])],
		['a byte Windows-1252 leaves undefined', new Uint8Array([0x61, 0xe9, 0x81])],
		['control characters', new TextEncoder().encode('a\u0001b\u0002c\u0003' + 'x'.repeat(100))]
	])('refuses %s as not a text file', (_, bytes) => {
		const r = decodeAll(bytes);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/not a text file/);
	});
});

describe('reading the table', () => {
	test('headers are normalised: case, spaces, hyphens and underscores', () => {
		expect(normaliseHeader(' Indicator Code ')).toBe('indicator_code');
		expect(normaliseHeader('indicator-code')).toBe('indicator_code');
		expect(normaliseHeader('CI__low')).toBe('ci_low');
	});

	test.each([
		['a,b;c\n', ','],
		['a;b;c\n', ';'],
		['a\tb\tc\n', '\t'],
		['"a;b",c\n', ',']
	])('the delimiter of %j is %j', (text, delimiter) => {
		expect(detectDelimiter(text)).toBe(delimiter);
	});

	test('line numbers count records as a spreadsheet shows them', async () => {
		const r = await readAll('\n\nindicator_code,comment\nA,"two\nlines"\n\nB,x\n');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		// the header is line 1 even after blank lines; the blank record after A still counts
		expect(r.records.map((rec) => [rec.line, cellsOf(r.header, rec).indicator_code])).toEqual([
			[2, 'A'],
			[4, 'B']
		]);
		expect(cellsOf(r.header, r.records[0]!).comment).toBe('two\nlines');
	});

	test('a repeated header is refused on line 1', async () => {
		const r = await readAll('value,Value\n1,2\n');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.issue).toMatchObject({ line: 1, column: 'value' });
	});
});
