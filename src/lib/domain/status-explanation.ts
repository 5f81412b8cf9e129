/**
 * Why an indicator has its status (formats.md §3 `series`), as parts rather than words: the
 * wording lives in `$lib/format/status-text.ts`, so a translation changes the sentence and not
 * the rule. Pure, so the dashboard, reports, exports and tests all read the same reason.
 */
import { granularityOf, parsePeriod, type Granularity } from './period';
import type { SeriesPoint } from './series';
import type { Direction, Measure } from './vocabulary';

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
	/** A milestone's stage names in the reader's language, in order. */
	stages?: readonly string[];
}

/** Whose target: the series bucket's ("the quarter's"), or, bucket unknown, the period's. */
export type TargetOf = { bucket: Granularity } | { period: string };

/** How far the actual is from the target. */
export type Gap =
	/** A percentage's distance in percentage points: "12 % of 40 %" is easily misread. */
	| { in: 'points'; value: number }
	/** A target of 0 has nothing to be relative to: the distance in the indicator's own unit. */
	| { in: 'own_unit'; value: number; measure: Measure; unit: string | null }
	/** Relative to the target, in per cent. */
	| { in: 'percent'; value: number };

export type StatusReason =
	| { kind: 'no_figures' }
	/**
	 * A milestone, said with its stages' names: the stage reached in `period` and the target
	 * stage it is judged against (milestones.ts relevantTarget), due by the end of `targetPeriod`.
	 */
	| {
			kind: 'milestone';
			period: string;
			reached: string;
			target: { stage: string; period: string } | null;
			status: 'achieved' | 'on_track' | 'off_track' | 'no_target';
	  }
	| { kind: 'no_actual'; period: string }
	| { kind: 'no_target'; of: TargetOf; direction: Direction }
	/** `partial`: the bucket runs past the requested range and may still change. */
	| { kind: 'on_target'; of: TargetOf; direction: Direction; partial: boolean }
	| {
			kind: 'off_target';
			of: TargetOf;
			direction: Direction;
			partial: boolean;
			side: 'above' | 'below';
			gap: Gap;
			/** The margin, when the point is on track within it (its status), else null. */
			withinMargin: number | null;
	  };

export function statusReason(input: StatusExplanationInput): StatusReason {
	const { point, direction, measure, unit, by, margin } = input;
	if (point === null) return { kind: 'no_figures' };
	const { actual, target } = point;
	if (actual === null) return { kind: 'no_actual', period: point.period };
	if (measure === 'milestone') return milestoneReason(point, actual, input.stages ?? []);
	const of: TargetOf = by === null ? { period: point.period } : { bucket: by };
	if (target === null) return { kind: 'no_target', of, direction };

	const partial = point.partial;
	const difference = actual - target;
	if (Math.abs(difference) <= RELATIVE_TOLERANCE * Math.abs(target)) {
		return { kind: 'on_target', of, direction, partial };
	}
	const withinMargin = point.status === 'on_track' ? margin : null;
	const side = difference > 0 ? 'above' : 'below';
	const distance = Math.abs(difference);
	const gap: Gap =
		measure === 'percent'
			? { in: 'points', value: distance }
			: target === 0
				? { in: 'own_unit', value: distance, measure, unit: unit ?? null }
				: { in: 'percent', value: (distance / Math.abs(target)) * 100 };
	return { kind: 'off_target', of, direction, side, gap, partial, withinMargin };
}

function milestoneReason(
	point: SeriesPoint,
	actual: number,
	stages: readonly string[]
): StatusReason {
	const name = (position: number) => stages[position - 1] ?? String(position);
	const status = point.status === 'no_data' ? 'no_target' : point.status;
	return {
		kind: 'milestone',
		period: point.period,
		reached: name(actual),
		target: point.due ? { stage: name(point.due.target), period: point.due.period } : null,
		status: point.due ? status : 'no_target'
	};
}

/**
 * The series bucket a period label stands for: `2024-07` month, `2024-Q3` quarter, `2024-H1`
 * half, `2024` year, `FY2024/25` budget year; null for days, ranges and anything unreadable.
 */
export function granularityOfLabel(label: string): Granularity | null {
	const parsed = parsePeriod(label);
	return parsed.ok ? granularityOf(parsed.period) : null;
}
