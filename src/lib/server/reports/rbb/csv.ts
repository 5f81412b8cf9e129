import type { RbbReport } from '../../../domain/rbb-report';
import { rbbCsvRows } from '../../../format/rbb-tables';
import { csvChunks } from '../../exports/csv';
import { inLocale } from '../../i18n/request-locale';

/**
 * The report as one CSV file (UTF-8, numbers written plainly, as the exports write them). The
 * header is the columns' keys, the same in every language; the words are the report's.
 */
export function rbbCsv(report: RbbReport, { hxl = false } = {}): string {
	const { fields, rows } = inLocale(report.locale, () => rbbCsvRows(report));
	return [...csvChunks(fields, rows, { hxl: hxl ? 'rbb' : null })].join('');
}
