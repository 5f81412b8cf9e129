import ExcelJS from 'exceljs';

/**
 * Excel workbooks (.xlsx), read with ExcelJS: the names of their sheets, and a sheet's rows as
 * the text a planner sees in its cells, so a workbook goes through the same reading and
 * checking as a CSV file.
 */
export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(path);
	return workbook;
}

export function sheetNames(workbook: ExcelJS.Workbook): string[] {
	return workbook.worksheets.map((w) => w.name);
}

/** Every row of the sheet from the first, blank ones included (they count as lines). */
export function* sheetRows(workbook: ExcelJS.Workbook, name: string): Generator<string[]> {
	const sheet = workbook.getWorksheet(name);
	if (!sheet) return;
	const width = sheet.columnCount;
	for (let r = 1; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		const cells = new Array<string>(width);
		for (let c = 1; c <= width; c++) cells[c - 1] = cellText(row.getCell(c));
		yield cells;
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
		if ('result' in value) {
			const result = value.result;
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
