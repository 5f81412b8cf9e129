import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const COMPRESSIBLE = /^(text\/html|application\/json|text\/csv|text\/plain)/;
const MIN_BYTES = 1024;

/**
 * Compresses pages and API answers: static files are precompressed at build time, but a page's
 * HTML carries its data and weighs more than all its scripts. On a field link that matters.
 * Brotli at a middle quality: most of the gain for a few milliseconds.
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
	const accepts = request.headers.get('accept-encoding') ?? '';
	const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
	if (!encoding) return response;
	const body = Buffer.from(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	headers.append('vary', 'Accept-Encoding');
	if (body.byteLength < MIN_BYTES) {
		return new Response(body, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
	const packed =
		encoding === 'br'
			? await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
			: await gzipAsync(body, { level: 6 });
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(packed.byteLength));
	return new Response(packed, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}
