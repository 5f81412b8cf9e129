import { m } from '../../../paraglide/messages.js';
import type { Db } from '../../db';
import type { FileReport } from '../report';
import type { RowReader } from '../row-reader';

/** "Female ", "female" and "FEMALE" are one category written three ways. */
function fold(category: string): string {
	return category.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The known categories of each dimension. A new category is accepted with a warning the first
 * time it appears (it may be a typo that would split a series); a known category written with
 * another case or spacing is an error, because it would split the series silently.
 */
export class DimensionCategories {
	private readonly known = new Map<string, Map<string, string>>();
	/** dimension + NUL + category, for the common case: a category already known as written */
	private readonly exact = new Set<string>();
	private readonly remember;

	constructor(
		db: Db,
		private readonly report: FileReport,
		private readonly batchId: number
	) {
		const rows = db.$client
			.prepare('SELECT dimension, category FROM dimension_categories')
			.all() as { dimension: string; category: string }[];
		for (const { dimension, category } of rows) this.add(dimension, category);
		this.remember = db.$client.prepare(
			'INSERT OR IGNORE INTO dimension_categories (dimension, category, first_batch_id) VALUES (?, ?, ?)'
		);
	}

	private add(dimension: string, category: string): void {
		let categories = this.known.get(dimension);
		if (!categories) this.known.set(dimension, (categories = new Map()));
		categories.set(fold(category), category);
		this.exact.add(`${dimension}\u0000${category}`);
	}

	/** The known categories of each dimension, as first written. */
	byDimension(): Map<string, string[]> {
		return new Map([...this.known].map(([d, categories]) => [d, [...categories.values()]]));
	}

	/**
	 * Records a category a list uses for the first time (a list's categories are matched to
	 * the known ones ignoring case before they get here), with the first-time warning unless
	 * the product made it (`unknown` for blank cells).
	 */
	addFromList(
		dimension: string,
		category: string,
		at: { line: number; column: string },
		warn: boolean
	): void {
		const others = [...(this.known.get(dimension)?.values() ?? [])];
		if (warn) {
			// the four fields only: `at` may be the list's whole record of the category,
			// which would leak into the report (and the API's documented ImportIssue)
			this.report.warnings.push({
				line: at.line,
				column: at.column,
				value: category,
				message: newCategoryMessage(category, dimension, others)
			});
		}
		this.add(dimension, category);
		this.remember.run(dimension, category, this.batchId);
	}

	/** Whether the category may be used; reports the error or the first-time warning. */
	check(r: RowReader, dimension: string, category: string): boolean {
		if (this.exact.has(`${dimension}\u0000${category}`)) return true;
		const categories = this.known.get(dimension);
		const canonical = categories?.get(fold(category));
		if (canonical === category) return true;
		if (canonical !== undefined) {
			r.error(
				dimension,
				category,
				m.impmsg_category_other_spelling({ category, canonical, dimension })
			);
			return false;
		}
		const others = categories ? [...categories.values()] : [];
		this.report.warnings.push({
			line: r.line,
			column: dimension,
			value: category,
			message: newCategoryMessage(category, dimension, others)
		});
		this.add(dimension, category);
		this.remember.run(dimension, category, this.batchId);
		return true;
	}
}

/** The warning on a category seen for the first time, naming the known ones. */
function newCategoryMessage(category: string, dimension: string, others: string[]): string {
	return others.length
		? m.impmsg_category_new_known({ category, dimension, known: others.join(', ') })
		: m.impmsg_category_new({ category, dimension });
}
