import { overlapsPartly } from '../../../domain/period';
import type { Db } from '../../db';

export interface PartialOverlap {
	line: number;
	period: string;
	message: string;
}

interface Item {
	period: string;
	start: string;
	end: string;
	/** the line in this batch's file, or null for a figure stored before */
	line: number | null;
}

/**
 * Two figures of one indicator, area, dimension values and type whose periods partly overlap
 * cannot both be true (formats.md §1.5); nested periods are fine (the longer one stands).
 * Sweeps the touched indicators' figures in index order — one group at a time, so memory stays
 * flat — and reports pairs in which at least one figure comes from this batch.
 */
export function findPartialOverlaps(
	db: Db,
	batchId: number,
	indicatorIds: Iterable<number>
): PartialOverlap[] {
	const stmt = db.$client
		.prepare(
			`SELECT area_key, dimensions, value_type, period, period_start, period_end, batch_id, source_line
			 FROM observations WHERE indicator_id = ?
			 ORDER BY area_key, dimensions, value_type, period_start, period_end`
		)
		.raw(true);
	const found: PartialOverlap[] = [];
	for (const indicatorId of indicatorIds) {
		let group = '';
		let open: Item[] = [];
		for (const row of stmt.iterate(indicatorId) as Iterable<unknown[]>) {
			const [areaKey, dims, type, period, start, end, batch, line] = row as [
				number,
				string,
				string,
				string,
				string,
				string,
				number,
				number | null
			];
			const key = `${areaKey}|${dims}|${type}`;
			if (key !== group) {
				group = key;
				open = [];
			}
			const item: Item = { period, start, end, line: batch === batchId ? line : null };
			if (open.length > 0) {
				open = open.filter((o) => o.end >= start);
				for (const o of open) {
					if ((o.line === null && item.line === null) || !overlapsPartly(o, item)) continue;
					const [here, other] = item.line !== null ? [item, o] : [o, item];
					found.push({
						line: here.line!,
						period: here.period,
						message: `Period ${here.period} partly overlaps ${other.period} ${other.line !== null ? `on line ${other.line}` : '(already stored)'} for the same indicator, area, dimensions and value type; periods may nest but not partly overlap.`
					});
				}
			}
			open.push(item);
		}
	}
	return found;
}
