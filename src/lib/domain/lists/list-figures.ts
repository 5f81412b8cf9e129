/**
 * A rule's sums become figures (formats.md §5.3 steps 4–5): one `actual` per group, and — for
 * `count` and `sum` — a 0 for each covered area and period where the rule matched no row,
 * because in an incident log no event is a zero, not a gap.
 *
 * Coverage: the periods from the one holding the list's earliest date to the one holding its
 * latest (every row counts, matched or not), and the areas the list names plus those where
 * the rule already holds figures in those periods (the caller reads them from the database:
 * `coveredPeriods` says which periods to look in).
 */
import { bucketContaining, bucketsOverlapping, type Period } from '../period';
import type { Group, RuleAggregate } from './aggregate';

/** One figure a rule produces: written as an observation row is. */
export interface ListFigure {
	period: Period;
	areaId: number;
	/** dimension → category; empty for a total */
	dimensions: Readonly<Record<string, string>>;
	value: number;
	/** share: the weights (hits, with a value); mean, days: total and items; else null */
	numerator: number | null;
	denominator: number | null;
	/** share, mean, days: the rows used */
	sampleSize: number | null;
	/** the list's rows behind the figure, for its provenance */
	rows: number;
	/** the first row behind it (for a zero: the first row naming its area; 1 for an area only held) */
	line: number;
}

/** The periods a rule's list covers; empty when the list had no row with a good date. */
export function coveredPeriods(rule: RuleAggregate): Period[] {
	if (rule.firstDate === null || rule.lastDate === null) return [];
	const first = bucketContaining(rule.firstDate, rule.plan.frequency);
	return bucketsOverlapping(first.start, rule.lastDate, rule.plan.frequency);
}

/**
 * One figure, always built here with its fields in one order: every figure then has one
 * shape (a spread of a shared base made a new one per figure and cost a tenth of a
 * million-row list's import).
 */
function listFigure(
	period: Period,
	areaId: number,
	dimensions: Readonly<Record<string, string>>,
	value: number,
	numerator: number | null,
	denominator: number | null,
	sampleSize: number | null,
	rows: number,
	line: number
): ListFigure {
	return { period, areaId, dimensions, value, numerator, denominator, sampleSize, rows, line };
}

/** The figure of one group, or null when no row of it was used (share, mean, days). */
function figureOf(rule: RuleAggregate, group: Group, period: Period): ListFigure | null {
	const { sums, areaId, categories } = group;
	switch (rule.plan.rule.value.kind) {
		case 'count':
			return listFigure(
				period,
				areaId,
				categories,
				sums.rows,
				null,
				null,
				null,
				sums.rows,
				sums.line
			);
		case 'sum':
			return listFigure(
				period,
				areaId,
				categories,
				sums.total,
				null,
				null,
				null,
				sums.rows,
				sums.line
			);
		case 'share':
			if (sums.used === 0 || sums.weight === 0) return null;
			return listFigure(
				period,
				areaId,
				categories,
				// multiply first: 100 × 29 / 100 is exactly 29 (as domain/measures.ts computes it)
				(100 * sums.hits) / sums.weight,
				sums.hits,
				sums.weight,
				sums.used,
				sums.used,
				sums.line
			);
		case 'mean':
		case 'days':
			if (sums.used === 0 || sums.weight === 0) return null;
			return listFigure(
				period,
				areaId,
				categories,
				sums.total / sums.weight,
				sums.total,
				sums.weight,
				sums.used,
				sums.used,
				sums.line
			);
	}
}

/**
 * Every figure of a rule, zeros included. `heldAreas`: the areas where the rule already holds
 * figures in the covered periods (they are covered too, so a month whose events were all
 * deleted from the export becomes 0).
 */
export function ruleFigures(
	rule: RuleAggregate,
	periods: readonly Period[],
	heldAreas: ReadonlySet<number> = new Set()
): ListFigure[] {
	const figures: ListFigure[] = [];
	const seen = new Set<string>();
	for (const group of rule.groups) {
		const period = periods[group.period]!;
		const figure = figureOf(rule, group, period);
		if (figure) figures.push(figure);
		seen.add(`${period.label}\u0000${group.areaId}`);
	}
	const kind = rule.plan.rule.value.kind;
	if (kind !== 'count' && kind !== 'sum') return figures;
	const areas = new Set([...rule.namedAreas.keys(), ...heldAreas]);
	for (const period of coveredPeriods(rule)) {
		for (const areaId of areas) {
			if (seen.has(`${period.label}\u0000${areaId}`)) continue;
			figures.push(
				listFigure(period, areaId, {}, 0, null, null, null, 0, rule.namedAreas.get(areaId) ?? 1)
			);
		}
	}
	return figures;
}
