import type { RbbReport } from '../../../domain/rbb-report';
import { rbbCsvRows } from '../../../format/rbb-tables';
import { csvChunks } from '../../exports/csv';

/** The report as one CSV file (UTF-8, numbers written plainly, as the exports write them). */
export function rbbCsv(report: RbbReport): string {
	const { fields, rows } = rbbCsvRows(report);
	return [...csvChunks(fields, rows)].join('');
}
