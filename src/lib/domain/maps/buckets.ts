/**
 * Which bucket a map shows, and what an area's figure is in it (docs/maps.md). The figures are
 * the points of each area's series (domain/series.ts), taken as they are: a map computes
 * nothing of its own but, on request, a count per 100,000 people. Pure.
 */
import type { SeriesPoint } from '../series';

export interface MapPeriod {
	/** The bucket's code as the series names it (e.g. `2026-Q2`). */
	period: string;
	start: string;
	end: string;
	/** Whether any area has a figure in it. */
	withData: boolean;
}

/** Every bucket of the areas' series, earliest first. */
export function mapPeriods(series: readonly { points: readonly SeriesPoint[] }[]): MapPeriod[] {
	const byPeriod = new Map<string, MapPeriod>();
	for (const { points } of series) {
		for (const p of points) {
			const known = byPeriod.get(p.period);
			const withData = p.actual !== null;
			if (known) known.withData ||= withData;
			else byPeriod.set(p.period, { period: p.period, start: p.start, end: p.end, withData });
		}
	}
	return [...byPeriod.values()].sort((a, b) =>
		a.start === b.start ? a.end.localeCompare(b.end) : a.start.localeCompare(b.start)
	);
}

/**
 * The bucket asked for, else the latest with a figure, else the latest. `unknown` says that a
 * bucket was asked for that the series does not have (the page says so and shows the default).
 */
export function chosenPeriod(
	periods: readonly MapPeriod[],
	asked: string | null
): { period: MapPeriod | null; unknown: boolean } {
	const found = asked ? periods.find((p) => p.period === asked) : undefined;
	if (found) return { period: found, unknown: false };
	const fallback = periods.findLast((p) => p.withData) ?? periods.at(-1) ?? null;
	return { period: fallback, unknown: asked !== null };
}

/** An area's figure in a bucket: null when it has none (no data, never zero). */
export function valueIn(points: readonly SeriesPoint[], period: string): number | null {
	const actual = points.find((p) => p.period === period)?.actual ?? null;
	return actual !== null && Number.isFinite(actual) ? actual : null;
}

const RATE_BASE = 100_000;

/**
 * A count as a rate per 100,000 people, the population being the area's for the year the
 * bucket starts (AreaTree.populationOf, the rule figures of rates use); null without one.
 */
export function perHundredThousand(count: number | null, population: number | null): number | null {
	if (count === null || population === null || population <= 0) return null;
	// multiply first, as measures.ts does: exact for round figures
	return (RATE_BASE * count) / population;
}
