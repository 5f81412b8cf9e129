/**
 * The RBB report as tables: what the CSV and the workbook hold, one table per section (the
 * summary, then one per objective). Pure, so both downloads carry the same cells and the same
 * numbers as the page. Words are in the current language: the files are written inside the
 * report's (`inLocale(report.locale, …)`); column keys and codes never change with it.
 */
import type { RbbIndicatorRow, RbbReport } from '../domain/rbb-report';
import type { Measure } from '../domain/vocabulary';
import { m } from '../paraglide/messages.js';
import { STATUS_LABEL, stageName } from './index';
import { dayText } from './report-dates';
import { statusReasonText } from './status-text';
import { planValueText, resourceLineName } from './rbb-parts';
import type { RbbOutput } from '../domain/rbb-report';

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
	/** The sheet's name: `Summary` (in the report's language) or the objective's code. */
	name: string;
	title: string;
	columns: RbbColumn[];
	rows: TableCell[][];
	/** The measure of each row, for number formats (null: not a figure row). */
	measures: (Measure | null)[];
}

/** The summary's columns; headers are for people, in the current language. */
export function summaryColumns(): RbbColumn[] {
	return [
		{ key: 'item', header: m.rep_tab_item(), width: 28 },
		{ key: 'value', header: m.rep_tab_value(), width: 100 }
	];
}

/**
 * An objective's columns. The keys are the CSV's header (codes, the same in every language);
 * the headers are the workbook's, for people.
 */
export function objectiveColumns(): RbbColumn[] {
	return [
		{ key: 'part', header: m.rep_tab_part(), width: 24 },
		{ key: 'result_code', header: m.rep_tab_result_code(), width: 12 },
		{ key: 'result', header: m.rep_tab_result(), width: 40 },
		{ key: 'indicator_code', header: m.rep_tab_indicator_code(), width: 14 },
		{ key: 'indicator', header: m.rep_col_indicator(), width: 60 },
		{ key: 'unit', header: m.rep_col_unit(), width: 14 },
		{ key: 'baseline', header: m.rep_col_baseline(), width: 12, numeric: true },
		{ key: 'baseline_period', header: m.rep_tab_baseline_period(), width: 14 },
		{ key: 'planned', header: m.rep_col_planned(), width: 12, numeric: true },
		{ key: 'actual', header: m.rep_col_actual(), width: 12, numeric: true },
		{ key: 'status', header: m.rep_col_status(), width: 12 },
		{ key: 'status_explanation', header: m.rep_tab_status_explained(), width: 44 },
		{ key: 'explanation', header: m.rep_tab_explanation(), width: 60 }
	];
}

/** The unit a figure is read in: the measure's, or the indicator's own. */
export function unitOf(measure: Measure, unit: string | null): string {
	if (measure === 'percent') return '%';
	if (measure === 'per_100k') return m.rep_unit_per_100k();
	return unit ?? '';
}

/** A figure as the files hold it: a number, or a milestone's stage name. */
function cell(r: RbbIndicatorRow, value: number | null): TableCell {
	return r.measure === 'milestone' && value !== null ? stageName(value, r.stageNames) : value;
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
		cell(r, r.baselineValue),
		r.baselinePeriod,
		cell(r, r.planned),
		cell(r, r.actual),
		r.partial
			? m.rep_tab_year_not_complete({ status: STATUS_LABEL[r.status] })
			: STATUS_LABEL[r.status],
		statusReasonText(r.statusReason),
		explanation
	];
}

export function rbbTables(report: RbbReport): RbbTable[] {
	const summary: TableCell[][] = [
		[m.rep_tab_budget_year(), report.year.label],
		[m.rep_tab_from(), report.year.start],
		[m.rep_tab_to(), report.year.end],
		[m.rep_col_status(), statusWords(report)],
		[m.rep_tab_language(), m.rep_tab_language_name()],
		[m.rep_rbb_summary(), report.summary]
	];
	for (const o of report.objectives) {
		summary.push([m.rep_tab_narrative_of({ code: o.code }), o.narrative]);
	}
	if (report.changedSinceIssue.length > 0) {
		summary.push([m.rep_tab_changed_since(), report.changedSinceIssue.join(', ')]);
	}
	if (report.notInIssued.length > 0) {
		summary.push([m.rep_tab_not_in_issued(), report.notInIssued.join(', ')]);
	}
	const columns = objectiveColumns();
	const achievement = m.rep_tab_part_achievement();
	const output = m.rep_tab_part_output();
	const tables: RbbTable[] = [
		{
			name: m.rep_tab_summary_sheet(),
			title: m.rep_rbb_title({ year: report.year.label }),
			columns: summaryColumns(),
			rows: summary,
			measures: summary.map(() => null)
		}
	];
	for (const o of report.objectives) {
		const rows: TableCell[][] = [];
		const measures: (Measure | null)[] = [];
		for (const r of o.achievements) {
			rows.push(
				figureRow(achievement, r, { code: r.resultCode, title: r.resultTitle }, r.variance)
			);
			measures.push(r.measure);
		}
		for (const out of o.outputs) {
			if (out.plan) {
				rows.push(planRow(out));
				measures.push(null);
			}
		}
		for (const out of o.outputs) {
			if (out.indicators.length === 0) {
				rows.push([output, out.code, out.title, ...Array(9).fill(null), out.remarks]);
				measures.push(null);
			}
			for (const r of out.indicators) {
				const explanation = [out.remarks, r.variance].filter(Boolean).join(' ');
				rows.push(figureRow(output, r, out, explanation));
				measures.push(r.measure);
			}
		}
		tables.push({ name: o.code, title: o.title, columns, rows, measures });
	}
	if (report.resources.rows.length > 0) tables.push(resourcesTable(report));
	return tables;
}

