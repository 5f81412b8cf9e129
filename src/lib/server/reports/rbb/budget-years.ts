import { budgetYearsBetween, type BudgetYear } from '../../../domain/budget-year';
import type { RbbStatus } from '../../../domain/rbb-report';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { rbbReports } from '../../db/schema';
import { authorize } from '../../permissions';
import { figureRange } from './year-figures';

export interface BudgetYearEntry {
	year: BudgetYear;
	status: RbbStatus;
	issuedAt: string | null;
	/** The language of a started report (null: not started, it takes its reader's). */
	locale: 'en' | 'fr' | null;
	/** Actual figures reach the year's last day: the year can be reported on in full. */
	complete: boolean;
}

/** The budget years the figures cover, latest first, each with its report's status. */
export function listRbbBudgetYears(db: Db, actor: Actor): BudgetYearEntry[] {
	authorize(actor, 'read');
	const range = figureRange(db);
	const reports = new Map(
		db
			.select()
			.from(rbbReports)
			.all()
			.map((r) => [r.budgetYear, r])
	);
	const years = range ? budgetYearsBetween(range.start, range.end) : [];
	return years.reverse().map((year) => {
		const report = reports.get(year.label);
		return {
			year,
			status: report?.status ?? 'not_started',
			issuedAt: report?.issuedAt ?? null,
			locale: report?.locale ?? null,
			complete: range?.lastActual != null && range.lastActual >= year.end
		};
	});
}

/** The latest budget year whose actual figures are complete: the one to report on. */
export function lastCompleteBudgetYear(db: Db, actor: Actor): BudgetYear | null {
	return listRbbBudgetYears(db, actor).find((e) => e.complete)?.year ?? null;
}
