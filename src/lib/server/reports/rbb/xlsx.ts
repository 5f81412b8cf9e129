import ExcelJS from 'exceljs';
import type { RbbReport } from '../../../domain/rbb-report';
import { rbbTables } from '../../../format/rbb-tables';
import { spreadsheetCell } from '../../../domain/spreadsheet-text';
import type { Measure } from '../../../domain/vocabulary';
import { m } from '../../../paraglide/messages.js';
import { inLocale } from '../../i18n/request-locale';

/** Whole numbers for counts; one decimal for averages (days); two for the rest. */
const NUMBER_FORMAT: Record<Measure, string> = {
	count: '#,##0',
	number: '#,##0.00',
	percent: '0.00',
	per_100k: '0.00',
	average: '#,##0.0',
	// a milestone's cells are its stage names (text); the format is for a stray position
	milestone: '0'
};

/**
 * The report as a workbook: a sheet per section (the summary, then one per objective), each
 * with one header row, figures as numbers, and widths that fit the columns; text a spreadsheet
 * would run as a formula is marked as text (docs/security.md). Sheet names, headers and words
 * are in the report's language; number formats are Excel's, shown in the reader's own.
 */
export async function rbbWorkbook(report: RbbReport): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'CPAS';
	const { title, tables } = inLocale(report.locale, () => ({
		title: m.rep_rbb_title({ year: report.year.label }),
		tables: rbbTables(report)
	}));
	workbook.title = title;
	for (const table of tables) {
		const sheet = workbook.addWorksheet(table.name, {
			views: [{ state: 'frozen', ySplit: 1 }],
			pageSetup: {
				paperSize: 9,
				orientation: 'landscape',
				fitToPage: true,
				fitToWidth: 1,
				fitToHeight: 0
			}
		});
		sheet.columns = table.columns.map((c) => ({ key: c.key, header: c.header, width: c.width }));
		sheet.getRow(1).font = { bold: true };
		table.rows.forEach((cells, i) => {
			const row = sheet.addRow(cells.map(spreadsheetCell));
			row.alignment = { vertical: 'top', wrapText: true };
			const measure = table.measures[i];
			if (!measure) return;
			table.columns.forEach((c, j) => {
				if (c.numeric) row.getCell(j + 1).numFmt = NUMBER_FORMAT[measure];
			});
		});
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
