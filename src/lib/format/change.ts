import type { SeriesPoint } from '../domain/series';
import type { Direction } from '../domain/vocabulary';
import { numberText } from './numbers';

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
	if (delta === 0) return { text: `no change since ${previous.period}`, good: null };
	const arrow = delta > 0 ? '▲' : '▼';
	const amount =
		previous.actual === 0
			? numberText(Math.abs(delta), { maximumFractionDigits: 1 })
			: `${Math.abs(Math.round((delta / Math.abs(previous.actual)) * 100))} %`;
	const good = direction === 'increase' ? delta > 0 : delta < 0;
	return { text: `${arrow} ${amount} since ${previous.period}`, good };
}
