/**
 * Small-cell suppression (docs/security.md "Small cells"). A handful of sexual-violence
 * survivors or children in one remote place, by sex or age, can be enough to identify them,
 * so the disaggregated cells of restricted indicators that stand for fewer people than a
 * threshold are hidden on every page and in exports; a cleared reader may ask an export for
 * the raw figures. Pure: the caller reads the threshold (a product setting) and the figures.
 */
import type { Reader } from './clearance';
import type { Amount } from './measures';
import type { Measure, Sensitivity } from './vocabulary';

export const DEFAULT_SMALL_CELL_THRESHOLD = 5;

/** A threshold as stored or typed: a whole number of people, at least 1; null otherwise. */
export function parseSmallCellThreshold(value: unknown): number | null {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isSafeInteger(n) && n >= 1 ? n : null;
}

/** Only restricted indicators carry numbers small enough to identify people. */
export function suppressesSmallCells(sensitivity: Sensitivity): boolean {
	return sensitivity === 'restricted';
}

/**
 * Raw figures only for a cleared reader who asks: anyone else gets the suppressed ones, and
 * the public view's reader always does, whatever it asks.
 */
export function rawFiguresFor(reader: Reader, asked: boolean): boolean {
	return asked && reader.cleared && !reader.publicOnly;
}

/**
 * Whether a number of people is small enough to identify them. Zero is shown: it stands for
 * nobody, so there is no one to identify, and "no recorded case" is news a reader needs.
 */
export function isSmallNumber(n: number | null, threshold: number): boolean {
	return n !== null && n > 0 && n < threshold;
}

/** The numbers of a figure or a computed cell, as stored or as a pair (see measures.ts). */
export interface CellNumbers {
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	/** A stored average's number of items when it is given as a value (formats.md §1.5). */
	sampleSize?: number | null;
}

/** A computed amount's numbers: its shown value and the pair it was computed from. */
export function amountNumbers(amount: Amount | null, shown: number | null): CellNumbers {
	return {
		value: shown,
		numerator: amount?.pair?.[0] ?? null,
		denominator: amount?.pair?.[1] ?? null
	};
}

/**
 * The numbers of people a cell reveals. A count is one. A percentage reveals who answered
 * yes, who was asked and who answered no; a rate reveals its count (its denominator is a
 * population); an average reveals its number of items (e.g. the survivors whose cases took so
 * many days), and a value without one stands for a single item. Without its pair, the shown
 * value of a percentage or rate is all there is to judge by: a small one is then hidden
 * although it may stand for many people — on the safe side.
 */
export function peopleIn(measure: Measure, cell: CellNumbers): number[] {
	const { value, numerator, denominator } = cell;
	if (measure === 'percent' && numerator !== null && denominator !== null) {
		return [numerator, denominator, denominator - numerator];
	}
	if (measure === 'per_100k' && numerator !== null) return [numerator];
	if (measure === 'average') {
		if (numerator !== null && denominator !== null) return [denominator];
		if (value === null) return [];
		const n = cell.sampleSize ?? null;
		return [n !== null && n > 0 ? n : 1];
	}
	return value === null ? [] : [value];
}

/** Whether a cell is small: any number of people it reveals is above zero and below the threshold. */
export function isSmallCell(measure: Measure, cell: CellNumbers, threshold: number): boolean {
	return peopleIn(measure, cell).some((n) => isSmallNumber(n, threshold));
}

/**
 * Why a cell is hidden: `small` stands for fewer people than the threshold; `complement` is
 * hidden as well because the small one could otherwise be worked out from the total.
 */
export type Suppression = 'small' | 'complement';

/** What an export writes for a hidden cell: `<5` (text, not a number), or `hidden`. */
export function suppressedExportText(why: Suppression, threshold: number): string {
	return why === 'small' ? `<${threshold}` : 'hidden';
}

/** One period of one category as the breakdown computes it, before suppression. */
export interface BreakdownCellInput {
	period: string;
	start: string;
	end: string;
	actual: number | null;
	numbers: CellNumbers;
}

/** One period of one category as shown: a hidden cell carries no number at all. */
export interface BreakdownPoint {
	period: string;
	start: string;
	end: string;
	actual: number | null;
	suppressed: Suppression | null;
}

export interface BreakdownCategory<P> {
	category: string;
	points: P[];
}

/** The breakdown as computed, nothing hidden: a cleared reader's raw export. */
export function rawBreakdown(
	categories: readonly BreakdownCategory<BreakdownCellInput>[]
): BreakdownCategory<BreakdownPoint>[] {
	return categories.map((c) => ({
		category: c.category,
		points: c.points.map(({ period, start, end, actual }) => ({
			period,
			start,
			end,
			actual,
			suppressed: null
		}))
	}));
}

/**
 * The breakdown with its small cells hidden. Counts and rates add up across categories to the
 * total the page shows beside them, so when a period has exactly one small cell, the smallest
 * other non-zero cell of that period is hidden too (secondary suppression); otherwise the
 * small one is the total minus the others. Percentages and averages do not add up, so they
 * need none.
 */
export function suppressBreakdown(
	measure: Measure,
	categories: readonly BreakdownCategory<BreakdownCellInput>[],
	threshold: number
): BreakdownCategory<BreakdownPoint>[] {
	const why: (Suppression | null)[][] = categories.map((c) =>
		c.points.map((p) => (isSmallCell(measure, p.numbers, threshold) ? 'small' : null))
	);
	if (measure === 'count' || measure === 'per_100k') {
		const periods = Math.max(0, ...categories.map((c) => c.points.length));
		for (let n = 0; n < periods; n++) {
			const small = why.filter((row) => row[n] === 'small').length;
			if (small !== 1) continue;
			let pick: number | null = null;
			categories.forEach((c, i) => {
				const v = c.points[n]?.actual ?? null;
				if (why[i]![n] !== null || v === null || v <= 0) return;
				if (pick === null || v < categories[pick]!.points[n]!.actual!) pick = i;
			});
			if (pick !== null) why[pick]![n] = 'complement';
		}
	}
	return categories.map((c, i) => ({
		category: c.category,
		points: c.points.map(({ period, start, end, actual }, n) => {
			const hidden = why[i]![n] ?? null;
			return { period, start, end, actual: hidden ? null : actual, suppressed: hidden };
		})
	}));
}

/**
 * Whether a stored figure is hidden: an actual (targets are plans, not people) with dimension
 * values, of an indicator whose small cells are suppressed, small by the rule above. Totals
 * are never hidden.
 */
export function hidesFigure(
	indicator: { sensitivity: Sensitivity; measure: Measure },
	figure: CellNumbers & { valueType: string; dimensions: Readonly<Record<string, string>> },
	threshold: number
): boolean {
	return (
		suppressesSmallCells(indicator.sensitivity) &&
		figure.valueType === 'actual' &&
		Object.keys(figure.dimensions).length > 0 &&
		isSmallCell(indicator.measure, figure, threshold)
	);
}
