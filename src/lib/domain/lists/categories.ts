/**
 * The categories a list's breakdown columns put rows in (formats.md §5.3 step 4): a cell
 * matches a known category of the dimension ignoring case (and surrounding spaces), so
 * "Female" in the list joins the series of "female"; a blank cell is the category `unknown`.
 * A category nobody has used before is taken as the list writes it the first time, and told,
 * since it may be a typo that would start a new series.
 */
import { foldCell } from './list-columns';

export const UNKNOWN_CATEGORY = 'unknown';

/** A category first seen in this list: the importer records it and warns once. */
export interface NewCategory {
	dimension: string;
	category: string;
	line: number;
	/** the list's column, as written */
	column: string;
	/** made by the product for blank cells, not written by anyone: no typo to warn about */
	forBlank: boolean;
}

export class ListCategories {
	private readonly byDimension = new Map<string, Map<string, string>>();
	readonly added: NewCategory[] = [];

	constructor(known: ReadonlyMap<string, readonly string[]>) {
		for (const [dimension, categories] of known) {
			const folded = this.of(dimension);
			for (const c of categories) if (!folded.has(foldCell(c))) folded.set(foldCell(c), c);
		}
	}

	private of(dimension: string): Map<string, string> {
		let folded = this.byDimension.get(dimension);
		if (!folded) this.byDimension.set(dimension, (folded = new Map()));
		return folded;
	}

	/** The category a cell puts its row in, as the dimension already spells it. */
	categoryOf(dimension: string, cell: string, line: number, column: string): string {
		const forBlank = cell.trim() === '';
		const written = forBlank ? UNKNOWN_CATEGORY : cell.trim();
		const folded = this.of(dimension);
		const key = foldCell(written);
		const known = folded.get(key);
		if (known !== undefined) return known;
		folded.set(key, written);
		this.added.push({ dimension, category: written, line, column, forBlank });
		return written;
	}
}
