/**
 * Planned outputs entered in the framework editor: on an output node's page, a form per budget
 * year. Each save is one row of an `outputs` file run through the importer (as every editor
 * form is, form-import.ts), so the form accepts exactly what a file would, and is audited.
 */
import { and, eq } from 'drizzle-orm';
import { budgetYearsBetween, parseBudgetYear } from '../../domain/budget-year';
import { OUTPUT_COLUMNS } from '../../domain/columns';
import { planCell } from '../../domain/output-plans';
import { m } from '../../paraglide/messages.js';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { outputPlans, results } from '../db/schema';
import { authorize } from '../permissions';
import { figureRange } from '../reports/rbb/year-figures';
import { FORM_ERROR, importChecked, type EditResult, type FieldErrors } from './form-import';

export type PlanColumn = Exclude<(typeof OUTPUT_COLUMNS)[number], 'result_code'>;
/** A plan as the form sends and shows it: the outputs file's columns, as text. */
export type PlanFields = Record<PlanColumn, string>;

export interface PlanForm {
	/** `FY2024/25` */
	year: string;
	/** `FY2024-25`, for ids */
	slug: string;
	fields: PlanFields;
	/** a plan is stored for the year */
	stored: boolean;
}

type StoredPlan = typeof outputPlans.$inferSelect;

function fieldsOf(year: string, plan: StoredPlan | undefined): PlanFields {
	const text = (v: string | number | null) => (v === null ? '' : String(v));
	return {
		budget_year: year,
		planned: plan ? text(planCell(plan.kind, plan.planned)) : '',
		completed: plan ? text(planCell(plan.kind, plan.completed)) : '',
		remarks: plan?.remarks ?? '',
		remarks_fr: plan?.remarksFr ?? ''
	};
}

/**
 * The budget years an output node's plans are entered for: those the figures cover and those
 * it has plans for, latest first, each with its stored plan.
 */
export function outputPlanForms(db: Db, actor: Actor, resultId: number): PlanForm[] {
	authorize(actor, 'read');
	const plans = new Map(
		db
			.select()
			.from(outputPlans)
			.where(eq(outputPlans.resultId, resultId))
			.all()
			.map((p) => [p.budgetYear, p])
	);
	const range = figureRange(db);
	const years = new Set(
		range ? budgetYearsBetween(range.start, range.end).map((y) => y.label) : []
	);
	for (const year of plans.keys()) years.add(year);
	return [...years]
		.sort()
		.reverse()
		.map((year) => ({
			year,
			slug: year.replace('/', '-'),
			fields: fieldsOf(year, plans.get(year)),
			stored: plans.has(year)
		}));
}

/** Saves an output node's plan for a budget year, through the importer, audited. */
export async function saveOutputPlan(
	db: Db,
	actor: Actor,
	code: string,
	fields: PlanFields
): Promise<EditResult> {
	authorize(actor, 'framework');
	const node = db.select().from(results).where(eq(results.code, code)).get();
	if (!node) return { ok: false, errors: { [FORM_ERROR]: m.fw_unknown_node({ code }) } };
	const own: FieldErrors = {};
	if (node.retired) own[FORM_ERROR] = m.fw_retired_reinstate_first({ code });
	const parsed = parseBudgetYear(fields.budget_year);
	const year = parsed.ok ? parsed.year.label : fields.budget_year;
	const stored = (tx: Db) =>
		fieldsOf(
			year,
			tx
				.select()
				.from(outputPlans)
				.where(and(eq(outputPlans.resultId, node.id), eq(outputPlans.budgetYear, year)))
				.get()
		);
	const before = stored(db);
	const columns = [...OUTPUT_COLUMNS];
	return importChecked(
		db,
		actor,
		[
			{
				name: `framework editor, outputs of ${code} ${year}.csv`,
				columns,
				rows: [columns.map((c) => (c === 'result_code' ? code : fields[c].trim()))],
				// the form's fields are named as the file's columns
				field: (_row, column) => (column === 'result_code' ? FORM_ERROR : column)
			}
		],
		own,
		(tx) => ({
			action: 'framework.output.plan',
			subject: code,
			detail: { budgetYear: year, before, after: stored(tx) }
		})
	);
}
