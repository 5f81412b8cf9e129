import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const COMPRESSIBLE = /^(text\/html|application\/json|text\/csv|text\/plain)/;
const MIN_BYTES = 1024;

/** Says that the answer depends on Accept-Encoding, once. */
export function varyOnEncoding(headers: Headers): void {
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!/\baccept-encoding\b/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}

export type Encoding = 'br' | 'gzip';

/** The encoding a request accepts that we use: brotli, else gzip, else none. */
export function encodingFor(request: Request): Encoding | null {
	const accepts = request.headers.get('accept-encoding') ?? '';
	return /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
}

/** Whether a body is worth compressing: smaller ones gain less than their headers. */
export function worthPacking(body: Uint8Array): boolean {
	return body.byteLength >= MIN_BYTES;
}

/**
 * Brotli at a middle quality: most of the gain for a few milliseconds. A large chunk size,
 * so a page goes to the compressing thread and back once instead of once per 16 KB.
 */
export function pack(body: Uint8Array, encoding: Encoding): Promise<Buffer<ArrayBuffer>> {
	const chunkSize = Math.max(16 * 1024, Math.min(body.byteLength, 1024 * 1024));
	// zlib's output is a plain buffer of its own, never a view of shared memory
	return (
		encoding === 'br'
			? brotli(body, { chunkSize, params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
			: gzipAsync(body, { chunkSize, level: 6 })
	) as Promise<Buffer<ArrayBuffer>>;
}

/**
 * Compresses pages and API answers: static files are precompressed at build time, but a page's
 * HTML carries its data and weighs more than all its scripts. On a field link that matters.
 */
export async function compressed(request: Request, response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (
		!COMPRESSIBLE.test(type) ||
		response.headers.has('content-encoding') ||
		!response.body ||
		request.method === 'HEAD'
	) {
		return response;
	}
	const encoding = encodingFor(request);
	if (!encoding) return response;
	const body = Buffer.from(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	varyOnEncoding(headers);
	if (!worthPacking(body)) {
		return new Response(body, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
	const packed = await pack(body, encoding);
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(packed.byteLength));
	return new Response(packed, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}
