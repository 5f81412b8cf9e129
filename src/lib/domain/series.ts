/**
 * The series a chart of one indicator shows (formats.md §1.5 "Computing one point", §3
 * `series`). Pure: the caller loads the figures and the area tree; this decides which figures
 * count for each bucket and how they combine.
 */
import type { AreaTree } from './area-tree';
import {
	groupFigures,
	groupsAmount,
	type Figure,
	type FigureGroup,
	type FigureGroups
} from './figure-groups';
import {
	combineAreas,
	combineOverTime,
	shownValue,
	type Amount,
	type TimedAmount
} from './measures';
import {
	bucketContaining,
	bucketsOverlapping,
	isInside,
	type Granularity,
	type Period
} from './period';
import { atOrBeyond, judgeMilestone } from './milestones';
import { statusFor } from './status';
import type { Aggregation, Direction, Measure, Status } from './vocabulary';

export interface SeriesIndicator {
	code: string;
	measure: Measure;
	direction: Direction;
	aggregation: Aggregation | null;
	/** Declared dimensions in order: the order breaks ties between partial breakdowns. */
	dimensions: readonly string[];
	/** A milestone's stage names in order (English); a figure's value is a position in it. */
	stages?: readonly string[];
}

export interface SeriesRequest {
	/** The area asked for; null is the whole mission. */
	areaId: number | null;
	by: Granularity;
	/** First and last day of the requested range; default: the indicator's first to last figure. */
	from?: string;
	to?: string;
	verifiedOnly?: boolean;
	margin: number;
	/**
	 * One category of one dimension (e.g. sex = female): only the figures broken down by it
	 * count, as if the dimension were not there; the other rules apply unchanged.
	 */
	breakdown?: { dimension: string; category: string };
	/**
	 * The day it is (YYYY-MM-DD): a milestone behind its target stage is off track only once
	 * the target's period has ended. Default: every period has ended.
	 */
	today?: string;
}

export interface SeriesPoint {
	period: string;
	start: string;
	end: string;
	partial: boolean;
	actual: number | null;
	target: number | null;
	status: Status;
	/**
	 * Milestone only: how many reporting areas have reached each stage or a later one (index
	 * 0: stage 1, i.e. every reporting area) — "4 of 9 areas reporting have reached adopted".
	 */
	stages?: number[];
	/** Milestone only: the target stage the status judged this point against, and its period. */
	due?: { period: string; target: number };
}

/** The series of an indicator from its figures (the pure form of the rules). */
export function computeSeries(
	indicator: SeriesIndicator,
	figures: readonly Figure[],
	tree: AreaTree,
	request: SeriesRequest
): SeriesPoint[] {
	const groups = groupFigures(indicator.measure, indicator.dimensions, figures, request);
	return seriesOfGroups(indicator, groups, tree, request);
}

/** The series of an indicator from its figures already grouped (see figure-groups.ts). */
export function seriesOfGroups(
	indicator: SeriesIndicator,
	groups: FigureGroups,
	tree: AreaTree,
	request: SeriesRequest
): SeriesPoint[] {
	return computeBuckets(indicator, groups, tree, request).map(({ point }) => point);
}

/**
 * Each point with the amount its actual was computed from: small-cell suppression judges a
 * cell by the people behind it (a rate's count), not only by its shown value.
 */
export function seriesCellsOfGroups(
	indicator: SeriesIndicator,
	groups: FigureGroups,
	tree: AreaTree,
	request: SeriesRequest
): { point: SeriesPoint; actual: Amount | null }[] {
	return computeBuckets(indicator, groups, tree, request);
}

/** A survey figure's uncertainty: the 95 % interval and the number of people asked. */
export interface SurveyInterval {
	low: number;
	high: number;
	sampleSize: number;
}

/**
 * For percentages, each point's 95 % interval from its combined (yes, asked) pair — the
 * normal approximation p ± 1.96 √(p(1 − p)/n) — so a combined survey figure carries the
 * uncertainty of all its respondents. Null where a point has no pair (no sample size known).
 */
export function surveyIntervals(
	indicator: SeriesIndicator,
	groups: FigureGroups,
	tree: AreaTree,
	request: SeriesRequest
): (SurveyInterval | null)[] {
	return computeBuckets(indicator, groups, tree, request).map(({ actual }) => {
		if (indicator.measure !== 'percent' || !actual?.pair) return null;
		const [yes, n] = actual.pair;
		if (n <= 0) return null;
		const p = yes / n;
		const half = 1.96 * Math.sqrt((p * (1 - p)) / n);
		return {
			low: Math.max(0, 100 * (p - half)),
			high: Math.min(100, 100 * (p + half)),
			sampleSize: n
		};
	});
}

