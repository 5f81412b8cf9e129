import { m } from '../../../paraglide/messages.js';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { authorize } from '../../permissions';
import { WorkbookProblem, sheetNames } from './sheets';
import { tooLargeFailure } from '../upload-limit';
import { dropStaged, originalPath, saveStaged, stageUpload, type StagedFile } from './staging';

export interface StageRefusal {
	message: string;
	status: 400 | 413;
}

/**
 * Stages an upload for the mapping step: spooled to disk and hashed; a workbook's sheets are
 * listed (one sheet is chosen at once). A file that is neither CSV text nor a readable
 * workbook, or one past the upload limit, is refused here with a message the planner can act
 * on and the HTTP status to answer with.
 */
export async function stageFile(
	_db: Db,
	actor: Actor,
	name: string,
	body: ReadableStream<Uint8Array> | Uint8Array
): Promise<StagedFile | StageRefusal> {
	authorize(actor, 'import');
	if (/\.(xls|ods|numbers)$/i.test(name)) {
		return {
			message: m.impmsg_upload_not_csv_or_xlsx({ name }),
			status: 400
		};
	}
	let staged;
	try {
		staged = await stageUpload(name, body);
	} catch (e) {
		const tooLarge = tooLargeFailure(e);
		if (tooLarge) return { message: tooLarge.message, status: 413 };
		throw e;
	}
	if (staged.sizeBytes === 0) {
		await dropStaged(staged.id);
		return { message: m.impmsg_upload_empty({ name }), status: 400 };
	}
	let sheets: string[] = [];
	if (staged.format === 'xlsx') {
		try {
			sheets = await sheetNames(originalPath(staged.id));
		} catch (e) {
			if (!(e instanceof WorkbookProblem)) throw e;
			await dropStaged(staged.id);
			return {
				message: m.impmsg_upload_not_workbook({ name }),
				status: 400
			};
		}
		if (sheets.length === 0) {
			await dropStaged(staged.id);
			return { message: m.impmsg_upload_no_sheets({ name }), status: 400 };
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
