// Calendar arithmetic for the demo on whole months. A month is an index `year * 12 + (month - 1)`,
// which makes ranges, alignment and decimal years simple integer sums.

export type Frequency = 'month' | 'quarter' | 'half';

export interface Period {
	label: string;
	/** first and last month index, inclusive */
	first: number;
	last: number;
}

export function monthIndex(yearMonth: string): number {
	const [year, month] = yearMonth.split('-').map(Number);
	if (!year || !month) throw new Error(`not a YYYY-MM month: ${yearMonth}`);
	return year * 12 + month - 1;
}

/** 1 to 12 */
export function monthOfYear(index: number): number {
	return (index % 12) + 1;
}

/** Decimal year of the middle of a month range: 2021-07 alone is 2021.54. */
export function decimalYear(first: number, last: number): number {
	return (first + last + 1) / 2 / 12;
}

const LENGTH: Record<Frequency, number> = { month: 1, quarter: 3, half: 6 };

export function monthsIn(frequency: Frequency): number {
	return LENGTH[frequency];
}

function label(frequency: Frequency, first: number): string {
	const year = Math.floor(first / 12);
	const month = monthOfYear(first);
	if (frequency === 'month') return `${year}-${String(month).padStart(2, '0')}`;
	if (frequency === 'quarter') return `${year}-Q${(month + 2) / 3}`;
	return `${year}-H${(month + 5) / 6}`;
}

/** The calendar periods of a frequency that lie entirely between two months (inclusive). */
export function periodsBetween(frequency: Frequency, from: number, to: number): Period[] {
	const length = LENGTH[frequency];
	const periods: Period[] = [];
	const start = Math.ceil(from / length) * length;
	for (let first = start; first + length - 1 <= to; first += length) {
		periods.push({ label: label(frequency, first), first, last: first + length - 1 });
	}
	return periods;
}

/** The calendar period of a frequency that ends just before a month: the baseline's period. */
export function periodBefore(frequency: Frequency, month: number): Period {
	const length = LENGTH[frequency];
	const first = Math.floor(month / length) * length - length;
	return { label: label(frequency, first), first, last: first + length - 1 };
}
