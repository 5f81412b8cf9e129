import {
	combinesBySum,
	groupFigures,
	shapeOf,
	unshadowed,
	type FigureGroup,
	type FigureGroups,
	type GroupingOptions,
	type Shape
} from '../../domain/figure-groups';
import type { AreaTree } from '../../domain/area-tree';
import type { Figure } from '../../domain/series';
import type { Db } from '../db';
import type { indicators } from '../db/schema';
import { loadDimensionSets } from '../observations/dimension-sets';

type IndicatorRow = typeof indicators.$inferSelect;

/**
 * One indicator's figures as groups (domain/figure-groups.ts), read once per filter and shared
 * by everything a page computes from them (series, categories, small multiples).
 *
 * Count and number figures — the millions of incident rows — are summed by the database, in
 * the order of the natural-key index so no sorting is needed, and only the groups cross into
 * JavaScript. Percent, per_100k and average figures need each row's pair, so they are read as rows and
 * grouped by the same domain function the database's grouping is tested against.
 */
export class IndicatorFigures {
	private readonly declared: readonly string[];
	private readonly cache = new Map<string, FigureGroups>();
	private figures: Figure[] | null = null;
	private sets: Map<number, Record<string, string>> | null = null;
	private range: FigureGroups['range'] | undefined;

	/**
	 * The figures serve the series of the area `within` (null: the whole mission) and of the
	 * areas just below it, so the groups other areas need can be left out early.
	 */
	constructor(
		private readonly db: Db,
		readonly indicator: IndicatorRow,
		private readonly tree: AreaTree,
		private readonly within: number | null = null
	) {
		this.declared = indicator.dimensions ? indicator.dimensions.split(';') : [];
	}

	groups(options: GroupingOptions = {}): FigureGroups {
		const key = JSON.stringify([options.verifiedOnly ?? false, options.breakdown ?? null]);
		let groups = this.cache.get(key);
		if (!groups) {
			groups = combinesBySum(this.indicator.measure)
				? this.summed(options)
				: groupFigures(this.indicator.measure, this.declared, this.rows(), options);
			this.cache.set(key, groups);
		}
		return groups;
	}

	/** The dimension sets the indicator's figures use, by id (the order they were first used). */
	dimensionSets(): Map<number, Record<string, string>> {
		if (!this.sets) {
			const rows = this.db.$client
				.prepare(
					`SELECT s.id, s.key FROM indicator_dimension_sets i
					 JOIN dimension_sets s ON s.id = i.dimension_set_id
					 WHERE i.indicator_id = ? ORDER BY s.id`
				)
				.raw(true)
				.all(this.indicator.id) as [number, string][];
			this.sets = new Map(rows.map(([id, key]) => [id, JSON.parse(key)]));
		}
		return this.sets;
	}

	private rows(): Figure[] {
		return (this.figures ??= loadFigures(this.db, this.indicator.id));
	}

