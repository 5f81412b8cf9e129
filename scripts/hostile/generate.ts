/**
 * `npx tsx scripts/hostile/generate.ts [FOLDER]`: writes the hostile files of issue 13 into
 * FOLDER (default: a folder under the system's temporary folder), streaming, never holding a
 * file whole. They are generated, not committed: the largest is about 100 MB.
 *
 * - workbook-1m-rows.xlsx     an honest workbook: 1,000,000 rows × 3 columns (about 20 MB)
 * - workbook-2.8m-rows.xlsx   a well-formed workbook past a spreadsheet's 1,048,576 rows
 *                              (2,800,000 rows, 440 MB of sheet XML, about 55 MB)
 * - doubled-quotes-25mb.csv, -50mb, -98mb   one cell made of doubled quotes
 * - one-line-50mb.csv         one 50 MB line
 * - columns-100k.csv          100,000 columns
 *
 * Prints each file's path and size. A file already in FOLDER is kept (they are the same each
 * time): each is written under a temporary name and renamed once whole, so a file found there
 * is never a cut one.
 */
import ExcelJS from 'exceljs';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
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

export type HostileFile = (typeof HOSTILE_FILES)[number];

/** The writer of each file, into the path given. */
const WRITERS: Record<HostileFile, (path: string) => Promise<void>> = {
	'workbook-1m-rows.xlsx': (path) => workbook(path, 1_000_000),
	'workbook-2.8m-rows.xlsx': (path) => workbook(path, 2_800_000),
	'doubled-quotes-25mb.csv': (path) => writeFile(path, doubledQuotes(25 * MB)),
	'doubled-quotes-50mb.csv': (path) => writeFile(path, doubledQuotes(50 * MB)),
	'doubled-quotes-98mb.csv': (path) => writeFile(path, doubledQuotes(98 * MB)),
	'one-line-50mb.csv': (path) => writeFile(path, oneLine(50 * MB)),
	'columns-100k.csv': (path) => writeFile(path, manyColumns(100_000))
};

/** Writes the files named (all by default) into `folder`, keeping those already there. */
export async function generate(
	folder: string,
	names: readonly HostileFile[] = HOSTILE_FILES
): Promise<void> {
	mkdirSync(folder, { recursive: true });
	for (const name of names) {
		const path = join(folder, name);
		if (!existsSync(path)) {
			const partial = join(folder, `.partial-${name}`);
			await WRITERS[name](partial);
			renameSync(partial, path);
		}
		console.log(`${path}\t${(statSync(path).size / MB).toFixed(1)} MB`);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	await generate(process.argv[2] ?? join(tmpdir(), 'cpas-hostile'));
}
