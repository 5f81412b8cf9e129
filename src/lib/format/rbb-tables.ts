/**
 * The RBB report as tables: what the CSV and the workbook hold, one table per section (the
 * summary, then one per objective). Pure, so both downloads carry the same cells and the same
 * numbers as the page.
 */
import type { RbbIndicatorRow, RbbReport } from '../domain/rbb-report';
import type { Measure } from '../domain/vocabulary';
import { STATUS_LABEL } from './index';
import { statusReasonText } from './status-text';

export type TableCell = string | number | null;

export interface RbbColumn {
	key: string;
	header: string;
	/** Characters, for the workbook's column width. */
	width: number;
	/** A number column: the cells are numbers, formatted by the row's measure. */
	numeric?: boolean;
}

export interface RbbTable {
	/** The sheet's name: `Summary` or the objective's code. */
	name: string;
	title: string;
	columns: RbbColumn[];
	rows: TableCell[][];
	/** The measure of each row, for number formats (null: not a figure row). */
	measures: (Measure | null)[];
}

export const SUMMARY_COLUMNS: RbbColumn[] = [
	{ key: 'item', header: 'Item', width: 28 },
	{ key: 'value', header: 'Value', width: 100 }
];

export const OBJECTIVE_COLUMNS: RbbColumn[] = [
	{ key: 'part', header: 'Part', width: 24 },
	{ key: 'result_code', header: 'Result code', width: 12 },
	{ key: 'result', header: 'Result', width: 40 },
	{ key: 'indicator_code', header: 'Indicator code', width: 14 },
	{ key: 'indicator', header: 'Indicator', width: 60 },
	{ key: 'unit', header: 'Unit', width: 14 },
	{ key: 'baseline', header: 'Baseline', width: 12, numeric: true },
	{ key: 'baseline_period', header: 'Baseline period', width: 14 },
	{ key: 'planned', header: 'Planned', width: 12, numeric: true },
	{ key: 'actual', header: 'Actual', width: 12, numeric: true },
	{ key: 'status', header: 'Status', width: 12 },
	{ key: 'status_explanation', header: 'Status explained', width: 44 },
	{ key: 'explanation', header: 'Variance explanation / remarks', width: 60 }
];

const PART_ACHIEVEMENT = 'Indicator of achievement';
const PART_OUTPUT = 'Output';

/** The unit a figure is read in: the measure's, or the indicator's own. */
export function unitOf(measure: Measure, unit: string | null): string {
	if (measure === 'percent') return '%';
	if (measure === 'per_100k') return 'per 100,000';
	return unit ?? '';
}

function figureRow(
	part: string,
	r: RbbIndicatorRow,
	result: { code: string; title: string },
	explanation: string
): TableCell[] {
	return [
		part,
		result.code,
		result.title,
		r.code,
		r.title,
		unitOf(r.measure, r.unit),
		r.baselineValue,
		r.baselinePeriod,
		r.planned,
		r.actual,
		STATUS_LABEL[r.status] + (r.partial ? ' (year not complete)' : ''),
		statusReasonText(r.statusReason),
		explanation
	];
}

export function rbbTables(report: RbbReport): RbbTable[] {
	const summary: TableCell[][] = [
		['Budget year', report.year.label],
		['From', report.year.start],
		['To', report.year.end],
		['Status', statusWords(report)],
		['Summary', report.summary]
	];
	for (const o of report.objectives) summary.push([`Narrative ${o.code}`, o.narrative]);
	if (report.changedSinceIssue.length > 0) {
		summary.push(['Changed since issued', report.changedSinceIssue.join(', ')]);
	}
	if (report.notInIssued.length > 0) {
		summary.push(['Not in the issued report', report.notInIssued.join(', ')]);
	}
	const tables: RbbTable[] = [
		{
			name: 'Summary',
			title: `RBB performance report ${report.year.label}`,
			columns: SUMMARY_COLUMNS,
			rows: summary,
			measures: summary.map(() => null)
		}
	];
	for (const o of report.objectives) {
		const rows: TableCell[][] = [];
		const measures: (Measure | null)[] = [];
		for (const r of o.achievements) {
			rows.push(
				figureRow(PART_ACHIEVEMENT, r, { code: r.resultCode, title: r.resultTitle }, r.variance)
			);
			measures.push(r.measure);
		}
		for (const out of o.outputs) {
			if (out.indicators.length === 0) {
				rows.push([PART_OUTPUT, out.code, out.title, ...Array(9).fill(null), out.remarks]);
				measures.push(null);
			}
			for (const r of out.indicators) {
				const explanation = [out.remarks, r.variance].filter(Boolean).join(' ');
				rows.push(figureRow(PART_OUTPUT, r, out, explanation));
				measures.push(r.measure);
			}
		}
		tables.push({ name: o.code, title: o.title, columns: OBJECTIVE_COLUMNS, rows, measures });
	}
	return tables;
}

/** "Draft", "Issued 2025-07-31 by spu-user", "Not started". */
export function statusWords(report: Pick<RbbReport, 'status' | 'issuedAt' | 'issuedBy'>): string {
	if (report.status === 'issued') {
		const on = report.issuedAt ? ` on ${report.issuedAt.slice(0, 10)}` : '';
		return `Issued${on}${report.issuedBy ? ` by ${report.issuedBy}` : ''}`;
	}
	return report.status === 'draft' ? 'Draft' : 'Draft (not started)';
}

/**
 * The report as one CSV table: every objective's rows with the objective's code in front, and
 * the narratives as rows of their own, so nothing of the report is left out of the file.
 */
export function rbbCsvRows(report: RbbReport): { fields: string[]; rows: TableCell[][] } {
	const fields = ['objective_code', ...OBJECTIVE_COLUMNS.map((c) => c.key)];
	const blank = OBJECTIVE_COLUMNS.map(() => null);
	const text = (part: string, code: string, title: string, words: string): TableCell[] => {
		const row: TableCell[] = [...blank];
		row[0] = part;
		row[1] = code;
		row[2] = title;
		row[row.length - 1] = words;
		return row;
	};
	const rows: TableCell[][] = [
		[null, ...text('Summary', report.year.label, statusWords(report), report.summary)]
	];
	for (const table of rbbTables(report).slice(1)) {
		const objective = report.objectives.find((o) => o.code === table.name)!;
		rows.push([
			objective.code,
			...text('Narrative', objective.code, objective.title, objective.narrative)
		]);
		for (const row of table.rows) rows.push([objective.code, ...row]);
	}
	return { fields, rows };
}
