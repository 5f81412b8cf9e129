import type { SeriesPoint } from '../domain/series';
import type { Direction } from '../domain/vocabulary';
import { m } from '../paraglide/messages.js';
import { numberText } from './numbers';
import { periodLabel } from './period-text';

/**
 * The latest change in words, and whether it went the good way: "▲ 12 % since 2026-08".
 * Display only: the figures themselves come from the series.
 */
export function describeChange(
	latest: SeriesPoint | null,
	previous: SeriesPoint | null,
	direction: Direction
): { text: string; good: boolean | null } | null {
	if (!latest || !previous || latest.actual === null || previous.actual === null) return null;
	const delta = latest.actual - previous.actual;
	const period = periodLabel(previous.period);
	if (delta === 0) return { text: m.dash_change_none({ period }), good: null };
	const arrow = delta > 0 ? '▲' : '▼';
	const amount =
		previous.actual === 0
			? numberText(Math.abs(delta), { maximumFractionDigits: 1 })
			: m.dash_value_percent({
					value: numberText(Math.abs(Math.round((delta / Math.abs(previous.actual)) * 100)))
				});
	const good = direction === 'increase' ? delta > 0 : delta < 0;
	return { text: m.dash_change_since({ arrow, amount, period }), good };
}
