/**
 * Text that a spreadsheet would run as a formula when it opens a CSV file (`=`, `+`, `-`, `@`,
 * or a tab or carriage return hiding one) is written with a leading `'`, the spreadsheet's own
 * mark for "this is text". Leading quotes count too (`'=x` is written `''=x`), so that the
 * importer can take exactly one quote off again and every value survives the round trip.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A number as written (`-5`, `-0.25`, `+3`, `1e3`): a spreadsheet reads it as a number. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A cell for a CSV file or a workbook: only text is neutralised; numbers stay numbers. */
export function spreadsheetCell<T>(value: T): T | string {
	return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/**
 * The importer's inverse of neutraliseFormula: one leading `'` is taken off a cell whose rest
 * would have been neutralised (a spreadsheet's text mark, not part of the value).
 */
export function restoreFormulaText(text: string): string {
	return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
