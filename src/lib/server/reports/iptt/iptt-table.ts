/**
 * The IPTT as one table — its columns and rows — for both of its files: the workbook
 * (iptt-xlsx.ts, headers in the reader's language) and the CSV form (iptt-csv.ts, headers as
 * stable keys, with the HXL hashtag row on demand). One home for the rows, so the two files
 * always hold the same figures.
 */
import { unitOf } from '../../../format/rbb-tables';
import { m } from '../../../paraglide/messages.js';
import type { Cell } from '../../exports/csv';
import type { Iptt } from './iptt';

/** The fixed columns: a key for the CSV header and a header in the reader's language. */
export function ipttFixedColumns(): { key: string; header: string }[] {
	return [
		{ key: 'objective_code', header: m.rep_iptt_objective() },
		{ key: 'indicator_code', header: m.rep_col_indicator() },
		{ key: 'indicator_title', header: m.rep_iptt_col_title() },
		{ key: 'category', header: m.rep_col_category() },
		{ key: 'tier', header: m.rep_iptt_tier() },
		{ key: 'component', header: m.rep_iptt_component() },
		{ key: 'direction', header: m.rep_iptt_col_direction() },
		{ key: 'unit', header: m.rep_col_unit() },
		{ key: 'baseline_value', header: m.rep_col_baseline() },
		{ key: 'baseline_period', header: m.rep_tab_baseline_period() }
	];
}

/** The three columns of each period, in order: target, actual, % met. */
export const IPTT_PERIOD_PARTS = ['target', 'actual', 'percent_met'] as const;

/** One row per indicator: the fixed cells, then target, actual and % met of each period. */
export function ipttRows(iptt: Iptt): Cell[][] {
	return iptt.rows.map((r) => [
		r.objective,
		r.code,
		r.title,
		r.category,
		r.tier ?? '',
		r.component ?? '',
		r.direction,
		unitOf(r.measure, r.unit),
		r.baselineValue,
		r.baselinePeriod ?? '',
		...r.cells.flatMap((c) => [c?.target ?? null, c?.actual ?? null, c?.percentMet ?? null])
	]);
}
