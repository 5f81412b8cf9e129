/**
 * `npx tsx scripts/hostile/generate.ts [FOLDER]`: writes the hostile files of issue 13 into
 * FOLDER (default: a folder under the system's temporary folder), streaming, never holding a
 * file whole. They are generated, not committed: the largest is about 100 MB.
 *
 * - workbook-1m-rows.xlsx     an honest workbook: 1,000,000 rows × 3 columns (about 11 MB)
 * - workbook-2.8m-rows.xlsx   a well-formed workbook past a spreadsheet's 1,048,576 rows
 *                              (2,800,000 rows, about 450 MB of sheet XML, about 30 MB)
 * - doubled-quotes-25mb.csv, -50mb, -98mb   one cell made of doubled quotes
 * - one-line-50mb.csv         one 50 MB line
 * - columns-100k.csv          100,000 columns
 *
 * Prints each file's path and size.
 */
import ExcelJS from 'exceljs';
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MB = 1024 * 1024;

/** Writes text pieces to a file, waiting for the disk when it asks to. */
async function writeFile(path: string, pieces: Iterable<string>): Promise<void> {
	const out = createWriteStream(path);
	for (const piece of pieces) if (!out.write(piece)) await once(out, 'drain');
	out.end();
	await once(out, 'finish');
}

async function workbook(path: string, rows: number): Promise<void> {
	const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
	const sheet = book.addWorksheet('Figures');
	sheet.addRow(['indicator_code', 'period', 'value']).commit();
	for (let i = 0; i < rows; i++) {
		const year = 2000 + (((i / 12) | 0) % 25);
		const month = String((i % 12) + 1).padStart(2, '0');
		sheet.addRow([`K${i % 40}`, `${year}-${month}`, i % 997]).commit();
		// let the zip stream drain now and then
		if (i % 50_000 === 0) await new Promise((r) => setImmediate(r));
	}
	sheet.commit();
	await book.commit();
}

function* doubledQuotes(bytes: number): Generator<string> {
	yield 'indicator_code,period,value,comment\nK1,2024-01,5,"';
	const piece = '""'.repeat(MB / 2);
	for (let written = 0; written < bytes; written += piece.length) yield piece;
	yield '"\n';
}

function* oneLine(bytes: number): Generator<string> {
	const piece = 'abcdefgh,'.repeat(MB / 9);
	for (let written = 0; written < bytes; written += piece.length) yield piece;
	yield '\n';
}

function* manyColumns(columns: number): Generator<string> {
	yield Array.from({ length: columns }, (_, i) => `column_${i}`).join(',') + '\n';
	for (let r = 0; r < 3; r++)
		yield Array.from({ length: columns }, (_, i) => `${i % 10}`).join(',') + '\n';
}

export const HOSTILE_FILES = [
	'workbook-1m-rows.xlsx',
	'workbook-2.8m-rows.xlsx',
	'doubled-quotes-25mb.csv',
	'doubled-quotes-50mb.csv',
	'doubled-quotes-98mb.csv',
	'one-line-50mb.csv',
	'columns-100k.csv'
] as const;

export async function generate(folder: string): Promise<void> {
	mkdirSync(folder, { recursive: true });
	const at = (name: string) => join(folder, name);
	await workbook(at('workbook-1m-rows.xlsx'), 1_000_000);
	await workbook(at('workbook-2.8m-rows.xlsx'), 2_800_000);
	for (const mb of [25, 50, 98]) {
		await writeFile(at(`doubled-quotes-${mb}mb.csv`), doubledQuotes(mb * MB));
	}
	await writeFile(at('one-line-50mb.csv'), oneLine(50 * MB));
	await writeFile(at('columns-100k.csv'), manyColumns(100_000));
	for (const name of HOSTILE_FILES) {
		console.log(`${at(name)}\t${(statSync(at(name)).size / MB).toFixed(1)} MB`);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	await generate(process.argv[2] ?? join(tmpdir(), 'cpas-hostile'));
}