/** Every bucket of the request with its point and the amounts it was computed from. */
function computeBuckets(
	indicator: SeriesIndicator,
	groups: FigureGroups,
	tree: AreaTree,
	request: SeriesRequest
): { point: SeriesPoint; actual: Amount | null }[] {
	const { range } = groups;
	const from = request.from ?? range?.from;
	const to = request.to ?? range?.to;
	if (!from || !to || from > to) return [];

	// figures share few distinct periods: find each one's bucket once
	const buckets = new Map<string, Period>();
	const bucketOf = (start: string) => {
		let bucket = buckets.get(start);
		if (!bucket) buckets.set(start, (bucket = bucketContaining(start, request.by)));
		return bucket;
	};
	const actual = new PointCalculator(indicator, tree, bucketOf, from, to);
	for (const g of groups.actual) actual.add(g);
	const target = new PointCalculator(indicator, tree, bucketOf, from, to);
	for (const g of groups.target) target.add(g);
	const cells = bucketsOverlapping(from, to, request.by).map((bucket) => {
		const actualAmount = actual.point(request.areaId, bucket.label);
		const a = shownValue(actualAmount);
		const t = shownValue(target.point(request.areaId, bucket.label));
		return {
			actual: actualAmount,
			point: {
				period: bucket.label,
				start: bucket.start,
				end: bucket.end,
				partial: bucket.start < from || bucket.end > to,
				actual: a,
				target: t,
				status: statusFor(a, t, indicator.direction, request.margin)
			}
		};
	});
	if (indicator.measure === 'milestone') milestonePoints(indicator, cells, request);
	return cells;
}

/**
 * A milestone point carries where its areas stand, and its status judges it against the
 * target stages due before and after it (milestones.ts judgeMilestone), not only its own
 * bucket's.
 */
function milestonePoints(
	indicator: SeriesIndicator,
	cells: { point: SeriesPoint; actual: Amount | null }[],
	request: SeriesRequest
): void {
	const points = cells.map((c) => c.point);
	const stageCount = indicator.stages?.length ?? 0;
	for (const [i, { point, actual }] of cells.entries()) {
		if (actual?.stages) point.stages = atOrBeyond(actual.stages, stageCount);
		const { status, due } = judgeMilestone(points, i, request.today ?? '9999-12-31');
		point.status = status;
		if (due) point.due = { period: due.period, target: due.target! };
	}
}

/** Computes points of one value type, bucket by bucket and area by area (steps 1–5). */
class PointCalculator {
	/** bucket label → area id (0 = mission) → that area's own figure groups in the bucket */
	private readonly own = new Map<string, Map<number, FigureGroup[]>>();
	private readonly memo = new Map<string, Amount | null>();

	constructor(
		private readonly indicator: SeriesIndicator,
		private readonly tree: AreaTree,
		private readonly bucketOf: (start: string) => Period,
		private readonly from: string,
		private readonly to: string
	) {}

	/** Step 1: a figure counts for the one bucket that contains its whole period, within range. */
	add(f: FigureGroup): void {
		if (f.start < this.from || f.end > this.to) return;
		const bucket = this.bucketOf(f.start);
		if (f.end > bucket.end) return;
		let byArea = this.own.get(bucket.label);
		if (!byArea) this.own.set(bucket.label, (byArea = new Map()));
		const key = f.areaId ?? 0;
		const list = byArea.get(key);
		if (list) list.push(f);
		else byArea.set(key, [f]);
	}

	/** Step 5: an area's own figures win; otherwise its children's points combine. */
	point(areaId: number | null, bucket: string): Amount | null {
		const inBucket = this.own.get(bucket);
		// no figure of this value type in the bucket at all (often: no targets): no need to walk the tree
		if (!inBucket) return null;
		const memoKey = `${bucket}|${areaId ?? 0}`;
		if (this.memo.has(memoKey)) return this.memo.get(memoKey)!;
		const own = inBucket.get(areaId ?? 0);
		let result: Amount | null;
		if (own && own.length > 0) {
			result = this.ownPoint(areaId, own);
		} else {
			const children = this.tree
				.childrenOf(areaId)
				.map((c) => this.point(c.id, bucket))
				.filter((a): a is Amount => a !== null);
			result = combineAreas(this.indicator.measure, children);
		}
		this.memo.set(memoKey, result);
		return result;
	}

	/** Steps 2–4 on one area's own figures in one bucket. */
	private ownPoint(areaId: number | null, figures: FigureGroup[]): Amount | null {
		const byPeriod = new Map<string, FigureGroup[]>();
		for (const f of figures) {
			const key = `${f.start}/${f.end}`;
			const list = byPeriod.get(key);
			if (list) list.push(f);
			else byPeriod.set(key, [f]);
		}
		const periods: TimedAmount[] = [];
		for (const rows of byPeriod.values()) {
			const { start, end } = rows[0]!;
			const amount = this.dimensionPoint(areaId, rows);
			if (amount) periods.push({ amount, start, end });
		}
		// Step 3: a figure inside a longer figure's period gives way to it.
		const kept = periods.filter(
			(p) =>
				!periods.some((q) => q !== p && isInside(p, q) && (q.start !== p.start || q.end !== p.end))
		);
		return combineOverTime(this.indicator.measure, this.indicator.aggregation, kept);
	}

	/** Step 2: the total rows when there are any, else the least-broken-down rows. */
	private dimensionPoint(areaId: number | null, groups: FigureGroup[]): Amount | null {
		const year = Number(groups[0]!.start.slice(0, 4));
		const population =
			this.indicator.measure === 'per_100k' ? this.tree.populationOf(areaId, year) : null;
		return groupsAmount(this.indicator.measure, groups, population);
	}
}

export type { Figure, Period };
