import { overlapsPartly } from '../../../domain/period';
import type { ObservationDraft } from './write-observations';

export interface PartialOverlap {
	line: number;
	period: string;
	message: string;
}

/** A figure already stored, as far as the overlap rule needs it. */
export interface StoredPeriod {
	period: string;
	start: string;
	end: string;
}

interface Item {
	line: number | null;
	label: string;
	start: string;
	end: string;
}

/**
 * Two figures of one indicator, area, dimension values and type whose periods partly overlap
 * cannot both be true (formats.md §1.5); nested periods are fine (the longer one stands).
 * Checks the file against itself and against what is stored.
 */
export function findPartialOverlaps(
	drafts: ObservationDraft[],
	storedOf: (group: ObservationDraft) => StoredPeriod[] = () => []
): PartialOverlap[] {
	const groups = new Map<string, ObservationDraft[]>();
	for (const d of drafts) {
		const key = [d.indicatorId, d.areaId ?? 0, d.dimensions, d.valueType].join('|');
		const list = groups.get(key) ?? [];
		list.push(d);
		groups.set(key, list);
	}
	const found: PartialOverlap[] = [];
	for (const list of groups.values()) {
		const items: Item[] = list.map((d) => ({
			line: d.line,
			label: d.period.label,
			start: d.period.start,
			end: d.period.end
		}));
		const inFile = new Set(items.map((i) => `${i.start}/${i.end}`));
		for (const s of storedOf(list[0]!)) {
			if (!inFile.has(`${s.start}/${s.end}`)) {
				items.push({ line: null, label: s.period, start: s.start, end: s.end });
			}
		}
		// Sweep by start; only figures still open at a start can overlap it.
		items.sort((a, b) => a.start.localeCompare(b.start) || b.end.localeCompare(a.end));
		let open: Item[] = [];
		for (const item of items) {
			open = open.filter((o) => o.end >= item.start);
			for (const o of open) {
				if (!overlapsPartly(o, item) || (o.line === null && item.line === null)) continue;
				const [here, other] = item.line !== null ? [item, o] : [o, item];
				found.push({
					line: here.line!,
					period: here.label,
					message: `Period ${here.label} partly overlaps ${other.label} ${other.line !== null ? `on line ${other.line}` : '(already stored)'} for the same indicator, area, dimensions and value type; periods may nest but not partly overlap.`
				});
			}
			open.push(item);
		}
	}
	return found.sort((a, b) => a.line - b.line);
}
