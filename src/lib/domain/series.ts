/**
 * The series a chart of one indicator shows (formats.md §1.5 "Computing one point", §3
 * `series`). Pure: the caller loads the figures and the area tree; this decides which figures
 * count for each bucket and how they combine.
 */
import type { AreaTree } from './area-tree';
import {
	combineAreas,
	combineDimensionRows,
	combineOverTime,
	figureAmount,
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
import { statusFor } from './status';
import type {
	Aggregation,
	Direction,
	Measure,
	Status,
	ValueType,
	Verification
} from './vocabulary';

export interface SeriesIndicator {
	code: string;
	measure: Measure;
	direction: Direction;
	aggregation: Aggregation | null;
	/** Declared dimensions in order: the order breaks ties between partial breakdowns. */
	dimensions: readonly string[];
}

export interface Figure {
	areaId: number | null;
	start: string;
	end: string;
	/** Non-blank dimension values only; `{}` is a total row. */
	dimensions: Readonly<Record<string, string>>;
	valueType: ValueType;
	verification: Verification | null;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	sampleSize: number | null;
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
}

export interface SeriesPoint {
	period: string;
	start: string;
	end: string;
	partial: boolean;
	actual: number | null;
	target: number | null;
	status: Status;
}

/** The range a series covers by default: from the first to the last figure of any kind. */
export function defaultRange(figures: readonly Figure[]): { from: string; to: string } | null {
	if (figures.length === 0) return null;
	let from = figures[0]!.start;
	let to = figures[0]!.end;
	for (const f of figures) {
		if (f.start < from) from = f.start;
		if (f.end > to) to = f.end;
	}
	return { from, to };
}

export function computeSeries(
	indicator: SeriesIndicator,
	figures: readonly Figure[],
	tree: AreaTree,
	request: SeriesRequest
): SeriesPoint[] {
	return computeBuckets(indicator, figures, tree, request).map(({ point }) => point);
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
	figures: readonly Figure[],
	tree: AreaTree,
	request: SeriesRequest
): (SurveyInterval | null)[] {
	return computeBuckets(indicator, figures, tree, request).map(({ actual }) => {
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
	figures: readonly Figure[],
	tree: AreaTree,
	request: SeriesRequest
): { point: SeriesPoint; actual: Amount | null }[] {
	const range = defaultRange(figures);
	if (request.breakdown) figures = onlyCategory(figures, request.breakdown);
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
	const actual = new PointCalculator(
		indicator,
		tree,
		bucketOf,
		from,
		to,
		(f) => f.valueType === 'actual' && (!request.verifiedOnly || f.verification === 'verified')
	);
	const target = new PointCalculator(
		indicator,
		tree,
		bucketOf,
		from,
		to,
		(f) => f.valueType === 'target'
	);
	for (const f of figures) {
		actual.add(f);
		target.add(f);
	}
	return bucketsOverlapping(from, to, request.by).map((bucket) => {
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
}

/**
 * The figures of one category of a dimension, with that dimension removed. Figures without the
 * dimension — totals, and so usually the targets — are left out: they are not of the category.
 */
export function onlyCategory(
	figures: readonly Figure[],
	breakdown: { dimension: string; category: string }
): Figure[] {
	const out: Figure[] = [];
	for (const f of figures) {
		const category = f.dimensions[breakdown.dimension];
		if (category === undefined) continue;
		if (category !== breakdown.category) continue;
		const { [breakdown.dimension]: _, ...rest } = f.dimensions;
		out.push({ ...f, dimensions: rest });
	}
	return out;
}

/** The categories a dimension takes in an indicator's figures, in first-seen order. */
export function categoriesOf(figures: readonly Figure[], dimension: string): string[] {
	const seen = new Set<string>();
	for (const f of figures) {
		const c = f.dimensions[dimension];
		if (c !== undefined) seen.add(c);
	}
	return [...seen];
}

/** Computes points of one value type, bucket by bucket and area by area (steps 1–5). */
class PointCalculator {
	/** bucket label → area id (0 = mission) → that area's own figures in the bucket */
	private readonly own = new Map<string, Map<number, Figure[]>>();
	private readonly memo = new Map<string, Amount | null>();

	constructor(
		private readonly indicator: SeriesIndicator,
		private readonly tree: AreaTree,
		private readonly bucketOf: (start: string) => Period,
		private readonly from: string,
		private readonly to: string,
		private readonly wanted: (f: Figure) => boolean
	) {}

	/** Step 1: a figure counts for the one bucket that contains its whole period, within range. */
	add(f: Figure): void {
		if (!this.wanted(f) || f.start < this.from || f.end > this.to) return;
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
		const memoKey = `${bucket}|${areaId ?? 0}`;
		if (this.memo.has(memoKey)) return this.memo.get(memoKey)!;
		const own = this.own.get(bucket)?.get(areaId ?? 0);
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
	private ownPoint(areaId: number | null, figures: Figure[]): Amount | null {
		const byPeriod = new Map<string, Figure[]>();
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

	/** Step 2: the total row when there is one, else the least-broken-down rows. */
	private dimensionPoint(areaId: number | null, rows: Figure[]): Amount | null {
		const chosen = chooseDimensionRows(rows, this.indicator.dimensions);
		const population = this.tree.populationOf(areaId, Number(rows[0]!.start.slice(0, 4)));
		const parts = chosen
			.map((figure) => ({
				figure,
				amount: figureAmount(this.indicator.measure, figure, population)
			}))
			.filter((p): p is { figure: Figure; amount: Amount } => p.amount !== null);
		if (parts.length === 0) return null;
		return combineDimensionRows(this.indicator.measure, parts, population);
	}
}

/**
 * The rows of one area and period that stand for the whole: a total row when present, else
 * the rows with the fewest non-blank dimensions; among equally broken-down sets, the set
 * whose dimensions come first in the indicator's declared order.
 */
export function chooseDimensionRows<F extends { dimensions: Readonly<Record<string, string>> }>(
	rows: readonly F[],
	declared: readonly string[]
): F[] {
	const total = rows.filter((r) => Object.keys(r.dimensions).length === 0);
	if (total.length > 0) return total;
	const rank = (name: string) => {
		const i = declared.indexOf(name);
		return i < 0 ? declared.length : i;
	};
	const signature = (r: F) =>
		Object.keys(r.dimensions)
			.map(rank)
			.sort((a, b) => a - b);
	let best: number[] | null = null;
	for (const r of rows) {
		const s = signature(r);
		if (best === null || compareSignatures(s, best) < 0) best = s;
	}
	const wanted = best!.join(',');
	return rows.filter((r) => signature(r).join(',') === wanted);
}

/** Fewer dimensions first; then the earlier-declared dimensions first. */
function compareSignatures(a: number[], b: number[]): number {
	if (a.length !== b.length) return a.length - b.length;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
	return 0;
}

export type { Period };
