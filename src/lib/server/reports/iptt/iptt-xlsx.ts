import ExcelJS from 'exceljs';
import { spreadsheetCell } from '../../../domain/spreadsheet-text';
import { m } from '../../../paraglide/messages.js';
import type { Iptt } from './iptt';
import { ipttFixedColumns, ipttRows } from './iptt-table';

/**
 * The IPTT as a workbook: one row per indicator, three columns per period (target, actual,
 * % met). Numbers stay numbers, so the SPU can compute with them; an empty cell is no figure.
 * Text a spreadsheet would run as a formula is marked as text (docs/security.md). Headers are
 * in the current language (the caller's `inLocale`); codes (category, direction) stay codes.
 */
export async function ipttWorkbook(iptt: Iptt, title: string): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.creator = 'CPAS';
	const sheet = book.addWorksheet('IPTT', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
	const fixed = ipttFixedColumns().map((c) => c.header);
	const top = [...fixed.map(() => ''), ...iptt.periods.flatMap((p) => [p, '', ''])];
	top[0] = title;
	sheet.addRow(top.map(spreadsheetCell));
	const perPeriod = [m.rep_col_target(), m.rep_col_actual(), m.rep_iptt_met()];
	sheet.addRow([...fixed, ...iptt.periods.flatMap(() => perPeriod)]);
	sheet.getRow(2).font = { bold: true };
	iptt.periods.forEach((_, i) => {
		const first = fixed.length + 1 + 3 * i;
		sheet.mergeCells(1, first, 1, first + 2);
	});
	for (const cells of ipttRows(iptt)) sheet.addRow(cells.map(spreadsheetCell));
	sheet.getColumn(3).width = 60;
	iptt.periods.forEach((_, i) => {
		const pct = sheet.getColumn(fixed.length + 3 + 3 * i);
		pct.numFmt = '0.0';
	});
	return Buffer.from(await book.xlsx.writeBuffer());
}
