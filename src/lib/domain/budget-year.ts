/**
 * Budget years (1 July – 30 June) as reports name them. The period syntax writes them
 * `FY2024/25` (formats.md §2); a slash cannot stand in one URL segment, so report addresses
 * write `FY2024-25`. Both forms, and `2024/25`, are read; the label is always `FY2024/25`.
 */
import { m } from '../paraglide/messages.js';
import { bucketsOverlapping, parsePeriod, type Period } from './period';

export interface BudgetYear {
	/** As the period syntax and the series label it: `FY2024/25`. */
	label: string;
	/** As report addresses and file names write it: `FY2024-25`. */
	slug: string;
	/** First and last day: 2024-07-01 and 2025-06-30. */
	start: string;
	end: string;
}

export type BudgetYearResult = { ok: true; year: BudgetYear } | { ok: false; message: string };

// Only with the FY in front: `2024-12` is a month, not a budget year.
const SLUG = /^FY(\d{4})-(\d{2})$/i;

function fromPeriod(period: Period): BudgetYear {
	return {
		label: period.label,
		slug: period.label.replace('/', '-'),
		start: period.start,
		end: period.end
	};
}

export function parseBudgetYear(text: string): BudgetYearResult {
	const written = text.trim();
	const slug = SLUG.exec(written);
	const parsed = parsePeriod(slug ? `FY${slug[1]}/${slug[2]}` : written);
	if (parsed.ok && parsed.period.kind === 'fy')
		return { ok: true, year: fromPeriod(parsed.period) };
	return {
		ok: false,
		message: parsed.ok
			? m.rep_budget_year_period_not_year({ written })
			: m.rep_budget_year_not_year({ written })
	};
}

/** The budget years that overlap the days from `start` to `end`, earliest first. */
export function budgetYearsBetween(start: string, end: string): BudgetYear[] {
	return bucketsOverlapping(start, end, 'fy').map(fromPeriod);
}
