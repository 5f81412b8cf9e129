/**
 * Same-season comparison: "the same areas at the same time of year". A series by month or
 * quarter is cut into years and the years laid over one axis — January to December, or July to
 * June for budget years — so this dry season can be read against the last ones.
 */
import type { Granularity } from './period';
import type { SeriesPoint } from './series';

export type SeasonAxis = 'calendar' | 'budget';

export interface SeasonalChart {
	labels: string[];
	years: { label: string; values: (number | null)[] }[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];

/** Null when the series is not by month or quarter (a year has no season within it). */
export function sameSeason(
	points: readonly SeriesPoint[],
	by: Granularity,
	axis: SeasonAxis
): SeasonalChart | null {
	if (by !== 'month' && by !== 'quarter') return null;
	const perYear = by === 'month' ? 12 : 4;
	const names = by === 'month' ? MONTHS : QUARTERS;
	// budget years start in July: the seventh month, the third quarter
	const shift = axis === 'budget' ? perYear / 2 : 0;
	const labels = names.slice(shift).concat(names.slice(0, shift));
	const years = new Map<string, (number | null)[]>();
	for (const p of points) {
		const year = Number(p.start.slice(0, 4));
		const month = Number(p.start.slice(5, 7));
		const index = by === 'month' ? month - 1 : Math.floor((month - 1) / 3);
		const position = (index - shift + perYear) % perYear;
		const label =
			axis === 'calendar'
				? String(year)
				: index >= shift
					? `FY${year}/${String((year + 1) % 100).padStart(2, '0')}`
					: `FY${year - 1}/${String(year % 100).padStart(2, '0')}`;
		let values = years.get(label);
		if (!values) years.set(label, (values = Array<number | null>(perYear).fill(null)));
		values[position] = p.actual;
	}
	return {
		labels,
		years: [...years.entries()]
			.filter(([, values]) => values.some((v) => v !== null))
			.map(([label, values]) => ({ label, values }))
	};
}