	private summed(options: GroupingOptions): FigureGroups {
		const { breakdown, verifiedOnly } = options;
		// Each usable set's shape; with a breakdown only its category's sets, without its dimension.
		const shapes = new Map<number, Shape>();
		for (const [id, dimensions] of this.dimensionSets()) {
			let names = Object.keys(dimensions);
			if (breakdown) {
				if (dimensions[breakdown.dimension] !== breakdown.category) continue;
				names = names.filter((n) => n !== breakdown.dimension);
			}
			shapes.set(id, shapeOf(names, this.declared));
		}
		const distinct = new Map([...shapes.values()].map((s) => [s.join(','), s]));
		const oneShape = distinct.size === 1 ? [...distinct.values()][0]! : null;
		if (shapes.size === 0) return { actual: [], target: [], range: this.figureRange() };
		const conditions = ['indicator_id = ?'];
		if (breakdown) conditions.push(`dimension_set_id IN (${[...shapes.keys()].join(', ')})`);
		// area_key is in the index: rows of other areas are passed over without being read
		if (this.within !== null)
			conditions.push(`area_key IN (${this.tree.subtree(this.within).join(', ')})`);
		const read = (valueType: 'actual' | 'target', extra: string[]): SummedRow[] => {
			// One shape: its rows sum whatever their set. Several: each set apart, shape from the set.
			const bySet = oneShape ? '' : ', dimension_set_id';
			// `value_type` written out, not bound: only then may SQLite use the targets' index.
			// Ordered as the natural-key index is, which SQLite walks anyway: no sorting.
			return this.db.$client
				.prepare(
					`SELECT area_id, period_start, period_end, COUNT(value), TOTAL(value)${bySet}
					 FROM observations WHERE ${[...conditions, `value_type = '${valueType}'`, ...extra].join(' AND ')}
					 GROUP BY period_start, period_end, area_key${bySet}
					 ORDER BY period_start, period_end, area_key${bySet}`
				)
				.raw(true)
				.all(this.indicator.id) as SummedRow[];
		};
		const actual = read('actual', verifiedOnly ? [`verification = 'verified'`] : []);
		const target = read('target', []);
		const groups = (rows: SummedRow[]): FigureGroup[] =>
			unshadowed(rows, this.tree, this.within, ROW).map((r) => ({
				areaId: r[0],
				start: r[1],
				end: r[2],
				shape: oneShape ?? shapes.get(r[5]!)!,
				valueCount: r[3],
				valueSum: r[4],
				figures: null
			}));
		return { actual: groups(actual), target: groups(target), range: this.figureRange() };
	}

	/**
	 * From the first to the last figure of any kind, whatever the filter. The last end need not
	 * belong to the last start (a year ends after its months), so it is the latest end of each
	 * distinct start, found by hopping from start to start along the natural-key index.
	 */
	private figureRange(): FigureGroups['range'] {
		if (this.range === undefined) {
			const [from, to] = this.db.$client
				.prepare(
					`WITH RECURSIVE starts(start) AS (
					   SELECT MIN(period_start) FROM observations WHERE indicator_id = @id
					   UNION ALL
					   SELECT (SELECT MIN(period_start) FROM observations
					           WHERE indicator_id = @id AND period_start > start)
					   FROM starts WHERE start IS NOT NULL)
					 SELECT MIN(start), MAX((SELECT MAX(period_end) FROM observations
					                        WHERE indicator_id = @id AND period_start = start))
					 FROM starts WHERE start IS NOT NULL`
				)
				.raw(true)
				.get({ id: this.indicator.id }) as [string | null, string | null];
			this.range = from && to ? { from, to } : null;
		}
		return this.range;
	}
}

/** area id, period start, period end, figures with a value, their sum[, dimension set id] */
type SummedRow = [number | null, string, string, number, number, number?];

const ROW = {
	start: (r: SummedRow) => r[1],
	end: (r: SummedRow) => r[2],
	area: (r: SummedRow) => r[0]
};

/**
 * The indicator's figures in the shape the domain rules take. Read as raw rows and built once
 * each: an objective page reads millions of figures, and per-row mapping layers cost more than
 * the reading itself.
 */
export function loadFigures(db: Db, indicatorId: number): Figure[] {
	const sets = loadDimensionSets(db);
	const rows = db.$client
		.prepare(
			`SELECT area_id, period_start, period_end, dimension_set_id, value_type, verification,
			 value, numerator, denominator, sample_size FROM observations WHERE indicator_id = ?`
		)
		.raw(true)
		.all(indicatorId) as unknown[][];
	const figures = new Array<Figure>(rows.length);
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i]!;
		figures[i] = {
			areaId: r[0] as number | null,
			start: r[1] as string,
			end: r[2] as string,
			dimensions: sets.get(r[3] as number) ?? {},
			valueType: r[4] as Figure['valueType'],
			verification: r[5] as Figure['verification'],
			value: r[6] as number | null,
			numerator: r[7] as number | null,
			denominator: r[8] as number | null,
			sampleSize: r[9] as number | null
		};
	}
	return figures;
}
