/**
 * One plain-words line that says why an indicator has its status (formats.md §3 `series`),
 * shown next to the status badge, e.g. "12 % above the quarter's target; lower is better".
 * Pure, so the dashboard, exports and tests all read the same sentence.
 */
import { formatValue } from '../format';
import { granularityOf, parsePeriod, type Granularity } from './period';
import type { SeriesPoint } from './series';
import type { Direction, Measure } from './vocabulary';

const BUCKET_WORD: Record<Granularity, string> = {
	month: 'month',
	quarter: 'quarter',
	half: 'half-year',
	year: 'year',
	fy: 'budget year'
};

/**
 * Same tolerance as statusFor, so a point the badge calls achieved because the actual equals
 * the target up to binary noise is also "exactly on" the target here, never "less than 1 %".
 */
const RELATIVE_TOLERANCE = 1e-9;

export interface StatusExplanationInput {
	/** The latest point with an actual, or null when there is none. */
	point: SeriesPoint | null;
	direction: Direction;
	measure: Measure;
	unit?: string | null;
	/** Bucket granularity of the series; null when unknown, then the period label is named. */
	by: Granularity | null;
	/** The margin the point's status was computed with, e.g. 0.15. */
	margin: number;
}

export function explainStatus(input: StatusExplanationInput): string {
	const { point, direction, measure, unit, by, margin } = input;
	if (point === null) return 'No figures reported yet';
	const { actual, target } = point;
	if (actual === null) return `No figure for ${point.period}`;

	const better = direction === 'decrease' ? 'lower is better' : 'higher is better';
	const bucket = by === null ? null : `the ${BUCKET_WORD[by]}`;
	if (target === null) return `No target set for ${bucket ?? point.period}; ${better}`;

	const targetName = bucket === null ? `the target for ${point.period}` : `${bucket}'s target`;
	// A bucket that runs past the requested range may still change as figures come in.
	const soFar = point.partial ? ' so far' : '';
	const withinMargin =
		point.status === 'on_track' ? ` (within the ${wholePercent(margin * 100)} margin)` : '';

	const difference = actual - target;
	if (Math.abs(difference) <= RELATIVE_TOLERANCE * Math.abs(target)) {
		return `Exactly on ${targetName}${soFar}; ${better}`;
	}
	const side = difference > 0 ? 'above' : 'below';
	let amount: string;
	let of = '';
	if (measure === 'percent') {
		// A relative change of a percentage ("12 % of 40 %") is easily misread; points are not.
		amount = `${atLeastShown(Math.abs(difference), 1)} percentage points`;
	} else if (target === 0) {
		// Nothing to be relative to: say how far off, in the indicator's own unit.
		amount = formatValue(Math.abs(difference), measure, unit);
		of = ' of 0';
	} else {
		amount = wholePercent((Math.abs(difference) / Math.abs(target)) * 100);
	}
	return capitalised(`${amount} ${side} ${targetName}${of}${soFar}${withinMargin}; ${better}`);
}

/**
 * The series bucket a period label stands for: `2024-07` month, `2024-Q3` quarter, `2024-H1`
 * half, `2024` year, `FY2024/25` budget year; null for days, ranges and anything unreadable.
 */
export function granularityOfLabel(label: string): Granularity | null {
	const parsed = parsePeriod(label);
	return parsed.ok ? granularityOf(parsed.period) : null;
}

/** The line stands on its own, so "less than 1 % …" starts with a capital like the others. */
function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "16 %"; a difference that rounds to nothing still reads as one: "less than 1 %". */
function wholePercent(value: number): string {
	return `${atLeastShown(value, 0)} %`;
}

/** `value` (≥ 0) with `decimals` decimals, or "less than 0.1" when it would show as zero. */
function atLeastShown(value: number, decimals: number): string {
	const format = (n: number) =>
		n.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
	const smallest = 10 ** -decimals;
	return value > 0 && value < smallest / 2 ? `less than ${format(smallest)}` : format(value);
}
