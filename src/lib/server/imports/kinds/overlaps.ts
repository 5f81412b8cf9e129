import { m } from '../../../paraglide/messages.js';
import { overlapsPartly } from '../../../domain/period';
import type { Db } from '../../db';

export interface PartialOverlap {
	line: number;
	period: string;
	message: string;
}

interface Span {
	start: string;
	end: string;
}

/**
 * Calls `found` for each pair of spans that partly overlap, given spans sorted by start then
 * end. Only spans still open at a start can overlap it, so this is linear for regular series.
 */
function sweep<T extends Span>(sorted: Iterable<T>, found: (earlier: T, later: T) => void): void {
	let open: T[] = [];
	for (const span of sorted) {
		if (open.length > 0) {
			open = open.filter((o) => o.end >= span.start);
			for (const o of open) if (overlapsPartly(o, span)) found(o, span);
		}
		open.push(span);
	}
}

interface Item extends Span {
	group: string;
	period: string;
	/** the line in this batch's file, or null for a figure stored before */
	line: number | null;
}

/**
 * Two figures of one indicator, area, dimension values and type whose periods partly overlap
 * cannot both be true (formats.md §1.5); nested periods are fine (the longer one stands).
 * Reports pairs in which at least one figure comes from this batch.
 *
 * Calendar periods nest (months in quarters in years), so most indicators cannot have a
 * partial overlap at all: their distinct periods are checked first, and the figures are swept
 * group by group only when two distinct periods partly overlap.
 */
export function findPartialOverlaps(
	db: Db,
	batchId: number,
	indicatorIds: Iterable<number>
): PartialOverlap[] {
	const distinctPeriods = db.$client.prepare(
		`SELECT DISTINCT period_start AS start, period_end AS end FROM observations
		 WHERE indicator_id = ? ORDER BY period_start, period_end`
	);
	const figures = db.$client
		.prepare(
			`SELECT area_key || '|' || dimension_set_id || '|' || value_type, period, period_start, period_end,
			 batch_id, source_line FROM observations WHERE indicator_id = ?
			 ORDER BY area_key, dimension_set_id, value_type, period_start, period_end`
		)
		.raw(true);
	const found: PartialOverlap[] = [];
	for (const indicatorId of indicatorIds) {
		let possible = false;
		sweep(distinctPeriods.all(indicatorId) as Span[], () => (possible = true));
		if (!possible) continue;

		let group = '';
		let items: Item[] = [];
		const flush = () =>
			sweep(items, (a, b) => {
				if (a.line === null && b.line === null) return;
				const [here, other] = b.line !== null ? [b, a] : [a, b];
				found.push({
					line: here.line!,
					period: here.period,
					message:
						other.line !== null
							? m.impmsg_period_overlaps_line({
									period: here.period,
									other: other.period,
									line: String(other.line)
								})
							: m.impmsg_period_overlaps_stored({ period: here.period, other: other.period })
				});
			});
		for (const row of figures.iterate(indicatorId) as Iterable<unknown[]>) {
			const [key, period, start, end, batch, line] = row as [
				string,
				string,
				string,
				string,
				number,
				number | null
			];
			if (key !== group) {
				flush();
				group = key;
				items = [];
			}
			items.push({ group: key, period, start, end, line: batch === batchId ? line : null });
		}
		flush();
	}
	return found;
}
