/**
 * How figures combine (formats.md §1.5). Values travel as pairs — (numerator, denominator) for
 * percentages, (count, population) for rates per 100,000, (total, items) for averages — and the
 * shown value is computed from the pair at the end, so a rate over several areas is never an
 * average of rates, nor a mean of days over areas a mean of the areas' means.
 */
import { addCounts, combinedStage, oneAreaAt, type StageCounts } from './milestones';
import type { Aggregation, Measure } from './vocabulary';

export interface Amount {
	/** The value, for count and number; for percent and per_100k when no pair is known. */
	value: number;
	/**
	 * (numerator, denominator) for percent, (count, population) for per_100k, (total, items)
	 * for average — which always has one.
	 */
	pair: readonly [number, number] | null;
	/**
	 * For milestone: how many reporting areas are at each stage (index 0: stage 1), which
	 * areas add; the value is the stage they stand at together (milestones.ts combinedStage).
	 */
	stages?: StageCounts;
}

export interface FigureInput {
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	sampleSize: number | null;
}

const RATE_BASE = 100_000;

/** What the pair's ratio is multiplied by to give the shown value. */
function scaleOf(measure: Measure): number {
	if (measure === 'percent') return 100;
	if (measure === 'per_100k') return RATE_BASE;
	return 1;
}

function fromPair(measure: Measure, pair: readonly [number, number]): number {
	const [num, den] = pair;
	if (den === 0) return Number.NaN;
	// Multiply first: 100 × 29 / 100 is exactly 29, while 100 × (29 / 100) is 28.999999999999996.
	return (scaleOf(measure) * num) / den;
}

function amountOfPair(measure: Measure, pair: readonly [number, number]): Amount {
	return { value: fromPair(measure, pair), pair };
}

/**
 * The amount one figure stands for. `population` is the population of the figure's area for
 * the year its period starts, used by per_100k figures without a denominator.
 */
export function figureAmount(
	measure: Measure,
	f: FigureInput,
	population: number | null
): Amount | null {
	if (measure === 'percent') {
		if (f.numerator !== null && f.denominator !== null) {
			return amountOfPair(measure, [f.numerator, f.denominator]);
		}
		if (f.value === null) return null;
		if (f.sampleSize !== null && f.sampleSize > 0) {
			return amountOfPair(measure, [(f.value * f.sampleSize) / 100, f.sampleSize]);
		}
		return { value: f.value, pair: null };
	}
	if (measure === 'per_100k') {
		const p = f.denominator ?? population;
		if (p === null) return f.value === null ? null : { value: f.value, pair: null };
		const count = f.numerator ?? (f.value === null ? null : (f.value * p) / RATE_BASE);
		return count === null ? null : amountOfPair(measure, [count, p]);
	}
	if (measure === 'average') {
		if (f.numerator !== null && f.denominator !== null) {
			return amountOfPair(measure, [f.numerator, f.denominator]);
		}
		if (f.value === null) return null;
		// Unlike a percentage, a mean without its sample size is one item: the pair (value, 1).
		const items = f.sampleSize !== null && f.sampleSize > 0 ? f.sampleSize : 1;
		return amountOfPair(measure, [f.value * items, items]);
	}
	if (measure === 'milestone') return f.value === null ? null : stageAmount(f.value);
	return f.value === null ? null : { value: f.value, pair: null };
}

/** One area at the stage of this position. */
function stageAmount(position: number): Amount {
	return { value: position, pair: null, stages: oneAreaAt(position) };
}

function mean(values: number[]): number {
	return values.reduce((s, v) => s + v, 0) / values.length;
}

function sumPairs(amounts: readonly Amount[]): [number, number] {
	return amounts.reduce<[number, number]>((s, a) => [s[0] + a.pair![0], s[1] + a.pair![1]], [0, 0]);
}

/**
 * Combining the points of several areas (step 5), also used for dimension rows (step 2):
 * counts add, numbers take the plain mean, pairs add both members — unless a part has no
 * pair, when the combination is the plain mean of the parts' values.
 */
export function combineAreas(measure: Measure, amounts: readonly Amount[]): Amount | null {
	if (amounts.length === 0) return null;
	if (measure === 'milestone') {
		const stages = addCounts(amounts.map((a) => a.stages ?? oneAreaAt(a.value)));
		return { value: combinedStage(stages) ?? Number.NaN, pair: null, stages };
	}
	if (measure === 'count') return { value: amounts.reduce((s, a) => s + a.value, 0), pair: null };
	if (measure === 'number') return { value: mean(amounts.map((a) => a.value)), pair: null };
	if (amounts.every((a) => a.pair !== null)) return amountOfPair(measure, sumPairs(amounts));
	return { value: mean(amounts.map((a) => a.value)), pair: null };
}

export interface TimedAmount {
	amount: Amount;
	start: string;
	end: string;
}

/** The latest period: latest end, then latest start. */
function latest(items: readonly TimedAmount[]): TimedAmount {
	return items.reduce((best, i) =>
		i.end > best.end || (i.end === best.end && i.start > best.start) ? i : best
	);
}

/**
 * Combining one area's figures within a bucket (step 4): count and number by the indicator's
 * aggregation; percent and average pairs add both members; per_100k counts add over the
 * latest population.
 */
export function combineOverTime(
	measure: Measure,
	aggregation: Aggregation | null,
	items: readonly TimedAmount[]
): Amount | null {
	if (items.length === 0) return null;
	const amounts = items.map((i) => i.amount);
	// a stage is where the area stands, not an amount over time: the latest figure's, one area
	if (measure === 'milestone') return stageAmount(latest(items).amount.value);
	if (measure === 'count' || measure === 'number') {
		const values = amounts.map((a) => a.value);
		const how = aggregation ?? (measure === 'count' ? 'sum' : 'mean');
		const value =
			how === 'sum'
				? values.reduce((s, v) => s + v, 0)
				: how === 'mean'
					? mean(values)
					: how === 'max'
						? Math.max(...values)
						: how === 'min'
							? Math.min(...values)
							: latest(items).amount.value;
		return { value, pair: null };
	}
	if (!amounts.every((a) => a.pair !== null)) {
		return { value: mean(amounts.map((a) => a.value)), pair: null };
	}
	const [num, den] = sumPairs(amounts);
	if (measure === 'per_100k') return amountOfPair(measure, [num, latest(items).amount.pair![1]]);
	return amountOfPair(measure, [num, den]);
}

/**
 * Combining the dimension rows of one area and period (step 2): as areas combine, except that
 * per_100k counts add over the sum of the rows' denominators when every row has one, else over
 * the area's population counted once.
 */
export function combineDimensionRows(
	measure: Measure,
	rows: readonly { figure: FigureInput; amount: Amount }[],
	population: number | null
): Amount | null {
	if (measure !== 'per_100k' || rows.length === 0) {
		return combineAreas(
			measure,
			rows.map((r) => r.amount)
		);
	}
	if (!rows.every((r) => r.amount.pair !== null))
		return combineAreas(
			measure,
			rows.map((r) => r.amount)
		);
	const count = rows.reduce((s, r) => s + r.amount.pair![0], 0);
	const everyHasDenominator = rows.every((r) => r.figure.denominator !== null);
	const p = everyHasDenominator ? rows.reduce((s, r) => s + r.figure.denominator!, 0) : population;
	if (p === null) return null;
	return amountOfPair(measure, [count, p]);
}

/** The shown value of an amount; null when it cannot be computed (a zero denominator). */
export function shownValue(amount: Amount | null): number | null {
	if (amount === null || !Number.isFinite(amount.value)) return null;
	return amount.value;
}
