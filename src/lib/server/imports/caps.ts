/**
 * Limits on what one file may hold, set where no real export goes: a spreadsheet holds at most
 * 1,048,576 rows, 16,384 columns and 32,767 characters in a cell, so a file past them was not
 * written by one. They keep a hostile or broken file from taking the server's memory or time;
 * each refusal names the limit (docs/operations.md, "Limits").
 */
import { m } from '../../paraglide/messages.js';
import { numberText } from '../../format/numbers';

export const CAPS = {
	/** Columns of a table (Excel's last column is XFD, the 16,384th). */
	columns: 16_384,
	/** Characters in one cell (Excel's own limit). */
	cellChars: 32_767,
	/** Characters in a header cell: a header is a name, not a text. */
	headerChars: 1_000,
	/** Characters in one record of a CSV file, quoted line breaks included. */
	recordChars: 1 << 20,
	/** Rows of a workbook's sheet (Excel's own limit); CSV files have no row limit. */
	sheetRows: 1_048_576,
	/** Uncompressed bytes of the sheet read from a workbook. */
	sheetXmlBytes: 2 * 1024 ** 3,
	/** Uncompressed bytes of a workbook's shared strings, which are held while its sheet is read. */
	sharedStringsBytes: 256 * 1024 ** 2,
	/** Uncompressed bytes of a workbook's small parts (its sheet list, styles, relationships). */
	smallPartBytes: 16 * 1024 ** 2
} as const;

/** 16384 → "16,384", as the messages write limits. */
export function capText(n: number): string {
	return numberText(n);
}

/** 2147483648 → "2 GB" (French "2 Go"). */
export function bytesText(n: number): string {
	return n >= 1024 ** 3
		? m.impmsg_bytes_gb({ n: numberText(n / 1024 ** 3) })
		: m.impmsg_bytes_mb({ n: numberText(n / 1024 ** 2) });
}
