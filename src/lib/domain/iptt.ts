/**
 * The indicator performance tracking table (IPTT): indicators × periods with target, actual
 * and how much of the target was met. Pure: the points come from the series rules.
 */
import type { Direction } from './vocabulary';

/**
 * How much of the target a figure meets, in per cent. For an increase indicator,
 * actual ÷ target; for a decrease indicator, target ÷ actual (at or under the target is 100 %
 * or more), and an actual of 0 meets any target of 0 or more. Null when it cannot be said
 * (no actual, no target, or a target of 0 to increase from).
 */
export function percentMet(
	actual: number | null,
	target: number | null,
	direction: Direction
): number | null {
	if (actual === null || target === null) return null;
	if (direction === 'increase') return target === 0 ? null : (100 * actual) / target;
	if (actual === 0) return target >= 0 ? 100 : null;
	return (100 * target) / actual;
}

/** The indicators an IPTT keeps: those matching every filter given. */
export interface IpttFilters {
	objective?: string | null;
	category?: string | null;
	tier?: string | null;
	component?: string | null;
}

export interface IpttCandidate {
	objective: string | null;
	category: string;
	tier: string | null;
	/** `;`-separated mission components (e.g. `Human Rights;JOC`). */
	component: string | null;
}

export function componentsOf(component: string | null): string[] {
	return (component ?? '')
		.split(';')
		.map((c) => c.trim())
		.filter((c) => c !== '');
}

export function matchesIptt(candidate: IpttCandidate, filters: IpttFilters): boolean {
	if (filters.objective && candidate.objective !== filters.objective) return false;
	if (filters.category && candidate.category !== filters.category) return false;
	if (filters.tier && candidate.tier !== filters.tier) return false;
	if (filters.component && !componentsOf(candidate.component).includes(filters.component)) {
		return false;
	}
	return true;
}

/** The periods of several series, each once, in time order. */
export function ipttPeriods(
	series: readonly (readonly { period: string; start: string }[])[]
): string[] {
	const starts = new Map<string, string>();
	for (const points of series) for (const p of points) starts.set(p.period, p.start);
	return [...starts].sort((a, b) => a[1].localeCompare(b[1])).map(([period]) => period);
}
