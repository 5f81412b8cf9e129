/**
 * The classes of a choropleth (docs/maps.md "Classes"). Quantiles: each class holds about the
 * same number of areas, so with the few areas a mission has (five to twenty) every shade is used
 * and the map shows a ranking a reader can check against the table; natural breaks would leave
 * shades empty or hold one area each. Equal values always share a class, so there are fewer
 * classes when there are fewer distinct values; an area without a figure has no class at all
 * (it is "no data", never the lowest class). Pure.
 */
import type { Direction } from '../vocabulary';

/** At most this many classes: more shades than this cannot be told apart on a map. */
export const MAX_CLASSES = 5;

export interface MapClass {
	/** The smallest and largest value in the class: what the legend shows. */
	low: number;
	high: number;
	/**
	 * 0 for the class that is best by the indicator's direction, up to `count − 1` for the
	 * worst: the darker shade is the worse one.
	 */
	worse: number;
}

export interface MapClasses {
	/** In ascending order of value. */
	classes: MapClass[];
	/** The class (index into `classes`) a value falls in; null for no figure. */
	classOf(value: number | null): number | null;
}

function isFigure(value: number | null): value is number {
	return value !== null && Number.isFinite(value);
}

/**
 * Quantile classes of the values, at most `max`. A value's class is decided by the rank of its
 * first occurrence among the sorted values, so ties never straddle two classes; classes left
 * empty by ties are dropped.
 */
export function quantileClasses(
	values: readonly (number | null)[],
	direction: Direction,
	max: number = MAX_CLASSES
): MapClasses {
	const sorted = values.filter(isFigure).sort((a, b) => a - b);
	const n = sorted.length;
	const wanted = Math.max(1, Math.min(max, MAX_CLASSES));
	const bucketOf = new Map<number, number>();
	for (const [rank, v] of sorted.entries()) {
		if (!bucketOf.has(v)) bucketOf.set(v, Math.floor((rank * wanted) / n));
	}
	// renumber the buckets that hold a value 0, 1, 2, … in ascending order
	const used = [...new Set(bucketOf.values())].sort((a, b) => a - b);
	const index = new Map(used.map((b, i) => [b, i]));
	const classOfValue = new Map<number, number>();
	for (const [v, b] of bucketOf) classOfValue.set(v, index.get(b)!);
	const count = used.length;
	const classes: MapClass[] = Array.from({ length: count }, (_, i) => ({
		low: Infinity,
		high: -Infinity,
		// a decrease is better: high values are worse; an increase is better: low values are
		worse: direction === 'decrease' ? i : count - 1 - i
	}));
	for (const [v, i] of classOfValue) {
		const c = classes[i]!;
		c.low = Math.min(c.low, v);
		c.high = Math.max(c.high, v);
	}
	return {
		classes,
		classOf: (value) =>
			isFigure(value) ? (classOfValue.get(value) ?? nearest(classes, value)) : null
	};
}

/** A value not among those classified (asked by a caller): the class whose range holds it or is nearest. */
function nearest(classes: MapClass[], value: number): number | null {
	if (classes.length === 0) return null;
	let best = 0;
	for (const [i, c] of classes.entries()) if (value >= c.low) best = i;
	return best;
}
