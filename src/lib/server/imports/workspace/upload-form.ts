import {
	FORM_FRAMING_BYTES,
	refuseDeclaredSize,
	refuseFileSize,
	tooLargeFailure
} from '../upload-limit';
import type { StageRefusal } from './stage-file';

/**
 * The file of the import form as a browser without JavaScript sends it (multipart, field
 * `file`), or the refusal to answer with. Past the upload limit the answer is a 413 with the
 * message naming the limit however the body came: by its Content-Length before a byte is read;
 * a chunked body (no length) once adapter-node's body limit stops it while it is read — which
 * otherwise reached the planner as "Something went wrong"; a form within that limit whose file
 * is still past ours, by the file's size.
 */
export async function uploadedFile(request: Request): Promise<{ file: File } | StageRefusal> {
	const declared = refuseDeclaredSize(request, FORM_FRAMING_BYTES);
	if (declared) return { message: declared.message, status: 413 };
	let form: FormData;
	try {
		form = await request.formData();
	} catch (e) {
		const tooLarge = tooLargeFailure(e);
		if (tooLarge) return { message: tooLarge.message, status: 413 };
		throw e;
	}
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) {
		return { message: 'Choose a CSV or Excel (.xlsx) file to upload.', status: 400 };
	}
	const tooLarge = refuseFileSize(file.size);
	if (tooLarge) return { message: tooLarge.message, status: 413 };
	return { file };
}
