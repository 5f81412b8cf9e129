/**
 * Figures gathered by area, period and dimension shape: the unit the roll-up rules work on
 * (formats.md §1.5). Step 2 only ever combines the rows of one area, period and shape, so a
 * group can stand for its rows — which lets the database sum millions of count figures into
 * groups instead of handing every row over (see server/series/figure-groups.ts).
 */
import { combineDimensionRows, figureAmount, type Amount, type FigureInput } from './measures';
import type { AreaTree } from './area-tree';
import type { Measure, ValueType, Verification } from './vocabulary';

export interface Figure extends FigureInput {
	areaId: number | null;
	start: string;
	end: string;
	/** Non-blank dimension values only; `{}` is a total row. */
	dimensions: Readonly<Record<string, string>>;
	valueType: ValueType;
	verification: Verification | null;
}

/**
 * Which dimensions a row is broken down by, as the sorted positions of its dimensions in the
 * indicator's declared order (undeclared ones last): `[]` is a total row.
 */
export type Shape = readonly number[];

export function shapeOf(dimensionNames: readonly string[], declared: readonly string[]): Shape {
	return dimensionNames
		.map((name) => {
			const i = declared.indexOf(name);
			return i < 0 ? declared.length : i;
		})
		.sort((a, b) => a - b);
}

/**
 * Step 2's preference: totals first, then fewer dimensions, then the dimensions declared
 * first. Negative when `a` stands for the whole rather than `b`.
 */
export function compareShapes(a: Shape, b: Shape): number {
	if (a.length !== b.length) return a.length - b.length;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
	return 0;
}

/** The figures of one area, period and shape, of one value type. */
export interface FigureGroup {
	areaId: number | null;
	start: string;
	end: string;
	shape: Shape;
	/** For count and number: how many of the figures have a value, and the sum of those. */
	valueCount: number;
	valueSum: number;
	/** For percent, per_100k and average, whose pairs need each figure: the figures themselves. */
	figures: FigureInput[] | null;
}

/** What a series is computed from: the groups of each value type and the default range. */
export interface FigureGroups {
	actual: FigureGroup[];
	target: FigureGroup[];
	/** From the first to the last figure of any kind, before any filter. */
	range: { from: string; to: string } | null;
}

/** Measures whose dimension rows combine from a count and a sum alone. */
export function combinesBySum(measure: Measure): boolean {
	return measure === 'count' || measure === 'number';
}

export interface GroupingOptions {
	/** Actuals count only when verified; targets always count. */
	verifiedOnly?: boolean;
	/**
	 * One category of one dimension (e.g. sex = female): only the figures broken down by it
	 * count, as if the dimension were not there.
	 */
	breakdown?: { dimension: string; category: string };
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

/** Gathers figures into groups: the reference the database's grouping must agree with. */
export function groupFigures(
	measure: Measure,
	declared: readonly string[],
	figures: readonly Figure[],
	options: GroupingOptions = {}
): FigureGroups {
	const bySum = combinesBySum(measure);
	const { breakdown, verifiedOnly } = options;
	const groups = { actual: new Map<string, FigureGroup>(), target: new Map<string, FigureGroup>() };
	for (const f of figures) {
		if (f.valueType === 'actual' && verifiedOnly && f.verification !== 'verified') continue;
		let names = Object.keys(f.dimensions);
		if (breakdown) {
			if (f.dimensions[breakdown.dimension] !== breakdown.category) continue;
			names = names.filter((n) => n !== breakdown.dimension);
		}
		const shape = shapeOf(names, declared);
		const key = `${f.areaId ?? 0}|${f.start}|${f.end}|${shape.join(',')}`;
		const map = groups[f.valueType];
		let group = map.get(key);
		if (!group) {
			group = {
				areaId: f.areaId,
				start: f.start,
				end: f.end,
				shape,
				valueCount: 0,
				valueSum: 0,
				figures: bySum ? null : []
			};
			map.set(key, group);
		}
		if (group.figures) group.figures.push(f);
		else if (f.value !== null) {
			group.valueCount++;
			group.valueSum += f.value;
		}
	}
	return {
		actual: [...groups.actual.values()],
		target: [...groups.target.values()],
		range: defaultRange(figures)
	};
}

/**
 * Step 2 on the groups of one area and period: the preferred shape's groups combine (there is
 * one per shape unless the caller split a shape by dimension set). `population` is the area's
 * population for the year the period starts, used by rates per 100,000 without a denominator.
 */
export function groupsAmount(
	measure: Measure,
	groups: readonly FigureGroup[],
	population: number | null
): Amount | null {
	let best = groups[0]!.shape;
	for (const g of groups) if (compareShapes(g.shape, best) < 0) best = g.shape;
	const chosen = groups.filter((g) => compareShapes(g.shape, best) === 0);
	if (combinesBySum(measure)) {
		let count = 0;
		let sum = 0;
		for (const g of chosen) {
			count += g.valueCount;
			sum += g.valueSum;
		}
		if (count === 0) return null;
		return { value: measure === 'count' ? sum : sum / count, pair: null };
	}
	const parts: { figure: FigureInput; amount: Amount }[] = [];
	for (const g of chosen) {
		for (const figure of g.figures ?? []) {
			const amount = figureAmount(measure, figure, population);
			if (amount) parts.push({ figure, amount });
		}
	}
	return parts.length === 0 ? null : combineDimensionRows(measure, parts, population);
}

/** The categories a dimension takes in some dimension sets, in first-seen order. */
export function categoriesOf(
	sets: Iterable<Readonly<Record<string, string>>>,
	dimension: string
): string[] {
	const seen = new Set<string>();
	for (const dimensions of sets) {
		const c = dimensions[dimension];
		if (c !== undefined) seen.add(c);
	}
	return [...seen];
}

/**
 * The items (e.g. figure groups, sorted by period) that can matter to the series of `within`
 * and of the areas just below it. Step 5 lets an area's own figures win over the areas below
 * it in the whole bucket, so where an ancestor strictly below `within` has figures of the very
 * same period, the descendant's figures of that period are never used, whatever the
 * granularity; nor are the figures of areas outside `within`. Leaving them out early spares
 * the rules most of the rows when both provinces and their territories report.
 *
 * `items` must come sorted so that equal periods are adjacent; `of` reads an item's period
 * and area (0 or null for the mission).
 */
export function unshadowed<T>(
	items: readonly T[],
	tree: AreaTree,
	within: number | null,
	of: { start: (item: T) => string; end: (item: T) => string; area: (item: T) => number | null }
): T[] {
	// each area of the subtree → its ancestors strictly below `within`
	const ancestors = new Map<number, number[]>();
	if (within === null) ancestors.set(0, []);
	const walk = (id: number | null, above: number[]) => {
		for (const child of tree.childrenOf(id)) {
			ancestors.set(child.id, above);
			walk(child.id, [...above, child.id]);
		}
	};
	if (within !== null) ancestors.set(within, []);
	walk(within, []);

	const kept: T[] = [];
	const present = new Set<number>();
	for (let i = 0; i < items.length;) {
		const start = of.start(items[i]!);
		const end = of.end(items[i]!);
		let j = i;
		for (; j < items.length; j++) {
			if (of.start(items[j]!) !== start || of.end(items[j]!) !== end) break;
			present.add(of.area(items[j]!) ?? 0);
		}
		for (let k = i; k < j; k++) {
			const above = ancestors.get(of.area(items[k]!) ?? 0);
			if (above && !above.some((a) => present.has(a))) kept.push(items[k]!);
		}
		present.clear();
		i = j;
	}
	return kept;
}
