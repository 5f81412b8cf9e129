import ExcelJS from 'exceljs';
import { m } from '../../../paraglide/messages.js';
import { Readable, Transform } from 'node:stream';
import { CAPS, bytesText, capText } from '../caps';
import {
	EntryTooLarge,
	NotAZip,
	entryBytes,
	inflatedStream,
	zipEntries,
	type ZipEntry
} from './zip-entries';

/**
 * Excel workbooks (.xlsx), read as a stream: the sheet list comes from the workbook's small
 * parts alone, and a sheet's rows are parsed as they are inflated, one at a time, so memory
 * stays flat however long the sheet. Rows come as the text a planner sees in the cells, so a
 * workbook goes through the same reading and checking as a CSV file.
 *
 * Each part is inflated from its own place in the file (the zip's directory says where) with
 * its size checked against the limits of caps.ts before and while it is inflated; ExcelJS's
 * streaming reader parses the parts (its rows, shared strings, styles and sheet list).
 *
 * Plain functions over a file path, so they can run wherever the caller likes (a worker too).
 */

/** Why a workbook cannot be read; `message` is for the planner. */
export class WorkbookProblem extends Error {
	constructor(
		message: string,
		/** the row the problem is on, if it is on one */
		readonly row: number | null = null,
		readonly column: number | null = null
	) {
		super(message);
		this.name = 'WorkbookProblem';
	}
}

/** The streaming reader's parts, reached as the reader reaches them while it reads a zip. */
interface ReaderParts {
	model?: { sheets?: { name: string; rId: string }[] };
	workbookRels?: { Id: string; Target: string }[];
	_parseRels(stream: Readable): Promise<void>;
	_parseWorkbook(stream: Readable): Promise<void>;
	_parseStyles(stream: Readable): Promise<void>;
	_parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
	_parseWorksheet(
		iterator: AsyncIterable<string>,
		sheetNo: string
	): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
}

interface Book {
	path: string;
	entries: Map<string, ZipEntry>;
	reader: ReaderParts;
	/** Sheet name → its part's path in the zip. */
	sheets: Map<string, string>;
}

function entry(book: Pick<Book, 'entries'>, name: string): ZipEntry | null {
	return book.entries.get(name) ?? null;
}

/** A small part as a stream of text (it is inflated whole, within its limit). */
async function smallPart(path: string, part: ZipEntry): Promise<Readable> {
	const bytes = await entryBytes(path, part, CAPS.smallPartBytes);
	return Readable.from([bytes.toString('utf8')]);
}

/** A relationship target ("worksheets/sheet1.xml" or "/xl/worksheets/sheet1.xml") as a zip path. */
function partPath(target: string): string {
	const path = target.replace(/^\/+/, '');
	return path.startsWith('xl/') ? path : `xl/${path}`;
}

async function openBook(path: string, withStyles: boolean): Promise<Book> {
	let entries: ZipEntry[];
	try {
		entries = await zipEntries(path);
	} catch (e) {
		if (e instanceof NotAZip) throw new WorkbookProblem(m.impmsg_workbook_unreadable());
		throw e;
	}
	const byName = new Map(entries.map((e) => [e.name, e]));
	const workbookPart = byName.get('xl/workbook.xml');
	const relsPart = byName.get('xl/_rels/workbook.xml.rels');
	if (!workbookPart || !relsPart) throw new WorkbookProblem(m.impmsg_workbook_unreadable());
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(
		null as unknown as string,
		{ styles: 'cache', sharedStrings: 'cache', worksheets: 'emit' } as never
	) as unknown as ReaderParts;
	try {
		await reader._parseRels(await smallPart(path, relsPart));
		await reader._parseWorkbook(await smallPart(path, workbookPart));
		const styles = byName.get('xl/styles.xml');
		if (withStyles && styles) await reader._parseStyles(await smallPart(path, styles));
	} catch (e) {
		throw problemOf(e);
	}
	// a sheet list that parsed as nothing (an empty part) leaves the reader without a model
	if (!reader.model) throw new WorkbookProblem(m.impmsg_workbook_unreadable());
	const targets = new Map((reader.workbookRels ?? []).map((r) => [r.Id, partPath(r.Target)]));
	const sheets = new Map<string, string>();
	for (const sheet of reader.model.sheets ?? []) {
		const target = targets.get(sheet.rId);
		if (target && byName.has(target)) sheets.set(sheet.name, target);
	}
	return { path, entries: byName, reader, sheets };
}

function problemOf(e: unknown): Error {
	if (e instanceof WorkbookProblem) return e;
	if (e instanceof EntryTooLarge) {
		return new WorkbookProblem(
			e.entry === 'xl/sharedStrings.xml'
				? m.impmsg_workbook_strings_too_large({ size: bytesText(CAPS.sharedStringsBytes) })
				: /worksheets\//.test(e.entry)
					? m.impmsg_workbook_sheet_too_large({ size: bytesText(CAPS.sheetXmlBytes) })
					: m.impmsg_workbook_part_too_large({
							part: e.entry,
							size: bytesText(CAPS.smallPartBytes)
						})
		);
	}
	if (e instanceof NotAZip || e instanceof Error)
		return new WorkbookProblem(m.impmsg_workbook_unreadable());
	return new WorkbookProblem(m.impmsg_workbook_unreadable());
}

/** The names of a workbook's sheets, in order, read from its sheet list alone. */
export async function sheetNames(path: string): Promise<string[]> {
	return [...(await openBook(path, false)).sheets.keys()];
}