/**
 * A planned output as a row of its objective's table: planned and completed in the planned and
 * actual columns, as numbers, or Yes/No for a deliverable; the remarks as its explanation.
 */
function planRow(out: RbbOutput): TableCell[] {
	const plan = out.plan!;
	const value = (n: number | null) =>
		plan.kind === 'deliverable' ? planValueText(plan, n) || null : n;
	return [
		m.rbp_part_planned_output(),
		out.code,
		out.title,
		null,
		null,
		plan.kind === 'deliverable' ? m.rbp_unit_deliverable() : null,
		null,
		null,
		value(plan.planned),
		value(plan.completed),
		plan.completed === null ? m.rbp_not_reported() : plan.underPlan ? m.rbp_under_plan() : null,
		null,
		plan.remarks
	];
}

/** The resources' columns: keys are the CSV's extra columns, headers the workbook's. */
export function resourceColumns(): RbbColumn[] {
	return [
		{ key: 'line', header: m.rbp_col_line(), width: 36 },
		{ key: 'category', header: m.rbp_col_category(), width: 28 },
		{ key: 'apportionment', header: m.rbp_col_apportionment(), width: 16, numeric: true },
		{ key: 'expenditure', header: m.rbp_col_expenditure(), width: 16, numeric: true },
		{ key: 'variance', header: m.rbp_col_variance(), width: 16, numeric: true },
		{ key: 'variance_percent', header: m.rbp_col_variance_percent(), width: 12, numeric: true },
		{ key: 'explanation_required', header: m.rbp_explanation_required(), width: 14 },
		{ key: 'explanation', header: m.rbp_col_explanation(), width: 60 }
	];
}

/** The resources sheet: a line per component or expected accomplishment, then the totals. */
function resourcesTable(report: RbbReport): RbbTable {
	const { rows: lines, totals } = report.resources;
	const rows: TableCell[][] = lines.map((r) => [
		resourceLineName(r),
		r.category || null,
		r.apportionment,
		r.expenditure,
		r.variance.amount,
		r.variance.percent,
		r.explanationRequired ? m.rbp_yes() : m.rbp_no(),
		r.explanation
	]);
	if (totals) {
		rows.push([
			m.rbp_total(),
			null,
			totals.apportionment,
			totals.expenditure,
			totals.variance.amount,
			totals.variance.percent,
			null,
			null
		]);
	}
	return {
		name: m.rbp_resources(),
		title: m.rbp_resources_table(),
		columns: resourceColumns(),
		rows,
		measures: rows.map(() => 'number' as const)
	};
}

/** "Draft", "Issued on 2025-07-31 by spu-user", "Draft (not started)", in the current language. */
export function statusWords(report: Pick<RbbReport, 'status' | 'issuedAt' | 'issuedBy'>): string {
	if (report.status === 'issued') {
		const date = report.issuedAt ? dayText(report.issuedAt) : null;
		const user = report.issuedBy;
		if (date && user) return m.rep_rbb_issued_on_by({ date, user });
		if (date) return m.rep_rbb_issued_on({ date });
		return user ? m.rep_rbb_issued_by({ user }) : m.rep_rbb_issued();
	}
	return report.status === 'draft' ? m.rep_rbb_draft() : m.rep_rbb_not_started_draft();
}

/**
 * The report as one CSV table: every objective's rows with the objective's code in front, and
 * the narratives as rows of their own, so nothing of the report is left out of the file.
 */
export function rbbCsvRows(report: RbbReport): { fields: string[]; rows: TableCell[][] } {
	const columns = objectiveColumns();
	// the resources' numbers in columns of their own, after the objectives' (blank on other rows)
	const money = [
		'apportionment',
		'expenditure',
		'variance',
		'variance_percent',
		'explanation_required'
	];
	const fields = ['objective_code', ...columns.map((c) => c.key), ...money];
	const blank = columns.map(() => null);
	const noMoney = money.map(() => null);
	const text = (part: string, code: string, title: string, words: string): TableCell[] => {
		const row: TableCell[] = [...blank];
		row[0] = part;
		row[1] = code;
		row[2] = title;
		row[row.length - 1] = words;
		return row;
	};
	const rows: TableCell[][] = [
		[
			null,
			...text(m.rep_rbb_summary(), report.year.label, statusWords(report), report.summary),
			...noMoney
		]
	];
	const tables = rbbTables(report).slice(1, report.objectives.length + 1);
	for (const table of tables) {
		const objective = report.objectives.find((o) => o.code === table.name)!;
		rows.push([
			objective.code,
			...text(m.rep_rbb_narrative(), objective.code, objective.title, objective.narrative),
			...noMoney
		]);
		for (const row of table.rows) rows.push([objective.code, ...row, ...noMoney]);
	}
	const part = m.rbp_resources();
	for (const r of report.resources.rows) {
		const name = r.category ? `${resourceLineName(r)} · ${r.category}` : resourceLineName(r);
		const row = text(part, r.objective ?? r.component ?? '', name, r.explanation ?? '');
		row[5] = 'USD';
		rows.push([
			r.objective,
			...row,
			r.apportionment,
			r.expenditure,
			r.variance.amount,
			r.variance.percent,
			r.explanationRequired ? 'yes' : 'no'
		]);
	}
	const totals = report.resources.totals;
	if (totals) {
		const row = text(part, '', m.rbp_total(), '');
		row[5] = 'USD';
		rows.push([
			null,
			...row,
			totals.apportionment,
			totals.expenditure,
			totals.variance.amount,
			totals.variance.percent,
			null
		]);
	}
	return { fields, rows };
}
