/**
 * Workbooks are read as a stream, part by part, within limits a real export never reaches:
 * the sheet list without the sheets, and a sheet refused — naming the limit, and its row where
 * it has one — when it has too many columns, a cell longer than a spreadsheet holds, a part
 * that inflates past its size, or is no workbook at all. The mapping step shows the refusal.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { analyse } from '../../../src/lib/server/imports/workspace/mapping';
import { freshDb } from '../../helpers/db';
import { sheetNames, sheetRows } from '../../../src/lib/server/imports/workspace/sheets';
import { stageFile } from '../../../src/lib/server/imports/workspace/stage-file';
import { saveStaged } from '../../../src/lib/server/imports/workspace/staging';

let folder: string;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'cpas-workbooks-'));
	process.env.CPAS_STAGING_DIR = join(folder, 'staging');
});
afterAll(() => {
	rmSync(folder, { recursive: true, force: true });
	delete process.env.CPAS_STAGING_DIR;
});

async function write(name: string, fill: (book: ExcelJS.Workbook) => void): Promise<string> {
	const book = new ExcelJS.Workbook();
	fill(book);
	const path = join(folder, name);
	await book.xlsx.writeFile(path);
	return path;
}

async function rows(path: string, sheet: string): Promise<string[][]> {
	const out: string[][] = [];
	for await (const row of sheetRows(path, sheet)) out.push(row);
	return out;
}

test('sheets are listed, and one sheet read with its blank rows, dates and formulas', async () => {
	const path = await write('two-sheets.xlsx', (book) => {
		const data = book.addWorksheet('Données');
		data.addRow(['indicator_code', 'period', 'value', 'month']);
		data.addRow(['K1', '2024-01', 5, new Date(Date.UTC(2024, 0, 15))]);
		data.addRow([]);
		data.addRow(['K2', 'Région €', { formula: '1+1', result: 2 }]);
		data.getCell('D2').numFmt = 'mmm-yy';
		book.addWorksheet('Notes').addRow(['x']);
	});
	expect(await sheetNames(path)).toEqual(['Données', 'Notes']);
	expect(await rows(path, 'Données')).toEqual([
		['indicator_code', 'period', 'value', 'month'],
		['K1', '2024-01', '5', '2024-01'],
		[],
		['K2', 'Région €', '2']
	]);
});

test('a cell past column 16,384 (XFD) is refused', async () => {
	const path = await write('sheet-with-a-cell-in-column-XFE.xlsx', (book) => {
		const sheet = book.addWorksheet('Data');
		sheet.addRow(['indicator_code', 'period', 'value']);
		sheet.getCell('XFD2').value = 'last column a spreadsheet has';
	});
	// one column further than a spreadsheet can write
	const zip = await JSZip.loadAsync(readFileSync(path));
	const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
	zip.file('xl/worksheets/sheet1.xml', xml.replace(/r="XFD2"/, 'r="XFE2"'));
	writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
	await expect(rows(path, 'Data')).rejects.toMatchObject({
		message: expect.stringMatching(/a row with more than 16,384 columns/)
	});
});

test('a cell longer than 32,767 characters is refused with its row and column', async () => {
	const path = await write('sheet-with-a-cell-of-40000-characters.xlsx', (book) => {
		const sheet = book.addWorksheet('Data');
		sheet.addRow(['indicator_code', 'comment']);
		sheet.addRow(['K1', 'x'.repeat(40_000)]);
	});
	await expect(rows(path, 'Data')).rejects.toMatchObject({
		message: expect.stringMatching(/row 2, column 2\) holds more than 32,767 characters/)
	});
	// the mapping step says so, on the line the planner sees
	const staged = await stageFile(
		freshDb(),
		LOCAL_ADMINISTRATOR,
		'long-cell.xlsx',
		readFileSync(path)
	);
	if ('message' in staged) throw new Error(staged.message);
	const analysis = await analyse(freshDb(), LOCAL_ADMINISTRATOR, staged);
	expect(analysis.problem).toMatchObject({ line: 2, column: 'comment' });
});

test('a part that says it inflates past its limit is refused before it is inflated', async () => {
	const path = await write('sheet-declared-larger-than-2-gb.xlsx', (book) => {
		book.addWorksheet('Data').addRow(['indicator_code', 'period', 'value']);
	});
	// the central directory's uncompressed size of the sheet part, set to 3 GB
	const bytes = readFileSync(path);
	const name = Buffer.from('xl/worksheets/sheet1.xml');
	for (let at = bytes.indexOf(0x02014b50 & 0xff); at !== -1; at = bytes.indexOf(0x50, at + 1)) {
		if (
			bytes.readUInt32LE(at) === 0x02014b50 &&
			bytes.subarray(at + 46, at + 46 + name.length).equals(name)
		) {
			bytes.writeUInt32LE(3 * 1024 ** 3, at + 24);
		}
	}
	writeFileSync(path, bytes);
	expect(await sheetNames(path)).toEqual(['Data']);
	await expect(rows(path, 'Data')).rejects.toMatchObject({
		message: expect.stringMatching(/the sheet is over 2 GB once uncompressed/)
	});
});

test('a file that is not a zip, or a zip that is not a workbook, is refused as unreadable', async () => {
	const notZip = join(folder, 'text-named-xlsx.xlsx');
	writeFileSync(notZip, 'indicator_code,period\n');
	const staging = join(folder, 'staging');
	const before = existsSync(staging) ? readdirSync(staging) : [];
	await expect(sheetNames(notZip)).rejects.toMatchObject({ name: 'WorkbookProblem' });
	const staged = await stageFile(
		freshDb(),
		LOCAL_ADMINISTRATOR,
		'text-named-xlsx.xlsx',
		readFileSync(notZip)
	);
	expect(staged).toMatchObject({ status: 400 });
	// the staged copy of a refused upload is gone
	expect(existsSync(staging) ? readdirSync(staging) : []).toEqual(before);
});

test('an unknown sheet name is a problem, not a crash', async () => {
	const path = await write('one-sheet.xlsx', (book) => book.addWorksheet('Only').addRow(['a']));
	const staged = await stageFile(
		freshDb(),
		LOCAL_ADMINISTRATOR,
		'one-sheet.xlsx',
		readFileSync(path)
	);
	if ('message' in staged) throw new Error(staged.message);
	await saveStaged({ ...staged, sheet: 'Gone' });
	const analysis = await analyse(freshDb(), LOCAL_ADMINISTRATOR, { ...staged, sheet: 'Gone' });
	expect(analysis.problem?.message).toMatch(/no sheet "Gone"/);
});
