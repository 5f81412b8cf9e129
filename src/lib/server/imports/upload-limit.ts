import { Transform } from 'node:stream';
import { MB, uploadLimitMb } from '../settings/upload-limit.js';

/** An upload refused for its size; nothing of it is kept. */
export class UploadTooLarge extends Error {
	constructor(sizeBytes: number | null) {
		super(tooLargeMessage(sizeBytes));
		this.name = 'UploadTooLarge';
	}
}

function megabytes(bytes: number): string {
	return (bytes / MB).toFixed(1).replace(/\.0$/, '');
}

/** `sizeBytes` null: the size is not known, only that it passed the limit while spooling. */
export function tooLargeMessage(sizeBytes: number | null): string {
	const limit = megabytes(uploadLimitMb() * MB);
	const size = sizeBytes === null ? `over ${limit} MB` : `${megabytes(sizeBytes)} MB`;
	return `The file is ${size}; the limit is ${limit} MB (CPAS_UPLOAD_LIMIT_MB).`;
}

/** A form wraps the file in boundaries and other fields: this much is allowed for them. */
export const FORM_FRAMING_BYTES = 64 * 1024;

/**
 * The refusal for a request whose Content-Length already says it is too large (before a byte
 * is read or written), or null. `framing`: bytes of the body that are not the file.
 */
export function refuseDeclaredSize(request: Request, framing = 0): UploadTooLarge | null {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (!Number.isFinite(declared)) return null;
	// the message names the declared size: within a form's framing, that is the file's
	return declared - framing > uploadLimitMb() * MB ? new UploadTooLarge(declared) : null;
}

/** The refusal for a file already received whole (a form's field), or null. */
export function refuseFileSize(sizeBytes: number): UploadTooLarge | null {
	return sizeBytes > uploadLimitMb() * MB ? new UploadTooLarge(sizeBytes) : null;
}

/**
 * A stage of a spooling pipeline that counts the bytes and fails with UploadTooLarge as soon as
 * they pass the limit: a body sent without Content-Length is stopped there, not at the end.
 */
export function byteLimit(): Transform {
	const limit = uploadLimitMb() * MB;
	let seen = 0;
	return new Transform({
		transform(chunk: Buffer, _encoding, done) {
			seen += chunk.length;
			if (seen > limit) done(new UploadTooLarge(null));
			else done(null, chunk);
		}
	});
}
