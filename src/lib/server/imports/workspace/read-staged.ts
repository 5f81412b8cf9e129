import { EncodingSniffer } from '../decode';
import { RecordAssembler, streamRecords, type CsvRecord, type TableHeader } from '../read-table';
import { issue, type ImportIssue } from '../report';
import { sourceFromPath } from '../source';
import { WorkbookProblem, sheetRows } from './sheets';
import { originalPath, type StagedFile } from './staging';

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
		if (!file.sheet) return issue(null, null, null, 'Choose the sheet to import.');
		const assembler = new RecordAssembler(',');
		try {
			for await (const row of sheetRows(path, file.sheet)) {
				const hadHeader = assembler.header !== null;
				const out = assembler.push(row);
				if (out && 'message' in out) return out;
				if (out) visitor.record(out);
				else if (!hadHeader && assembler.header) visitor.header(assembler.header);
			}
		} catch (e) {
			if (!(e instanceof WorkbookProblem)) throw e;
			const line = e.row === null ? null : assembler.lineOf(e.row - 1);
			const column = e.column === null ? null : assembler.columnName(e.column - 1);
			return issue(line, column, null, e.message);
		}
		return assembler.header
			? null
			: issue(null, null, null, `The sheet "${file.sheet}" is empty: it has no header row.`);
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
