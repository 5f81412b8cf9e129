/**
 * The import form without JavaScript (multipart, field `file`), read as it arrives: the file is
 * staged byte for byte however the body is cut into pieces, and past the upload limit the form
 * is refused with a 413 and the message naming the limit, with a Content-Length or without one
 * (chunked, stopped while read) — never a server error, nothing left on disk.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { originalPath } from '../../../src/lib/server/imports/workspace/staging';
import { stageFormUpload } from '../../../src/lib/server/imports/workspace/upload-form';
import { freshDb } from '../../helpers/db';

const MB = 1024 * 1024;
const BOUNDARY = '----WebKitFormBoundaryx1y2z3';
let staging: string;

beforeEach(() => {
	process.env.CPAS_UPLOAD_LIMIT_MB = '1';
	staging = mkdtempSync(join(tmpdir(), 'cpas-form-'));
	process.env.CPAS_STAGING_DIR = staging;
});

afterEach(() => {
	delete process.env.CPAS_UPLOAD_LIMIT_MB;
	delete process.env.CPAS_STAGING_DIR;
	rmSync(staging, { recursive: true, force: true });
});

/** A multipart body as a browser writes it: each field, then the closing boundary. */
function multipart(parts: { name: string; file?: string; content: Buffer | string }[]): Buffer {
	const pieces: Buffer[] = [];
	for (const part of parts) {
		const filename = part.file === undefined ? '' : `; filename="${part.file}"`;
		const type = part.file === undefined ? '' : '\r\nContent-Type: text/csv';
		pieces.push(
			Buffer.from(
				`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${filename}${type}\r\n\r\n`
			),
			Buffer.from(part.content),
			Buffer.from('\r\n')
		);
	}
	pieces.push(Buffer.from(`--${BOUNDARY}--\r\n`));
	return Buffer.concat(pieces);
}

/** The body in pieces of `size` bytes (as the network cuts it), then, optionally, a failure. */
function pieces(body: Buffer, size: number, failWith?: unknown): ReadableStream<Uint8Array> {
	let at = 0;
	return new ReadableStream({
		pull(controller) {
			if (at >= body.length) {
				if (failWith) controller.error(failWith);
				else controller.close();
				return;
			}
			controller.enqueue(new Uint8Array(body.subarray(at, at + size)));
			at += size;
		}
	});
}

function formRequest(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
	return new Request('http://localhost/import?/upload', {
		method: 'POST',
		headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
		body,
		duplex: 'half'
	} as RequestInit);
}

function leftovers(): string[] {
	const spool = join(staging, 'spool');
	return [
		...readdirSync(staging).filter((e) => e !== 'spool'),
		...(existsSync(spool) ? readdirSync(spool) : [])
	];
}

test('the file is staged byte for byte, however the body is cut, after other fields', async () => {
	// content that looks like the start of a boundary, and line breaks of every kind
	const content = Buffer.from(
		`a,b\r\n1,2\n\r\n--${BOUNDARY.slice(0, 10)}\r\n--\r\n3,4\r` + 'x'.repeat(5000)
	);
	const body = multipart([
		{ name: 'note', content: 'a field before the file' },
		{ name: 'file', file: 'figures.csv', content },
		{ name: 'after', content: 'and one after' }
	]);
	for (const size of [1, 7, 64, 1000, body.length]) {
		const staged = await stageFormUpload(
			freshDb(),
			LOCAL_ADMINISTRATOR,
			formRequest(pieces(body, size))
		);
		if (!('id' in staged)) throw new Error(`not staged: ${staged.message}`);
		expect([staged.name, staged.sizeBytes]).toEqual(['figures.csv', content.length]);
		expect(readFileSync(originalPath(staged.id)).equals(content)).toBe(true);
	}
});

