import { m } from '../../../paraglide/messages.js';
import { EncodingSniffer } from '../decode';
import { streamRecords, type CsvRecord, type TableHeader } from '../read-table';
import { issue, type ImportIssue } from '../report';
import { sourceFromPath } from '../source';
import { originalPath, type StagedFile } from './staging';
import { streamWorkbook } from './workbook-records';

export interface StagedVisitor {
	header(header: TableHeader): void;
	record(record: CsvRecord): void;
}

/**
 * Reads a staged file — a CSV file, or the chosen sheet of a workbook — with the importer's
 * own record reader, so headers, blank rows and line numbers are exactly what the importer
 * will see. Resolves with an issue that makes the file unreadable, or null.
 */
export async function readStaged(
	file: StagedFile,
	visitor: StagedVisitor
): Promise<ImportIssue | null> {
	const path = originalPath(file.id);
	if (file.format === 'xlsx') {
		if (!file.sheet) return issue(null, null, null, m.impmsg_choose_sheet());
		return streamWorkbook(path, file.sheet, {
			header(header) {
				visitor.header(header);
				return null;
			},
			record: (record) => visitor.record(record)
		});
	}
	const source = sourceFromPath(path, file.name);
	const sniffer = new EncodingSniffer();
	for await (const chunk of source.chunks()) sniffer.push(chunk);
	const sniffed = sniffer.result();
	if (!sniffed.ok) return issue(null, null, null, sniffed.message);
	return streamRecords(source, sniffed.encoding, sniffed.bomLength, {
		header(header) {
			visitor.header(header);
			return null;
		},
		record: (record) => visitor.record(record)
	});
}
