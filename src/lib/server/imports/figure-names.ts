import type { Db } from '../db';
import { loadDimensionSets } from '../observations/dimension-sets';

/** The stored columns that name a figure (as in observations and in a history version). */
export interface StoredFigureKey {
	indicator_id: number;
	period: string;
	area_id: number | null;
	dimension_set_id: number;
	value_type: string;
}

/** A figure named the way people and files name it: codes, period, breakdown. */
export interface FigureName {
	indicator: string;
	period: string;
	/** null: the whole mission */
	area: string | null;
	dimensions: Record<string, string>;
	valueType: string;
}

/**
 * Turns stored ids into codes, for lists of figures that may no longer exist (a deleted figure
 * is still named by the version the history kept). Indicators, areas and dimension sets are
 * small tables, read once per list.
 */
export class FigureNames {
	private readonly indicators: Map<number, string>;
	private readonly areas: Map<number, string>;
	private readonly sets: Map<number, Record<string, string>>;

	constructor(db: Db) {
		const codes = (table: string) =>
			new Map(
				(
					db.$client.prepare(`SELECT id, code FROM ${table}`).all() as {
						id: number;
						code: string;
					}[]
				).map((r) => [r.id, r.code])
			);
		this.indicators = codes('indicators');
		this.areas = codes('areas');
		this.sets = loadDimensionSets(db);
	}

	of(key: StoredFigureKey): FigureName {
		return {
			indicator: this.indicators.get(key.indicator_id) ?? `#${key.indicator_id}`,
			period: key.period,
			area: key.area_id === null ? null : (this.areas.get(key.area_id) ?? `#${key.area_id}`),
			dimensions: this.sets.get(key.dimension_set_id) ?? {},
			valueType: key.value_type
		};
	}
}
