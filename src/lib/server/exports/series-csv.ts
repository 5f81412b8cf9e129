import type { SeriesPayload } from '../series/load-series';
import { csvChunks } from './csv';

export const SERIES_CSV_COLUMNS = [
	'indicator',
	'area',
	'by',
	'period',
	'start',
	'end',
	'partial',
	'actual',
	'target',
	'status'
] as const;

/** A series as CSV, one row per point, the same fields as the series payload. */
export function seriesCsv(series: SeriesPayload, { hxl = false } = {}): string {
	const rows = series.points.map((p) => [
		series.indicator,
		series.area,
		series.by,
		p.period,
		p.start,
		p.end,
		String(p.partial),
		p.actual,
		p.target,
		p.status
	]);
	return [...csvChunks(SERIES_CSV_COLUMNS, rows, { hxl: hxl ? 'series' : null })].join('');
}
