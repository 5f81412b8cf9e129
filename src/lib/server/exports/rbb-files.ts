/**
 * The RBB report's own files exported in their import format (docs/formats.md "Outputs",
 * "Resources"), so that importing the export changes nothing. Stable order: by year, then code.
 */
import { asc, eq } from 'drizzle-orm';
import { OUTPUT_COLUMNS, RESOURCE_COLUMNS } from '../../domain/columns';
import { planCell } from '../../domain/output-plans';
import type { Db } from '../db';
import { outputPlans, resourceLines, results } from '../db/schema';
import { csvChunks, type CsvOptions } from './csv';

const byCode = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function* exportOutputs(db: Db, csv: CsvOptions = {}): Generator<string> {
	const rows = db
		.select({ code: results.code, plan: outputPlans })
		.from(outputPlans)
		.innerJoin(results, eq(results.id, outputPlans.resultId))
		.orderBy(asc(outputPlans.budgetYear))
		.all()
		.sort((a, b) => a.plan.budgetYear.localeCompare(b.plan.budgetYear) || byCode(a.code, b.code))
		.map(({ code, plan }) => [
			code,
			plan.budgetYear,
			planCell(plan.kind, plan.planned),
			planCell(plan.kind, plan.completed),
			plan.remarks,
			plan.remarksFr
		]);
	yield* csvChunks(OUTPUT_COLUMNS, rows, csv);
}

export function* exportResources(db: Db, csv: CsvOptions = {}): Generator<string> {
	const rows = db
		.select({ code: results.code, line: resourceLines })
		.from(resourceLines)
		.leftJoin(results, eq(results.id, resourceLines.resultId))
		.all()
		.sort(
			(a, b) =>
				a.line.budgetYear.localeCompare(b.line.budgetYear) ||
				byCode(a.line.component ?? '', b.line.component ?? '') ||
				byCode(a.code ?? '', b.code ?? '') ||
				a.line.category.localeCompare(b.line.category, 'en')
		)
		.map(({ code, line }) => [
			line.budgetYear,
			line.component,
			code,
			line.category,
			line.apportionment,
			line.expenditure,
			line.explanation
		]);
	yield* csvChunks(RESOURCE_COLUMNS, rows, csv);
}
