/**
 * Counterexamples the reader properties found, shrunk, kept as plain tests: each failed before
 * its fix. Small chunks stand for a file whose header or line break falls on a chunk's edge.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import {
	WorkbookProblem,
	sheetNames,
	sheetRows
} from '../../../src/lib/server/imports/workspace/sheets';
import { zipEntries } from '../../../src/lib/server/imports/workspace/zip-entries';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { parseNumber } from '../../../src/lib/server/imports/numbers';
import { WholeRecords, unifyLineBreaks } from '../../../src/lib/server/imports/whole-records';
import { csv, freshDb, importBasic } from '../../helpers/db';
import { chunkedSource, readBytes } from './tables';

const utf8 = (text: string) => new TextEncoder().encode(text);

test('the delimiter is read from the whole header line, not from its first chunk', async () => {
	const read = await readBytes(chunkedSource('t.csv', utf8('a;e'), [1]));
	expect(read.refused).toBeNull();
	expect(read.header).toMatchObject({ delimiter: ';', rawHeaders: ['a', 'e'] });
});

test('a chunk that is one \\r of a \\r\\n does not end a record between the two', async () => {
	const read = await readBytes(chunkedSource('t.csv', utf8('a\r\n"x"'), [1]));
	expect(read.records).toEqual([{ line: 2, values: ['x'] }]);
});

test('a byte-order mark split over chunks is still a byte-order mark', async () => {
	const read = await readBytes(chunkedSource('t.csv', new Uint8Array([0xff, 0xfe, 0x61, 0]), [1]));
	expect(read.refused).toBeNull();
	expect(read.header?.rawHeaders).toEqual(['a']);
});

test('line ends mixed in one file (\\r\\n, then \\n) keep records apart and quotes closed', async () => {
	const quoted = await readBytes(chunkedSource('t.csv', utf8('a\r\n","\n'), [1]));
	expect(quoted.refused).toBeNull();
	expect(quoted.records).toEqual([{ line: 2, values: [','] }]);
	const plain = await readBytes(chunkedSource('t.csv', utf8('x,y\r\n1,2\n3,4\r\n'), [1 << 20]));
	expect(plain.records).toEqual([
		{ line: 2, values: ['1', '2'] },
		{ line: 3, values: ['3', '4'] }
	]);
	// a line break inside quotes stays as written
	const inside = await readBytes(chunkedSource('t.csv', utf8('x,y\n"1\r\n2",3\r\n'), [1 << 20]));
	expect(inside.records).toEqual([{ line: 2, values: ['1\r\n2', '3'] }]);
});

test('a number of hundreds of digits is refused, never read as Infinity', () => {
	const read = parseNumber('9'.repeat(309), ',');
	expect(read).toEqual({ ok: false, message: 'is too large to be a figure' });
	expect(parseNumber('9'.repeat(308), ',').ok).toBe(true);
});

test('two lines of a wide file for one figure name the period column, not "value"', async () => {
	const db = freshDb();
	await importBasic(db);
	const report = await importFiles(db, LOCAL_ADMINISTRATOR, [
		csv('wide.csv', 'indicator_code,2024-01\nK1,1\nK1,-0\n')
	]);
	expect(report.ok).toBe(false);
	expect(report.files[0]!.errors.map((e) => [e.line, e.column])).toEqual([
		[2, '2024-01'],
		[3, '2024-01']
	]);
});

test('a quote and spaces that end a piece close the quoted value only if the next piece says so', () => {
	// `"" a`: the second quote is followed by a letter, so it is part of the value, and the \r
	// after it is inside quotes; cut after the spaces, it was taken as closed (caps.spec's
	// property found it now and then)
	const records = new WholeRecords(',');
	const out = [...records.push('"" '), ...records.push('a\r\r'), records.end()].join('');
	expect(out).toBe(unifyLineBreaks('"" a\r\r', ','));
	expect(out).toBe('"" a\r\r');
});

test('a quote after a \\r that ended the last piece opens a quoted value', () => {
	const records = new WholeRecords(',');
	const out = [...records.push('\r'), ...records.push('"\n\r'), records.end()].join('');
	expect(out).toBe('\n"\n\r');
});

test('a workbook whose shared strings do not inflate is refused, not an unhandled stream error', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'cpas-broken-strings-'));
	try {
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Data').addRow(['indicator_code', 'period', 'value']);
		const path = join(dir, 'book.xlsx');
		await book.xlsx.writeFile(path);
		const bytes = readFileSync(path);
		const strings = (await zipEntries(path)).find((e) => e.name === 'xl/sharedStrings.xml')!;
		const start = strings.headerOffset + 30 + bytes.readUInt16LE(strings.headerOffset + 26);
		// a deflate block type that does not exist (0b11): the part cannot inflate
		bytes[start + bytes.readUInt16LE(strings.headerOffset + 28)] = 0xff;
		writeFileSync(path, bytes);
		await expect(async () => {
			for await (const _ of sheetRows(path, 'Data')) {
				// read on
			}
		}).rejects.toBeInstanceOf(WorkbookProblem);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('a formula whose result is 0 reads as 0, not as a blank cell', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'cpas-formula-zero-'));
	try {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Data');
		sheet.getRow(1).values = ['a', 'b'];
		sheet.getRow(2).values = [
			{ formula: '0+0', result: 0 },
			{ formula: '1+1', result: 2 }
		] as ExcelJS.CellValue[];
		const path = join(dir, 'book.xlsx');
		await book.xlsx.writeFile(path);
		const rows: string[][] = [];
		for await (const row of sheetRows(path, 'Data')) rows.push(row);
		expect(rows).toEqual([
			['a', 'b'],
			['0', '2']
		]);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('a part whose directory entry declares gigabytes it does not have is refused, not a crash', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'cpas-lying-directory-'));
	try {
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Data').addRow(['indicator_code', 'period', 'value']);
		const path = join(dir, 'book.xlsx');
		await book.xlsx.writeFile(path);
		const bytes = readFileSync(path);
		// the central directory's record of xl/workbook.xml: compressed size 0xF0000000
		const name = Buffer.from('xl/workbook.xml');
		let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
		while (!bytes.subarray(at + 46, at + 46 + name.length).equals(name)) {
			at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
		}
		bytes.writeUInt32LE(0xf0000000, at + 20);
		writeFileSync(path, bytes);
		await expect(sheetNames(path)).rejects.toBeInstanceOf(WorkbookProblem);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
