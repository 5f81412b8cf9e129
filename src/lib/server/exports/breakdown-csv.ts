import { suppressedExportText } from '../../domain/small-cells';
import type { Breakdown } from '../series/breakdown';
import { csvChunks, type Cell } from './csv';

export const BREAKDOWN_CSV_COLUMNS = [
	'indicator',
	'area',
	'by',
	'dimension',
	'category',
	'period',
	'start',
	'end',
	'actual'
] as const;

/**
 * A breakdown as CSV, one row per category and period. A hidden cell is written as the text
 * `<5` (or `hidden` for a complement), never as a number, so no program can sum it by mistake
 * and the reader sees why it is missing.
 */
export function breakdownCsv(b: Breakdown, { hxl = false } = {}): string {
	const rows = b.categories.flatMap((c) =>
		c.points.map((p): Cell[] => [
			b.indicator,
			b.area,
			b.by,
			b.dimension,
			c.category,
			p.period,
			p.start,
			p.end,
			p.suppressed ? suppressedExportText(p.suppressed, b.threshold) : p.actual
		])
	);
	return [...csvChunks(BREAKDOWN_CSV_COLUMNS, rows, { hxl: hxl ? 'breakdown' : null })].join('');
}
