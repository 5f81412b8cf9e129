import { hidesFigure, type CellNumbers, type Suppression } from '../../domain/small-cells';
import type { Measure, Sensitivity } from '../../domain/vocabulary';
import type { Db } from '../db';
import { smallCellThreshold } from '../settings/small-cells';

/** A figure as a list of stored figures names it: what, besides its numbers, decides. */
interface FigureKind {
	valueType: string;
	dimensions: Readonly<Record<string, string>>;
}

/**
 * Small-cell suppression for lists that show stored figures of many indicators side by side
 * (an import's figures and the versions it replaced). Indicators are a small table: read once
 * per list, like the figures' names.
 */
export class SmallFigures {
	readonly threshold: number;
	private readonly indicators: Map<number, { measure: Measure; sensitivity: Sensitivity }>;

	constructor(db: Db) {
		this.threshold = smallCellThreshold(db);
		const rows = db.$client
			.prepare(`SELECT id, measure, sensitivity FROM indicators WHERE sensitivity = 'restricted'`)
			.all() as { id: number; measure: Measure; sensitivity: Sensitivity }[];
		this.indicators = new Map(rows.map((r) => [r.id, r]));
	}

	/** The figure's numbers, or all of them null and the reason when it is a small cell. */
	shown<T extends CellNumbers>(
		indicatorId: number,
		figure: FigureKind,
		numbers: T
	): T & { suppressed: Suppression | null } {
		const indicator = this.indicators.get(indicatorId);
		if (indicator && hidesFigure(indicator, { ...figure, ...numbers }, this.threshold)) {
			return { ...numbers, value: null, numerator: null, denominator: null, suppressed: 'small' };
		}
		return { ...numbers, suppressed: null };
	}
}
