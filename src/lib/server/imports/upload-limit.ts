import { Transform } from 'node:stream';
import { m } from '../../paraglide/messages.js';
import { numberText } from '../../format/numbers';
import { MB, uploadLimitMb } from '../settings/upload-limit.js';

/** An upload refused for its size; nothing of it is kept. */
export class UploadTooLarge extends Error {
	constructor(sizeBytes: number | null) {
		super(tooLargeMessage(sizeBytes));
		this.name = 'UploadTooLarge';
	}
}

function megabytes(bytes: number): string {
	// one decimal at most, in the reader's language: 1.5 / 1,5
	return numberText(Math.round((bytes / MB) * 10) / 10, { useGrouping: false });
}

/** `sizeBytes` null: the size is not known, only that it passed the limit while spooling. */
export function tooLargeMessage(sizeBytes: number | null): string {
	const limit = megabytes(uploadLimitMb() * MB);
	return sizeBytes === null
		? m.impmsg_upload_over_limit({ limit })
		: m.impmsg_upload_too_large({ size: megabytes(sizeBytes), limit });
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

/** Past the limit, this much more of a body is read (and dropped) before the connection is cut. */
const DRAIN_BYTES = 256 * MB;

/**
 * A stage of a spooling pipeline that counts the bytes and keeps none past the limit. The rest
 * of the body is still read, and dropped, so the client — which sends the whole body before it
 * reads an answer — gets the 413 and its message rather than a reset connection; a body that
 * goes on past the limit and DRAIN_BYTES more is cut off there. Fails with UploadTooLarge.
 */
export function byteLimit(): Transform {
	const limit = uploadLimitMb() * MB;
	let seen = 0;
	return new Transform({
		transform(chunk: Buffer, _encoding, done) {
			seen += chunk.length;
			if (seen <= limit) done(null, chunk);
			else if (seen > limit + DRAIN_BYTES) done(new UploadTooLarge(null));
			else done();
		},
		flush(done) {
			done(seen > limit ? new UploadTooLarge(seen) : null);
		}
	});
}

/**
 * The refusal for an upload that failed while it was read: ours, or adapter-node's when the
 * body passed its BODY_SIZE_LIMIT (a SvelteKitError with status 413); null for other failures.
 */
export function tooLargeFailure(e: unknown): UploadTooLarge | null {
	if (e instanceof UploadTooLarge) return e;
	return (e as { status?: number } | null)?.status === 413 ? new UploadTooLarge(null) : null;
}
