/**
 * Performance assessment cycles: which framework nodes a cycle rates, the figures it freezes,
 * and which cycle came before it. Pure, so the rules are tested without a database.
 */
import type { ResultLevel } from './vocabulary';

/** A cycle rates objectives and outcomes; impacts and outputs speak through their indicators. */
export const RATED_LEVELS: readonly ResultLevel[] = ['objective', 'outcome'];

export interface CyclePeriod {
	code: string;
	/** first and last day, ISO dates */
	periodStart: string;
	periodEnd: string;
}

/**
 * The series a cycle freezes, for every indicator in scope, whole mission, at each indicator's
 * own frequency: from the month twelve months before the cycle starts to the cycle's last day,
 * so the year before is there to show the trend and every cycle freezes alike.
 */
export function frozenSeriesQuery(cycle: Pick<CyclePeriod, 'periodStart' | 'periodEnd'>): {
	from: string;
	to: string;
} {
	const [year, month] = cycle.periodStart.split('-');
	return { from: `${Number(year) - 1}-${month}`, to: cycle.periodEnd };
}

/**
 * The cycle before this one: of the cycles whose period ends before this one starts, the one
 * that ends latest; of those ending the same day, the one that starts latest (the shorter,
 * e.g. 2024-H2 rather than 2024). None when no cycle ends before it.
 */
export function previousCycle<C extends CyclePeriod>(
	cycle: CyclePeriod,
	cycles: readonly C[]
): C | undefined {
	let best: C | undefined;
	for (const c of cycles) {
		if (c.code === cycle.code || c.periodEnd >= cycle.periodStart) continue;
		if (
			!best ||
			c.periodEnd > best.periodEnd ||
			(c.periodEnd === best.periodEnd && c.periodStart > best.periodStart)
		) {
			best = c;
		}
	}
	return best;
}

interface PointInTime {
	start: string;
	end: string;
	actual: number | null;
}

/**
 * What a cycle's table shows of a frozen series: its latest point inside the cycle with an
 * actual (else its latest point inside the cycle), and the point of the same season a year
 * before, to compare with. Either may be missing.
 */
export function cycleFigures<P extends PointInTime>(
	points: readonly P[],
	cycle: Pick<CyclePeriod, 'periodStart' | 'periodEnd'>
): { latest: P | null; yearBefore: P | null } {
	const inside = points.filter((p) => p.start >= cycle.periodStart && p.end <= cycle.periodEnd);
	const latest = inside.findLast((p) => p.actual !== null) ?? inside.at(-1) ?? null;
	if (!latest) return { latest: null, yearBefore: null };
	const start = `${Number(latest.start.slice(0, 4)) - 1}${latest.start.slice(4)}`;
	return { latest, yearBefore: points.find((p) => p.start === start) ?? null };
}
