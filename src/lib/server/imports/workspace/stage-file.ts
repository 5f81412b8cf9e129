import { readWorkbook, sheetNames } from './sheets';
import { dropStaged, originalPath, saveStaged, stageUpload, type StagedFile } from './staging';

/**
 * Stages an upload for the mapping step: spooled to disk and hashed; a workbook's sheets are
 * listed (one sheet is chosen at once). A file that is neither CSV text nor a readable
 * workbook is refused here with a message the planner can act on.
 */
export async function stageFile(
	name: string,
	body: ReadableStream<Uint8Array> | Uint8Array
): Promise<StagedFile | { message: string }> {
	if (/\.(xls|ods|numbers)$/i.test(name)) {
		return {
			message: `"${name}" is not a CSV or .xlsx file: save it as .xlsx (Excel workbook) or CSV and upload it again.`
		};
	}
	const staged = await stageUpload(name, body);
	if (staged.sizeBytes === 0) {
		await dropStaged(staged.id);
		return { message: `"${name}" is empty.` };
	}
	let sheets: string[] = [];
	if (staged.format === 'xlsx') {
		try {
			sheets = sheetNames(await readWorkbook(originalPath(staged.id)));
		} catch {
			await dropStaged(staged.id);
			return {
				message: `"${name}" could not be read as an Excel workbook: open it in Excel or LibreOffice, save it as .xlsx and upload it again.`
			};
		}
		if (sheets.length === 0) {
			await dropStaged(staged.id);
			return { message: `"${name}" has no sheets.` };
		}
	}
	const file: StagedFile = {
		...staged,
		sheets,
		sheet: sheets.length === 1 ? sheets[0]! : null,
		mapping: null,
		source: null
	};
	await saveStaged(file);
	return file;
}
