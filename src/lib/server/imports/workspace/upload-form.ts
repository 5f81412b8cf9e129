import { m } from '../../../paraglide/messages.js';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { authorize } from '../../permissions';
import { FORM_FRAMING_BYTES, refuseDeclaredSize, tooLargeFailure } from '../upload-limit';
import { stageFile, type StageRefusal } from './stage-file';
import type { StagedFile } from './staging';

/** A part's headers longer than this are no browser's: the form is refused. */
const HEADER_BYTES = 16 * 1024;

/** A form the browser could not have sent: said plainly, nothing kept. */
class MalformedForm extends Error {}

/**
 * Reads a multipart body as it arrives, part by part, keeping in memory only what it has not
 * passed on yet (a part's headers, or the few bytes that might begin the next boundary).
 */
class MultipartReader {
	private buffered: Buffer;
	private readonly delimiter: Buffer;
	private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

	constructor(body: ReadableStream<Uint8Array>, boundary: string) {
		this.reader = body.getReader();
		this.delimiter = Buffer.from(`\r\n--${boundary}`);
		// the body opens with a boundary that has no line break before it: one is put in front
		this.buffered = Buffer.from('\r\n');
	}

	/** Reads one more piece of the body; false at its end. Fails as the body fails (413…). */
	private async more(): Promise<boolean> {
		const { done, value } = await this.reader.read();
		if (done) return false;
		const piece = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
		this.buffered = this.buffered.length ? Buffer.concat([this.buffered, piece]) : piece;
		return true;
	}

	/** Skips to the next part and reads its headers; null after the last part. */
	async nextPart(): Promise<string | null> {
		for (;;) {
			const at = this.buffered.indexOf(this.delimiter);
			if (at >= 0) {
				this.buffered = this.buffered.subarray(at + this.delimiter.length);
				break;
			}
			this.buffered = this.buffered.subarray(
				Math.max(0, this.buffered.length - this.delimiter.length + 1)
			);
			if (!(await this.more())) return null;
		}
		while (this.buffered.length < 2) if (!(await this.more())) return null;
		if (this.buffered.subarray(0, 2).toString() === '--') return null;
		for (;;) {
			const end = this.buffered.indexOf('\r\n\r\n');
			if (end >= 0) {
				const headers = this.buffered.subarray(0, end).toString('utf8');
				this.buffered = this.buffered.subarray(end + 4);
				return headers;
			}
			if (this.buffered.length > HEADER_BYTES) throw new MalformedForm();
			if (!(await this.more())) return null;
		}
	}

	/**
	 * The current part's content as a stream, passed on as it arrives (one piece per read), up
	 * to the next boundary. A body that ends before it fails the stream.
	 */
	content(): ReadableStream<Uint8Array> {
		return new ReadableStream<Uint8Array>({
			pull: async (controller) => {
				for (;;) {
					const at = this.buffered.indexOf(this.delimiter);
					if (at >= 0) {
						if (at > 0) controller.enqueue(this.buffered.subarray(0, at));
						this.buffered = this.buffered.subarray(at);
						controller.close();
						return;
					}
					// what could be the start of the boundary stays until the next piece says
					const safe = this.buffered.length - this.delimiter.length + 1;
					if (safe > 0) {
						controller.enqueue(this.buffered.subarray(0, safe));
						this.buffered = this.buffered.subarray(safe);
						return;
					}
					if (!(await this.more())) throw new Error('The upload ended before its file did.');
				}
			},
			cancel: (reason) => this.reader.cancel(reason)
		});
	}
}

/** `name="file"; filename="a.csv"` → the field's name and the file's, if it is a file. */
function disposition(headers: string): { field: string | null; file: string | null } {
	const line = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
	const field = /;\s*name="([^"]*)"/i.exec(line)?.[1] ?? null;
	const extended = /;\s*filename\*=UTF-8''([^;\s]+)/i.exec(line)?.[1];
	let file = /;\s*filename="((?:[^"\\]|\\.)*)"/i.exec(line)?.[1]?.replace(/\\(.)/g, '$1') ?? null;
	if (extended) file = decodeURIComponent(extended);
	// some browsers send the path the file was chosen from
	return { field, file: file === null ? null : (file.split(/[\\/]/).at(-1) ?? '') };
}

/**
 * The import form as a browser without JavaScript sends it (multipart, the file in the field
 * `file`), staged for the mapping step. The body is read as it arrives and the file streamed
 * to the staging folder: never held whole, never parsed in one go on the request thread (which
 * held every other user's page for 1–3.5 s while a 98 MB form was read, `npm run
 * test:hostile`). Past the upload limit the answer is a 413 with the message naming the limit
 * however the body came: by its Content-Length before a byte is read; without one (chunked),
 * once the limit is passed while it is read.
 */
export async function stageFormUpload(
	db: Db,
	actor: Actor,
	request: Request
): Promise<StagedFile | StageRefusal> {
	authorize(actor, 'import');
	const declared = refuseDeclaredSize(request, FORM_FRAMING_BYTES);
	if (declared) return { message: declared.message, status: 413 };
	const boundary = /^multipart\/form-data;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(
		request.headers.get('content-type') ?? ''
	);
	if (!boundary || !request.body) return { message: m.impmsg_choose_file(), status: 400 };
	const form = new MultipartReader(request.body, boundary[1] ?? boundary[2]!);
	try {
		for (let headers = await form.nextPart(); headers !== null; headers = await form.nextPart()) {
			const { field, file } = disposition(headers);
			if (field !== 'file') continue;
			if (!file) break;
			return await stageFile(db, actor, file, form.content());
		}
	} catch (e) {
		if (e instanceof MalformedForm) {
			return { message: m.impmsg_form_headers_unreadable(), status: 400 };
		}
		// the body passed adapter-node's limit while the parts were looked for: a 413 too
		const tooLarge = tooLargeFailure(e);
		if (tooLarge) return { message: tooLarge.message, status: 413 };
		throw e;
	}
	return { message: m.impmsg_choose_file(), status: 400 };
}
