import { eq } from 'drizzle-orm';
import { parseBudgetYear } from '../../../domain/budget-year';
import { RESOURCE_COLUMNS } from '../../../domain/columns';
import { dollarText } from '../../../domain/resources';
import { m } from '../../../paraglide/messages.js';
import { DB_NOW } from '../../clock';
import { resourceLines, results } from '../../db/schema';
import { parseNumber } from '../numbers';
import { RowReader, numberRefusal } from '../row-reader';
import {
	conflictingRows,
	requireColumns,
	unchangedBy,
	warnUnknownColumns,
	type KindImport
} from './context';

interface LineRow {
	line: number;
	budgetYear: string;
	component: string | null;
	resultId: number | null;
	category: string;
	apportionment: number;
	expenditure: number;
	/** undefined: the column is absent (the stored explanation stays); null: blank (cleared) */
	explanation: string | null | undefined;
}

type StoredLine = typeof resourceLines.$inferSelect;

const keyOf = (l: Pick<LineRow, 'budgetYear' | 'component' | 'resultId' | 'category'>) =>
	`${l.budgetYear}|${l.component ?? ''}|${l.resultId ?? 0}|${l.category}`;

/**
 * Imports the finance office's resources (docs/formats.md "Resources"): one row per budget
 * year, component or expected accomplishment, and cost category; a new line is added, a known
 * one updated. Amounts are US dollars by the contract's number rules. Lines a file does not
 * name stay as they are.
 */
export function importResources(ctx: KindImport): void {
	const { report } = ctx;
	if (!requireColumns(ctx, ['budget_year', 'apportionment', 'expenditure'])) return;
	if (!ctx.table.headers.includes('component') && !ctx.table.headers.includes('result_code')) {
		requireColumns(ctx, ['result_code']);
		return;
	}
	warnUnknownColumns(ctx, new Set<string>(RESOURCE_COLUMNS));
	const rows = readRows(ctx);
	if (report.errors.length > 0) return;
	const stored = new Map(
		ctx.db
			.select()
			.from(resourceLines)
			.all()
			.map((l) => [keyOf(l), l])
	);
	for (const row of rows) writeLine(ctx, row, stored.get(keyOf(row)));
}

function readRows(ctx: KindImport): LineRow[] {
	const { report, table } = ctx;
	const nodes = new Map(
		ctx.db
			.select({ id: results.id, code: results.code, level: results.level })
			.from(results)
			.all()
			.map((n) => [n.code, n])
	);
	const rows: LineRow[] = [];
	const seen = new Map<string, { line: number; cells: string }>();
	const reportedLines = new Set<number>();
	for (const record of table.records) {
		report.rows++;
		const r = new RowReader(record, report, table);
		const yearText = r.required('budget_year');
		let budgetYear: string | null = null;
		if (yearText) {
			const parsed = parseBudgetYear(yearText);
			if (parsed.ok) budgetYear = parsed.year.label;
			else r.error('budget_year', yearText, parsed.message);
		}
		const component = r.text('component') ?? null;
		const code = r.text('result_code') ?? null;
		let resultId: number | null = null;
		if (component !== null && code !== null) {
			r.error('result_code', code, m.rbp_resource_both({ component, code }));
		} else if (component === null && code === null) {
			r.error('component', '', m.rbp_resource_neither());
		} else if (code !== null) {
			const node = nodes.get(code);
			if (!node) r.error('result_code', code, m.rbp_output_unknown_code({ code }));
			else if (node.level !== 'objective') {
				r.error('result_code', code, m.rbp_resource_not_objective({ code, level: node.level }));
			} else resultId = node.id;
		}
		const category = r.text('category') ?? '';
		const apportionment = readAmount(r, table.delimiter, 'apportionment');
		const expenditure = readAmount(r, table.delimiter, 'expenditure');
		const explanation = r.text('explanation');
		if (report.errors.some((e) => e.line === r.line)) continue;
		if (!budgetYear || apportionment === null || expenditure === null) continue;

		const row: LineRow = {
			line: r.line,
			budgetYear,
			component,
			resultId,
			category,
			apportionment,
			expenditure,
			explanation
		};
		const key = keyOf(row);
		const cells = JSON.stringify(record.values);
		const earlier = seen.get(key);
		const subject = component ?? code!;
		if (earlier) {
			if (earlier.cells !== cells) {
				conflictingRows(
					report,
					reportedLines,
					m.rbp_resource_subject({ subject, year: budgetYear }),
					{ line: r.line, column: component ? 'component' : 'result_code', value: subject },
					{ line: earlier.line, value: subject }
				);
			}
			continue;
		}
		seen.set(key, { line: r.line, cells });
		rows.push(row);
	}
	return rows;
}

/** An amount in US dollars, 0 or more; null (reported) when it is not one. */
function readAmount(
	r: RowReader,
	delimiter: Parameters<typeof parseNumber>[1],
	column: 'apportionment' | 'expenditure'
): number | null {
	const value = r.required(column);
	if (value === null) return null;
	const dollars = dollarText(value);
	if (!dollars.ok) {
		r.error(column, value, dollars.message);
		return null;
	}
	const parsed = parseNumber(dollars.text, delimiter);
	if (!parsed.ok) {
		r.error(column, value, numberRefusal(value, parsed.message));
		return null;
	}
	if (parsed.value < 0) {
		r.error(column, value, m.rbp_amount_negative({ value }));
		return null;
	}
	return parsed.value;
}

function writeLine(ctx: KindImport, row: LineRow, before: StoredLine | undefined): void {
	const { db, report, batchId, actor } = ctx;
	const next = {
		apportionment: row.apportionment,
		expenditure: row.expenditure,
		explanation: row.explanation === undefined ? (before?.explanation ?? null) : row.explanation
	};
	if (!before) {
		db.insert(resourceLines)
			.values({
				budgetYear: row.budgetYear,
				component: row.component,
				resultId: row.resultId,
				category: row.category,
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
	db.update(resourceLines)
		.set({ ...next, changedBy: actor.username, changedAt: DB_NOW, batchId })
		.where(eq(resourceLines.id, before.id))
		.run();
	report.updated++;
}
