/**
 * Is an indicator's data late? Figures for a period are due by the end of the following period
 * (October's incidents by the end of November). An indicator is late when the last period whose
 * deadline has passed has no actual figure: its latest actual ends before that period does.
 */
import { addDays, bucketContaining, type Period } from './period';
import type { Frequency } from './vocabulary';

/** The last period of this frequency whose reporting deadline has passed by `today`. */
export function periodDue(frequency: Frequency, today: string): Period {
	const current = bucketContaining(today, frequency);
	// the period before the current one is still within its deadline (the current period)…
	const previous = bucketContaining(addDays(current.start, -1), frequency);
	// …so the one before that is the last one due
	return bucketContaining(addDays(previous.start, -1), frequency);
}

export interface Freshness {
	/** The period that should have figures by now. */
	due: Period;
	/** End of the latest actual figure, or null when there is none. */
	latestEnd: string | null;
	late: boolean;
}

export function freshness(
	frequency: Frequency | null,
	latestActualEnd: string | null,
	today: string
): Freshness {
	const due = periodDue(frequency ?? 'month', today);
	return {
		due,
		latestEnd: latestActualEnd,
		late: latestActualEnd === null || latestActualEnd < due.end
	};
}
