import ExcelJS from 'exceljs';

/** Reads a workbook from bytes (a download, a generated file), as a spreadsheet program would. */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const book = new ExcelJS.Workbook();
	const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
	await book.xlsx.load(copy as ExcelJS.Buffer);
	return book;
}
