/**
 * A cycle beside the one before it: the ratings that changed, and the figures that changed
 * between the two frozen snapshots. Both cycles freeze a year before their own period, so
 * their windows overlap; a figure "changed" when a period both snapshots hold has a different
 * actual or target — a revision of the data between the two assessments.
 */
import { seriesDifferences, type PointDifference, type PointLike } from './series-diff';

export interface RatingOf {
	/** the objective's or outcome's code */
	result: string;
	rating: string | null;
}

export interface RatingChange {
	result: string;
	previous: string | null;
	current: string | null;
}

/** Nodes whose rating differs between the cycles (rated in one only counts), in this cycle's order. */
export function ratingChanges(
	previous: readonly RatingOf[],
	current: readonly RatingOf[]
): RatingChange[] {
	const before = new Map(previous.map((r) => [r.result, r.rating]));
	const now = new Map(current.map((r) => [r.result, r.rating]));
	const order = [...current.map((r) => r.result)];
	for (const r of previous) if (!now.has(r.result)) order.push(r.result);
	const out: RatingChange[] = [];
	for (const result of order) {
		const a = before.get(result) ?? null;
		const b = now.get(result) ?? null;
		if (a !== b) out.push({ result, previous: a, current: b });
	}
	return out;
}

export interface FrozenPoints {
	indicator: string;
	points: readonly PointLike[];
}

export interface SnapshotComparison {
	/** indicators whose figures for a period both snapshots hold differ, with those figures */
	changed: { indicator: string; differences: PointDifference[] }[];
	/** indicators frozen by this cycle only (new to the framework, or without figures before) */
	added: string[];
	/** indicators frozen by the previous cycle only (retired since, or out of scope) */
	removed: string[];
}

/** How this cycle's frozen figures differ from the previous cycle's. */
export function snapshotComparison(
	previous: readonly FrozenPoints[],
	current: readonly FrozenPoints[]
): SnapshotComparison {
	const before = new Map(previous.map((s) => [s.indicator, s.points]));
	const now = new Set(current.map((s) => s.indicator));
	const changed: SnapshotComparison['changed'] = [];
	const added: string[] = [];
	for (const s of current) {
		const earlier = before.get(s.indicator);
		if (!earlier) {
			added.push(s.indicator);
			continue;
		}
		const inBoth = new Set(earlier.map((p) => p.period));
		const differences = seriesDifferences(earlier, s.points).filter((d) =>
			s.points.some((p) => p.period === d.period && inBoth.has(d.period))
		);
		if (differences.length > 0) changed.push({ indicator: s.indicator, differences });
	}
	const removed = previous.map((s) => s.indicator).filter((code) => !now.has(code));
	return { changed, added, removed };
}
