/**
 * One plain-words line that says why an indicator has its status, shown next to the status
 * badge and in the RBB report, e.g. "12 % above the quarter's target; lower is better". The
 * reason is the domain's (`statusReason`); this is only its wording, in the reader's language.
 */
import type { Granularity } from '../domain/period';
import {
	statusReason,
	type StatusExplanationInput,
	type StatusReason,
	type TargetOf
} from '../domain/status-explanation';
import type { Direction } from '../domain/vocabulary';
import { m } from '../paraglide/messages.js';
import { formatValue } from './index';
import { numberText } from './numbers';
import { periodLabel } from './period-text';

/** "the quarter", "le trimestre": each language has its own article and gender. */
const BUCKET_NAME: Record<Granularity, () => string> = {
	month: m.dash_bucket_month,
	quarter: m.dash_bucket_quarter,
	half: m.dash_bucket_half,
	year: m.dash_bucket_year,
	fy: m.dash_bucket_fy
};

/** "the quarter's target", "la cible du trimestre". */
const BUCKET_TARGET: Record<Granularity, () => string> = {
	month: m.dash_bucket_target_month,
	quarter: m.dash_bucket_target_quarter,
	half: m.dash_bucket_target_half,
	year: m.dash_bucket_target_year,
	fy: m.dash_bucket_target_fy
};

/** The sentence for a point of a series: its reason, in words. */
export function explainStatus(input: StatusExplanationInput): string {
	return statusReasonText(statusReason(input));
}

export function statusReasonText(reason: StatusReason): string {
	switch (reason.kind) {
		case 'no_figures':
			return m.dash_explain_no_figures();
		case 'no_actual':
			return m.dash_explain_no_actual({ period: periodLabel(reason.period) });
		case 'milestone': {
			const period = periodLabel(reason.period);
			const { reached, target } = reason;
			if (target === null || reason.status === 'no_target') {
				return m.ms_reason_no_target({ reached, period });
			}
			const words = {
				reached,
				period,
				target: target.stage,
				targetPeriod: periodLabel(target.period)
			};
			if (reason.status === 'achieved') return m.ms_reason_achieved(words);
			return reason.status === 'off_track'
				? m.ms_reason_behind_due(words)
				: m.ms_reason_behind_coming(words);
		}
		case 'no_target': {
			const of =
				'bucket' in reason.of ? BUCKET_NAME[reason.of.bucket]() : periodLabel(reason.of.period);
			return withDirection(m.dash_explain_no_target({ of }), reason.direction);
		}
		case 'on_target': {
			const text = m.dash_explain_on_target({ target: targetName(reason.of) });
			return withDirection(soFar(text, reason.partial), reason.direction);
		}
		case 'off_target': {
			const { gap } = reason;
			const target = targetName(reason.of);
			let text: string;
			if (gap.in === 'own_unit') {
				const amount = formatValue(gap.value, gap.measure, gap.unit);
				text =
					reason.side === 'above'
						? m.dash_explain_above_zero({ amount, target })
						: m.dash_explain_below_zero({ amount, target });
			} else {
				const amount =
					gap.in === 'points'
						? m.dash_gap_points({ n: atLeastShown(gap.value, 1) })
						: wholePercent(gap.value);
				text =
					reason.side === 'above'
						? m.dash_explain_above({ amount, target })
						: m.dash_explain_below({ amount, target });
			}
			text = soFar(text, reason.partial);
			if (reason.withinMargin !== null) {
				text = m.dash_explain_within_margin({
					text,
					margin: wholePercent(reason.withinMargin * 100)
				});
			}
			return capitalised(withDirection(text, reason.direction));
		}
	}
}

/** The sentence, then which way is good: "…; lower is better". */
function withDirection(text: string, direction: Direction): string {
	const better = direction === 'decrease' ? m.dash_better_lower() : m.dash_better_higher();
	return m.dash_explain_with_direction({ text, better });
}

function targetName(of: TargetOf): string {
	return 'bucket' in of
		? BUCKET_TARGET[of.bucket]()
		: m.dash_target_for_period({ period: periodLabel(of.period) });
}

// A bucket that runs past the requested range may still change as figures come in.
const soFar = (text: string, partial: boolean) =>
	partial ? m.dash_explain_so_far({ text }) : text;

/** The line stands on its own, so "less than 1 % …" starts with a capital like the others. */
function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "16 %"; a difference that rounds to nothing still reads as one: "less than 1 %". */
function wholePercent(value: number): string {
	return m.dash_value_percent({ value: atLeastShown(value, 0) });
}

/** `value` (≥ 0) with `decimals` decimals, or "less than 0.1" when it would show as zero. */
function atLeastShown(value: number, decimals: number): string {
	const format = (n: number) =>
		numberText(n, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
	const smallest = 10 ** -decimals;
	return value > 0 && value < smallest / 2
		? m.dash_less_than({ n: format(smallest) })
		: format(value);
}
