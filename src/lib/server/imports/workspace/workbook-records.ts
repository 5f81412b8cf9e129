import { m } from '../../../paraglide/messages.js';
import { RecordAssembler, type StreamHandlers } from '../read-table';
import { issue, type ImportIssue } from '../report';
import { WorkbookProblem, sheetNames, sheetRows } from './sheets';

/** The first sheet of a workbook (a list is its first sheet). */
export async function firstSheet(path: string): Promise<string | ImportIssue> {
	try {
		const [first] = await sheetNames(path);
		return first ?? issue(null, null, null, m.impmsg_workbook_no_sheet());
	} catch (e) {
		if (e instanceof WorkbookProblem) return issue(null, null, null, e.message);
		throw e;
	}
}

/**
 * Streams a workbook's sheet, row by row, through the importer's own record reader — as
 * streamRecords does a CSV file — so headers, blank rows and line numbers are what the
 * importer sees in a CSV file. Resolves with an issue that refuses the file, or null.
 */
export async function streamWorkbook(
	path: string,
	sheet: string,
	handlers: StreamHandlers
): Promise<ImportIssue | null> {
	const assembler = new RecordAssembler(',');
	try {
		for await (const row of sheetRows(path, sheet)) {
			const hadHeader = assembler.header !== null;
			const out = assembler.push(row);
			if (out && 'message' in out) return out;
			// the header first: it is known with the row under it (a tag row or the first record)
			if (!hadHeader && assembler.header) {
				const refused = handlers.header(assembler.header);
				if (refused) return refused;
			}
			if (out) handlers.record(out);
		}
		if (!assembler.header) {
			const refused = assembler.finish() ?? (assembler.header && handlers.header(assembler.header));
			if (refused) return refused;
		}
	} catch (e) {
		if (!(e instanceof WorkbookProblem)) throw e;
		const line = e.row === null ? null : assembler.lineOf(e.row - 1);
		const column = e.column === null ? null : assembler.columnName(e.column - 1);
		return issue(line, column, null, e.message);
	}
	return assembler.header
		? null
		: issue(null, null, null, m.impmsg_sheet_empty_no_header({ sheet }));
}
