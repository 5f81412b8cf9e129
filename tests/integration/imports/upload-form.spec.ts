/**
 * The import form without JavaScript (multipart, field `file`): past the upload limit it is
 * refused with a 413 and the message naming the limit, with a Content-Length or without one
 * (chunked, stopped by adapter-node's body limit while read), never a server error.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { uploadedFile } from '../../../src/lib/server/imports/workspace/upload-form';

const MB = 1024 * 1024;

beforeEach(() => {
	process.env.CPAS_UPLOAD_LIMIT_MB = '1';
});

afterEach(() => {
	delete process.env.CPAS_UPLOAD_LIMIT_MB;
});

function formRequest(body: BodyInit, headers: Record<string, string> = {}): Request {
	return new Request('http://localhost/import?/upload', {
		method: 'POST',
		headers,
		body,
		duplex: 'half'
	} as RequestInit);
}

function form(bytes: number, name = 'figures.csv'): FormData {
	const data = new FormData();
	data.append('file', new File([new Uint8Array(bytes).fill(0x61)], name, { type: 'text/csv' }));
	return data;
}

test('a file within the limit comes back whole', async () => {
	const chosen = await uploadedFile(formRequest(form(MB)));
	expect('file' in chosen && [chosen.file.name, chosen.file.size]).toEqual(['figures.csv', MB]);
});

test('a declared Content-Length past the limit is refused before the body is read', async () => {
	const body = new ReadableStream({
		pull() {
			throw new Error('the body must not be read');
		}
	});
	const refused = await uploadedFile(
		formRequest(body, {
			'content-length': String(3 * MB),
			'content-type': 'multipart/form-data; boundary=x'
		})
	);
	expect(refused).toEqual({
		message: 'The file is 3 MB; the limit is 1 MB (CPAS_UPLOAD_LIMIT_MB).',
		status: 413
	});
});

test('a chunked body stopped by the server’s body limit while read is a 413 with the message', async () => {
	// what adapter-node does to a body without a length once it passes BODY_SIZE_LIMIT
	let sent = false;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (sent) {
				return controller.error(
					Object.assign(new Error('Payload Too Large'), { status: 413, text: 'Payload Too Large' })
				);
			}
			sent = true;
			controller.enqueue(
				new TextEncoder().encode(
					'--x\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\naaaa'
				)
			);
		}
	});
	const refused = await uploadedFile(
		formRequest(body, { 'content-type': 'multipart/form-data; boundary=x' })
	);
	expect(refused).toEqual({
		message: 'The file is over 1 MB; the limit is 1 MB (CPAS_UPLOAD_LIMIT_MB).',
		status: 413
	});
});

test('a form within the server’s body limit whose file is past ours is refused by its size', async () => {
	expect(await uploadedFile(formRequest(form(1.5 * MB)))).toEqual({
		message: 'The file is 1.5 MB; the limit is 1 MB (CPAS_UPLOAD_LIMIT_MB).',
		status: 413
	});
});

test('no file, or an empty one, asks for a file', async () => {
	expect(await uploadedFile(formRequest(form(0)))).toMatchObject({ status: 400 });
	expect(await uploadedFile(formRequest(new FormData()))).toMatchObject({ status: 400 });
});

test('a body that fails otherwise (the client went away) is not disguised as a refusal', async () => {
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
		}
	});
	await expect(
		uploadedFile(formRequest(body, { 'content-type': 'multipart/form-data; boundary=x' }))
	).rejects.toThrow();
});
