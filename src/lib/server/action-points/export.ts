/**
 * Action points in the `actions` import format (docs/formats.md "Action points"): the
 * tracker's filtered list and `cpas export actions`. Each row carries its reference, so
 * importing the export again updates rather than duplicates. Links to restricted indicators
 * are left out for an uncleared reader, as on the pages; importing such an export keeps them
 * (action-points/store.ts).
 */
import ExcelJS from 'exceljs';
import { ACTION_COLUMNS, type ActionColumn } from '../../domain/columns';
import { spreadsheetCell } from '../../domain/spreadsheet-text';
import { csvChunks, type CsvOptions } from '../exports/csv';
import type { TrackedActionPoint } from './list';

function cells(p: TrackedActionPoint): string[] {
	const row: Record<ActionColumn, string> = {
		reference: p.reference,
		origin: p.origin,
		origin_reference: p.originReference ?? '',
		cycle: p.cycle ?? '',
		decision: p.decision,
		owner: p.owner,
		area_code: p.area?.code ?? '',
		deadline: p.deadline,
		status: p.status,
		drop_reason: p.status === 'dropped' ? (p.dropReason ?? '') : '',
		result_codes: p.links
			.filter((l) => l.kind === 'result')
			.map((l) => l.code)
			.join(';'),
		indicator_codes: p.links
			.filter((l) => l.kind === 'indicator')
			.map((l) => l.code)
			.join(';')
	};
	return ACTION_COLUMNS.map((c) => row[c]);
}

export function actionPointsCsv(
	points: readonly TrackedActionPoint[],
	csv: CsvOptions = {}
): Generator<string> {
	return csvChunks(ACTION_COLUMNS, points.map(cells), csv);
}

/** The same rows as a workbook, one sheet, columns named as the file's. */
export async function actionPointsWorkbook(points: readonly TrackedActionPoint[]): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.creator = 'CPAS';
	const sheet = book.addWorksheet('actions', { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.addRow([...ACTION_COLUMNS]);
	sheet.getRow(1).font = { bold: true };
	for (const p of points) sheet.addRow(cells(p).map(spreadsheetCell));
	sheet.getColumn(ACTION_COLUMNS.indexOf('decision') + 1).width = 60;
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** The minutes template: the header and one example row a secretary overwrites. */
export function actionTemplateCsv(): string {
	const example: Record<ActionColumn, string> = {
		reference: '',
		origin: 'jpt_mission',
		origin_reference: 'JPT Bambari, 12 March 2026',
		cycle: '',
		decision: 'Set up a community alert network in the three villages visited',
		owner: 'Civil Affairs',
		area_code: '',
		deadline: '2026-04-30',
		status: 'open',
		drop_reason: '',
		result_codes: '',
		indicator_codes: ''
	};
	return [...csvChunks(ACTION_COLUMNS, [ACTION_COLUMNS.map((c) => example[c])])].join('');
}