/**
 * Text that never goes longer than `limit` characters without a `<`: no cell or tag of a real
 * sheet does, and the XML parser would otherwise hold all of it at once.
 */
function tagsWithin(limit: number): Transform {
	/** characters since the last `<` */
	let run = 0;
	return new Transform({
		decodeStrings: false,
		encoding: 'utf8',
		transform(chunk: string, _encoding, done) {
			const first = chunk.indexOf('<');
			if (first === -1) run += chunk.length;
			else if (run + first > limit) return done(new WorkbookProblem(tooLongCell()));
			else if (chunk.length <= limit) run = chunk.length - chunk.lastIndexOf('<');
			else {
				// a long chunk: every stretch between two `<` in it
				let from = first;
				for (let at = chunk.indexOf('<', first + 1); at !== -1; at = chunk.indexOf('<', at + 1)) {
					if (at - from > limit) return done(new WorkbookProblem(tooLongCell()));
					from = at;
				}
				run = chunk.length - from;
			}
			if (run > limit) return done(new WorkbookProblem(tooLongCell()));
			done(null, chunk);
		}
	});
}

function tooLongCell(row?: number, column?: number): string {
	const max = capText(CAPS.cellChars);
	return row
		? m.impmsg_sheet_cell_too_long_at({ row: capText(row), column: String(column), max })
		: m.impmsg_sheet_cell_too_long({ max });
}

/**
 * Every row of the sheet from the first, blank ones included (they count as lines), as the
 * text of its cells. Throws WorkbookProblem for an unreadable workbook, an unknown sheet, or a
 * sheet past the limits (rows, columns, cell length, size), naming the limit.
 */
export async function* sheetRows(path: string, name: string): AsyncGenerator<string[]> {
	const book = await openBook(path, true);
	const target = book.sheets.get(name);
	if (!target) throw new WorkbookProblem(m.impmsg_workbook_no_such_sheet({ sheet: name }));
	const { reader } = book;
	let sheetStream: Readable | null = null;
	/** the row after the last one read */
	let next = 1;
	try {
		const strings = entry(book, 'xl/sharedStrings.xml');
		if (strings) {
			const stream = await inflatedStream(path, strings, CAPS.sharedStringsBytes);
			stream.setEncoding('utf8');
			const text = stream.pipe(tagsWithin(1 << 20));
			// pipe() does not pass errors on: a broken part would be an unhandled 'error' event,
			// which ends the process
			stream.on('error', (e) => text.destroy(e));
			for await (const _ of reader._parseSharedStrings(text)) {
				// cached by the reader
			}
		}
		const raw = await inflatedStream(path, entry(book, target)!, CAPS.sheetXmlBytes);
		raw.setEncoding('utf8');
		sheetStream = raw.pipe(tagsWithin(1 << 20));
		raw.on('error', (e) => sheetStream?.destroy(e));
		const sheetNo = /(\d+)\.xml$/.exec(target)?.[1] ?? '1';
		const [emitted] = [...reader._parseWorksheet(sheetStream, sheetNo)];
		if (!emitted) throw new WorkbookProblem(m.impmsg_workbook_unreadable());
		for await (const row of emitted.value) {
			if (row.number > CAPS.sheetRows) {
				throw new WorkbookProblem(
					m.impmsg_sheet_too_many_rows({ max: capText(CAPS.sheetRows) }),
					row.number
				);
			}
			if (row.cellCount > CAPS.columns) {
				throw new WorkbookProblem(
					m.impmsg_sheet_row_too_wide({
						row: capText(row.number),
						max: capText(CAPS.columns)
					}),
					row.number
				);
			}
			for (; next < row.number; next++) yield [];
			const cells = new Array<string>(row.cellCount);
			for (let c = 1; c <= row.cellCount; c++) {
				const text = cellText(row.getCell(c));
				if (text.length > CAPS.cellChars) {
					throw new WorkbookProblem(tooLongCell(row.number, c), row.number, c);
				}
				cells[c - 1] = text;
			}
			next = row.number + 1;
			yield cells;
		}
	} catch (e) {
		// ExcelJS refuses a cell address past column XFD while it parses the row
		if (e instanceof Error && /out of bounds/i.test(e.message)) {
			throw new WorkbookProblem(m.impmsg_sheet_a_row_too_wide({ max: capText(CAPS.columns) }));
		}
		throw problemOf(e);
	} finally {
		sheetStream?.destroy();
	}
}

/**
 * A cell as text. Dates become ISO dates — or months, when the cell shows no day (a "Jan-24"
 * column means the month, and the period syntax says so with 2024-01).
 */
export function cellText(cell: ExcelJS.Cell): string {
	const value = cell.value;
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return dateText(value, cell.numFmt ?? '');
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((p) => p.text).join('');
		if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
			// ExcelJS leaves a falsy result (0, false) out of `value`: `cell.result` keeps it
			const result = (cell.result as unknown) ?? ('result' in value ? value.result : undefined);
			if (result instanceof Date) return dateText(result, cell.numFmt ?? '');
			if (result === null || result === undefined || typeof result === 'object') return '';
			return String(result);
		}
		if ('text' in value) return String(value.text);
		if ('error' in value) return String(value.error);
		return '';
	}
	return String(value);
}

function dateText(date: Date, format: string): string {
	const iso = date.toISOString();
	// quoted text and [colour] or [$-locale] parts of a format are not date parts
	const parts = format.replace(/"[^"]*"|\[[^\]]*\]/g, '').toLowerCase();
	const showsDay = parts === '' || parts.includes('d') || parts === 'general';
	return showsDay ? iso.slice(0, 10) : iso.slice(0, 7);
}
