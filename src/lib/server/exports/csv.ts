import Papa from 'papaparse';
import { tagRow, type HxlTable } from '../../domain/hxl';
import { neutraliseFormula } from '../../domain/spreadsheet-text';

export type Cell = string | number | null | undefined;

/**
 * A number as the importer reads it back: plain decimal, never an exponent (String(1e-7) is
 * "1e-7", which no spreadsheet and no import accepts).
 */
export function plainNumber(n: number): string {
	const text = String(n);
	if (!/e/i.test(text)) return text;
	return n.toFixed(20).replace(/\.?0+$/, '');
}

/** Text that a spreadsheet would run as a formula is marked as text (the importer unmarks it). */
function cell(value: Cell): string {
	if (value === null || value === undefined) return '';
	return typeof value === 'number' ? plainNumber(value) : neutraliseFormula(value);
}

export interface CsvOptions {
	/**
	 * Adds the HXL hashtag row of this table under the header (docs/formats.md "HXL"): every
	 * CSV export and download can, so the file loads into HDX tools as it is. The importer
	 * reads the row as tags, not data, so the file still imports back unchanged.
	 */
	hxl?: HxlTable | null;
	blockSize?: number;
}

/** CSV text, a block of rows at a time, so a large export is never held whole. */
export function* csvChunks(
	fields: readonly string[],
	rows: Iterable<readonly Cell[]>,
	{ hxl = null, blockSize = 5000 }: CsvOptions = {}
): Generator<string> {
	const unparse = (data: string[][], header: boolean) =>
		Papa.unparse({ fields: [...fields], data }, { header, newline: '\n' });
	yield unparse([], true).replace(/\r?\n$/, '') + '\n';
	// hashtags are never formulas: written as they are
	if (hxl) yield unparse([tagRow(hxl, fields)], false) + '\n';
	let block: string[][] = [];
	for (const row of rows) {
		block.push(row.map(cell));
		if (block.length === blockSize) {
			yield unparse(block, false) + '\n';
			block = [];
		}
	}
	if (block.length > 0) yield unparse(block, false) + '\n';
}
