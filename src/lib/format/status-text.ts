/**
 * One plain-words line that says why an indicator has its status, shown next to the status
 * badge and in the RBB report, e.g. "12 % above the quarter's target; lower is better". The
 * reason is the domain's (`statusReason`); this is only its wording.
 */
import type { Granularity } from '../domain/period';
import {
	statusReason,
	type StatusExplanationInput,
	type StatusReason,
	type TargetOf
} from '../domain/status-explanation';
import type { Direction } from '../domain/vocabulary';
import { formatValue } from './index';
import { numberText } from './numbers';

const BUCKET_WORD: Record<Granularity, string> = {
	month: 'month',
	quarter: 'quarter',
	half: 'half-year',
	year: 'year',
	fy: 'budget year'
};

/** The sentence for a point of a series: its reason, in words. */
export function explainStatus(input: StatusExplanationInput): string {
	return statusReasonText(statusReason(input));
}

export function statusReasonText(reason: StatusReason): string {
	switch (reason.kind) {
		case 'no_figures':
			return 'No figures reported yet';
		case 'no_actual':
			return `No figure for ${reason.period}`;
		case 'no_target':
			return `No target set for ${'bucket' in reason.of ? bucketName(reason.of.bucket) : reason.of.period}; ${better(reason.direction)}`;
		case 'on_target':
			return `Exactly on ${targetName(reason.of)}${soFar(reason.partial)}; ${better(reason.direction)}`;
		case 'off_target': {
			const { gap } = reason;
			let amount: string;
			let of = '';
			if (gap.in === 'points') amount = `${atLeastShown(gap.value, 1)} percentage points`;
			else if (gap.in === 'own_unit') {
				amount = formatValue(gap.value, gap.measure, gap.unit);
				of = ' of 0';
			} else amount = wholePercent(gap.value);
			const withinMargin =
				reason.withinMargin === null
					? ''
					: ` (within the ${wholePercent(reason.withinMargin * 100)} margin)`;
			return capitalised(
				`${amount} ${reason.side} ${targetName(reason.of)}${of}${soFar(reason.partial)}${withinMargin}; ${better(reason.direction)}`
			);
		}
	}
}

const better = (direction: Direction) =>
	direction === 'decrease' ? 'lower is better' : 'higher is better';

const bucketName = (bucket: Granularity) => `the ${BUCKET_WORD[bucket]}`;

function targetName(of: TargetOf): string {
	return 'bucket' in of ? `${bucketName(of.bucket)}'s target` : `the target for ${of.period}`;
}

// A bucket that runs past the requested range may still change as figures come in.
const soFar = (partial: boolean) => (partial ? ' so far' : '');

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
		numberText(n, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
	const smallest = 10 ** -decimals;
	return value > 0 && value < smallest / 2 ? `less than ${format(smallest)}` : format(value);
}
