import { csvChunks } from '../../exports/csv';
import type { Iptt } from './iptt';
import { IPTT_PERIOD_PARTS, ipttFixedColumns, ipttRows } from './iptt-table';

/**
 * The IPTT as CSV: the workbook's table, one row per indicator, with keys for headers (the same
 * in every language) — `2024_target`, `2024_actual`, `2024_percent_met` for each period — and,
 * with `hxl`, the HXL hashtag row under them (docs/formats.md "HXL").
 */
export function ipttCsv(iptt: Iptt, { hxl = false } = {}): string {
	const fields = [
		...ipttFixedColumns().map((c) => c.key),
		...iptt.periods.flatMap((p) => IPTT_PERIOD_PARTS.map((part) => `${p}_${part}`))
	];
	return [...csvChunks(fields, ipttRows(iptt), { hxl: hxl ? 'iptt' : null })].join('');
}
