/**
 * What a list would do, shown before it is committed (the /import page's preview of a list):
 * per rule, the rows it matched and the figures it produced, each with how it changes what is
 * stored. Built by a dry run of the very import that commits (server/lists), so the preview
 * cannot say anything the import would not do.
 *
 * Bounded: a rule of an incident log can produce tens of thousands of figures (50 areas × 120
 * months × categories); the preview carries the counts of every status but at most
 * PREVIEW_FIGURES_PER_RULE figures per rule — the changed and removed ones first, since they
 * are what a planner must check, then new, then unchanged — and says when it left some out.
 * Small enough to send to a browser (a few hundred kilobytes at most for six rules).
 */

/** How a figure of the list compares with what is stored (formats.md §5.3 step 6). */
export type FigureStatus = 'new' | 'changed' | 'unchanged' | 'removed';

export const FIGURE_STATUSES: readonly FigureStatus[] = ['changed', 'removed', 'new', 'unchanged'];

export const PREVIEW_FIGURES_PER_RULE = 500;

export interface PreviewFigure {
	/** the period's label, e.g. `2024-03` or `2024-Q1` */
	period: string;
	periodStart: string;
	/** the area's code */
	area: string | null;
	/** dimension → category; empty for a total figure */
	dimensions: Record<string, string>;
	status: FigureStatus;
	/** the stored value before (null when new) */
	old: number | null;
	/** the value the list gives (null when removed) */
	new: number | null;
	/** the list's rows behind the figure (0 for a zero, or a removed figure) */
	rows: number;
}

export interface RulePreview {
	indicator: string;
	indicatorTitle: string;
	measure: string;
	/** rows that pass the rule's `where` */
	matched: number;
	/** figures the rule produced, zeros included (removed ones not) */
	figures: number;
	counts: Record<FigureStatus, number>;
	/** the covered periods, first and last label, null when the list had no dated row */
	coveredFrom: string | null;
	coveredTo: string | null;
	/** at most PREVIEW_FIGURES_PER_RULE figures: changed, removed, new, then unchanged */
	shown: PreviewFigure[];
	/** figures left out of `shown` */
	leftOut: number;
}

export interface ListPreview {
	source: string;
	rules: RulePreview[];
}

export function emptyStatusCounts(): Record<FigureStatus, number> {
	return { new: 0, changed: 0, unchanged: 0, removed: 0 };
}

/**
 * Keeps the figures a preview shows while they stream by: every status counted, and at most
 * `limit` figures kept, preferring the statuses a planner must check.
 */
export class PreviewSample {
	readonly counts = emptyStatusCounts();
	private readonly kept: Record<FigureStatus, PreviewFigure[]> = {
		new: [],
		changed: [],
		unchanged: [],
		removed: []
	};

	constructor(private readonly limit = PREVIEW_FIGURES_PER_RULE) {}

	add(figure: PreviewFigure): void {
		this.counts[figure.status]++;
		// each status keeps up to the limit; the order of statuses decides what is shown
		const list = this.kept[figure.status];
		if (list.length < this.limit) list.push(figure);
	}

	/** The figures shown, in status order, then by period and area; and how many were left out. */
	shown(): { shown: PreviewFigure[]; leftOut: number } {
		const shown: PreviewFigure[] = [];
		for (const status of FIGURE_STATUSES) {
			const sorted = [...this.kept[status]].sort(
				(a, b) =>
					a.periodStart.localeCompare(b.periodStart) || (a.area ?? '').localeCompare(b.area ?? '')
			);
			for (const f of sorted) if (shown.length < this.limit) shown.push(f);
		}
		const total = Object.values(this.counts).reduce((a, b) => a + b, 0);
		return { shown, leftOut: total - shown.length };
	}
}
