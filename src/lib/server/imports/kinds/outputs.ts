import { eq } from 'drizzle-orm';
import { parseBudgetYear } from '../../../domain/budget-year';
import { OUTPUT_COLUMNS } from '../../../domain/columns';
import {
	completedProblem,
	quantityProblem,
	yesNo,
	type OutputKind,
	type OutputPlanValues
} from '../../../domain/output-plans';
import { m } from '../../../paraglide/messages.js';
import { DB_NOW } from '../../clock';
import { outputPlans, results } from '../../db/schema';
import { parseNumber, type Delimiter } from '../numbers';
import { RowReader, numberRefusal } from '../row-reader';
import {
	conflictingRows,
	requireColumns,
	unchangedBy,
	warnUnknownColumns,
	type KindImport
} from './context';

/** A plan as one row gives it; undefined: the column is absent (the stored value stays). */
interface PlanRow extends OutputPlanValues {
	line: number;
	resultId: number;
	budgetYear: string;
	completedGiven: boolean;
	remarks: string | null | undefined;
	remarksFr: string | null | undefined;
}

type StoredPlan = typeof outputPlans.$inferSelect;

/**
 * Imports planned outputs (docs/formats.md "Outputs"): one row per output node and budget year;
 * a new pair adds a plan, a known one is updated. Rows naming an unknown code, a node that is
 * not an output, a bad year, a negative number or a deliverable completed with a number refuse
 * the whole file. Plans a file does not name stay as they are.
 */
export function importOutputs(ctx: KindImport): void {
	const { report } = ctx;
	if (!requireColumns(ctx, ['result_code', 'budget_year', 'planned'])) return;
	warnUnknownColumns(ctx, new Set<string>(OUTPUT_COLUMNS));
	const rows = readRows(ctx);
	if (report.errors.length > 0) return;
	const stored = new Map(
		ctx.db
			.select()
			.from(outputPlans)
			.all()
			.map((p) => [`${p.resultId}|${p.budgetYear}`, p])
	);
	for (const row of rows) writePlan(ctx, row, stored.get(`${row.resultId}|${row.budgetYear}`));
}

function readRows(ctx: KindImport): PlanRow[] {
	const { report, table } = ctx;
	const nodes = new Map(
		ctx.db
			.select({ id: results.id, code: results.code, level: results.level })
			.from(results)
			.all()
			.map((n) => [n.code, n])
	);
	const rows: PlanRow[] = [];
	const seen = new Map<string, { line: number; cells: string }>();
	const reportedLines = new Set<number>();
	for (const record of table.records) {
		report.rows++;
		const r = new RowReader(record, report, table);
		const code = r.required('result_code');
		const node = code ? nodes.get(code) : undefined;
		if (code && !node) r.error('result_code', code, m.rbp_output_unknown_code({ code }));
		else if (code && node && node.level !== 'output') {
			r.error('result_code', code, m.rbp_output_not_output({ code, level: node.level }));
		}
		const yearText = r.required('budget_year');
		let budgetYear: string | null = null;
		if (yearText) {
			const parsed = parseBudgetYear(yearText);
			if (parsed.ok) budgetYear = parsed.year.label;
			else r.error('budget_year', yearText, parsed.message);
		}
		const plannedText = r.required('planned');
		const planned = plannedText ? readPlanned(r, table.delimiter, plannedText) : null;
		const completed = planned ? readCompleted(r, table.delimiter, planned.kind) : null;
		const remarks = r.text('remarks');
		const remarksFr = r.text('remarks_fr');
		if (report.errors.some((e) => e.line === r.line)) continue;
		if (!node || !budgetYear || !planned) continue;

		const key = `${code}|${budgetYear}`;
		const cells = JSON.stringify(record.values);
		const earlier = seen.get(key);
		if (earlier) {
			if (earlier.cells !== cells) {
				conflictingRows(
					report,
					reportedLines,
					m.rbp_output_subject({ code: code!, year: budgetYear }),
					{ line: r.line, column: 'result_code', value: code! },
					{ line: earlier.line, value: code! }
				);
			}
			continue;
		}
		seen.set(key, { line: r.line, cells });
		rows.push({
			line: r.line,
			resultId: node.id,
			budgetYear,
			kind: planned.kind,
			planned: planned.value,
			completed: completed ?? null,
			completedGiven: completed !== undefined,
			remarks,
			remarksFr
		});
	}
	return rows;
}

/** A planned cell: yes/no makes a deliverable, a number of 0 or more a quantity. */
function readPlanned(
	r: RowReader,
	delimiter: Delimiter,
	text: string
): { kind: OutputKind; value: number } | null {
	const word = yesNo(text);
	if (word !== null) return { kind: 'deliverable', value: word ? 1 : 0 };
	const n = readQuantity(r, delimiter, 'planned', text, true);
	return n === null ? null : { kind: 'quantity', value: n };
}

/** A completed cell as the plan's kind wants it; null when blank, undefined when absent. */
function readCompleted(
	r: RowReader,
	delimiter: Delimiter,
	kind: OutputKind
): number | null | undefined {
	const text = r.text('completed');
	if (text == null) return text;
	const word = yesNo(text);
	const problem = completedProblem(kind, text, word);
	if (problem) {
		r.error('completed', text, problem);
		return null;
	}
	if (word !== null) return word ? 1 : 0;
	return readQuantity(r, delimiter, 'completed', text, false);
}

function readQuantity(
	r: RowReader,
	delimiter: Delimiter,
	column: string,
	text: string,
	planned: boolean
): number | null {
	const parsed = parseNumber(text, delimiter);
	if (!parsed.ok) {
		r.error(
			column,
			text,
			planned
				? m.rbp_output_planned_refused({ value: text, reason: parsed.message })
				: numberRefusal(text, parsed.message)
		);
		return null;
	}
	const problem = quantityProblem(text, parsed.value);
	if (problem) {
		r.error(column, text, problem);
		return null;
	}
	return parsed.value;
}

function writePlan(ctx: KindImport, row: PlanRow, before: StoredPlan | undefined): void {
	const { db, report, batchId, actor } = ctx;
	const next = {
		kind: row.kind,
		planned: row.planned,
		// a kind that changes drops a completed value of the other kind
		completed: row.completedGiven
			? row.completed
			: before?.kind === row.kind
				? before.completed
				: null,
		remarks: row.remarks === undefined ? (before?.remarks ?? null) : row.remarks,
		remarksFr: row.remarksFr === undefined ? (before?.remarksFr ?? null) : row.remarksFr
	};
	if (!before) {
		db.insert(outputPlans)
			.values({
				resultId: row.resultId,
				budgetYear: row.budgetYear,
				...next,
				changedBy: actor.username,
				batchId
			})
			.run();
		report.inserted++;
		return;
	}
	if (unchangedBy(before, next)) {
		report.unchanged++;
		return;
	}
	db.update(outputPlans)
		.set({ ...next, changedBy: actor.username, changedAt: DB_NOW, batchId })
		.where(eq(outputPlans.id, before.id))
		.run();
	report.updated++;
}