test('a file name with a path or quotes is the name alone', async () => {
	const body = multipart([
		{ name: 'file', file: 'C:\\\\data\\\\my \\"best\\".csv', content: 'a\n' }
	]);
	const staged = await stageFormUpload(
		freshDb(),
		LOCAL_ADMINISTRATOR,
		formRequest(pieces(body, 100))
	);
	expect('name' in staged && staged.name).toBe('my "best".csv');
});

test('a declared Content-Length past the limit is refused before the body is read', async () => {
	const body = new ReadableStream<Uint8Array>({
		pull() {
			throw new Error('the body must not be read');
		}
	});
	const refused = await stageFormUpload(
		freshDb(),
		LOCAL_ADMINISTRATOR,
		formRequest(body, { 'content-length': String(3 * MB) })
	);
	expect(refused).toEqual({
		message: 'The file is 3 MB; the limit is 1 MB (CPAS_UPLOAD_LIMIT_MB).',
		status: 413
	});
});

test('a chunked body stopped by the server’s body limit while read is a 413 with the message', async () => {
	// what adapter-node does to a body without a length once it passes BODY_SIZE_LIMIT
	const payloadTooLarge = Object.assign(new Error('Payload Too Large'), { status: 413 });
	const started = multipart([{ name: 'file', file: 'big.csv', content: 'a'.repeat(64 * 1024) }]);
	const cut = started.subarray(0, started.length - BOUNDARY.length - 10);
	for (const body of [cut, started.subarray(0, 20)]) {
		const refused = await stageFormUpload(
			freshDb(),
			LOCAL_ADMINISTRATOR,
			formRequest(pieces(body, 4096, payloadTooLarge))
		);
		expect(refused).toEqual({
			message: 'The file is over 1 MB; the limit is 1 MB (CPAS_UPLOAD_LIMIT_MB).',
			status: 413
		});
	}
	expect(leftovers()).toEqual([]);
});

test('a file past our limit within the server’s body limit is refused by its size', async () => {
	const body = multipart([{ name: 'file', file: 'big.csv', content: Buffer.alloc(1.5 * MB, 97) }]);
	expect(
		await stageFormUpload(freshDb(), LOCAL_ADMINISTRATOR, formRequest(pieces(body, 65536)))
	).toEqual({
		message: 'The file is 1.5 MB; the limit is 1 MB (CPAS_UPLOAD_LIMIT_MB).',
		status: 413
	});
	expect(leftovers()).toEqual([]);
});

test('no file chosen, an empty file, or no form at all: a message, not an error', async () => {
	const none = multipart([{ name: 'file', file: '', content: '' }]);
	expect(
		await stageFormUpload(freshDb(), LOCAL_ADMINISTRATOR, formRequest(pieces(none, 50)))
	).toEqual({ message: 'Choose a CSV or Excel (.xlsx) file to upload.', status: 400 });
	const empty = multipart([{ name: 'file', file: 'empty.csv', content: '' }]);
	expect(
		await stageFormUpload(freshDb(), LOCAL_ADMINISTRATOR, formRequest(pieces(empty, 50)))
	).toEqual({ message: '"empty.csv" is empty.', status: 400 });
	const plain = new Request('http://localhost/import?/upload', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: 'file=x'
	});
	expect(await stageFormUpload(freshDb(), LOCAL_ADMINISTRATOR, plain)).toMatchObject({
		status: 400
	});
	expect(leftovers()).toEqual([]);
});

test('a body that ends or fails before its file does is not disguised as a refusal', async () => {
	const body = multipart([{ name: 'file', file: 'cut.csv', content: 'a'.repeat(5000) }]);
	const truncated = body.subarray(0, 3000);
	await expect(
		stageFormUpload(freshDb(), LOCAL_ADMINISTRATOR, formRequest(pieces(truncated, 500)))
	).rejects.toThrow('ended before its file');
	const reset = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
	await expect(
		stageFormUpload(freshDb(), LOCAL_ADMINISTRATOR, formRequest(pieces(truncated, 500, reset)))
	).rejects.toThrow('aborted');
	expect(leftovers()).toEqual([]);
});
