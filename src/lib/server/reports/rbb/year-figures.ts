import type { BudgetYear } from '../../../domain/budget-year';
import type { Db } from '../../db';

/** First and last day of any figure, and the last day of any actual; null when there is none. */
export interface FigureRange {
	start: string;
	end: string;
	lastActual: string | null;
}

/** Where the figures lie in time: the budget years a report can be made for. */
export function figureRange(db: Db): FigureRange | null {
	const row = db.$client
		.prepare(
			`SELECT MIN(period_start) AS start, MAX(period_end) AS end,
			        MAX(CASE WHEN value_type = 'actual' THEN period_end END) AS lastActual
			 FROM observations`
		)
		.get() as { start: string | null; end: string | null; lastActual: string | null };
	return row.start && row.end
		? { start: row.start, end: row.end, lastActual: row.lastActual }
		: null;
}

/** Whether some figure's period overlaps the budget year. */
export function hasFigures(range: FigureRange | null, year: BudgetYear): boolean {
	return range !== null && range.start <= year.end && year.start <= range.end;
}
