/**
 * CPAS_UPLOAD_LIMIT_MB: an upload past it is refused with its size and the limit, by its
 * Content-Length when it says one, else while it is spooled; nothing of it is staged or written.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { importUpload } from '../../../src/lib/server/imports/upload';
import {
	FORM_FRAMING_BYTES,
	refuseDeclaredSize,
	UploadTooLarge
} from '../../../src/lib/server/imports/upload-limit';
import { stageFile } from '../../../src/lib/server/imports/workspace/stage-file';
import { bodySizeLimit } from '../../../src/lib/server/settings/upload-limit.js';
import { freshDb, tableCounts } from '../../helpers/db';

const MB = 1024 * 1024;
let staging: string;

beforeEach(() => {
	process.env.CPAS_UPLOAD_LIMIT_MB = '1';
	staging = mkdtempSync(join(tmpdir(), 'cpas-limit-'));
	process.env.CPAS_STAGING_DIR = staging;
});

afterEach(() => {
	delete process.env.CPAS_UPLOAD_LIMIT_MB;
	delete process.env.CPAS_STAGING_DIR;
	rmSync(staging, { recursive: true, force: true });
});

/** A body sent in chunks, with no length known in advance. */
function chunked(bytes: number): ReadableStream<Uint8Array> {
	let left = bytes;
	return new ReadableStream({
		pull(controller) {
			const size = Math.min(left, 64 * 1024);
			if (size === 0) return controller.close();
			left -= size;
			controller.enqueue(new Uint8Array(size).fill(0x61));
		}
	});
}

function request(contentLength: number): Request {
	return new Request('http://localhost/api/v1/imports', {
		method: 'POST',
		headers: { 'content-length': String(contentLength) }
	});
}

test('a Content-Length past the limit is refused with both sizes, before a byte is read', () => {
	expect(refuseDeclaredSize(request(130 * MB))?.message).toBe(
		'The file is 130 MB; the limit is 1 MB (CPAS_UPLOAD_LIMIT_MB).'
	);
	expect(refuseDeclaredSize(request(MB))).toBeNull();
	// a form's boundaries around a file of exactly the limit are allowed for
	expect(refuseDeclaredSize(request(MB + 500), FORM_FRAMING_BYTES)).toBeNull();
	expect(refuseDeclaredSize(request(1.5 * MB), FORM_FRAMING_BYTES)?.message).toMatch(
		/^The file is 1\.5 MB;/
	);
});

test('the default is 100 MB, and adapter-node’s body limit sits just above the upload limit', () => {
	delete process.env.CPAS_UPLOAD_LIMIT_MB;
	expect(refuseDeclaredSize(request(130 * MB))?.message).toBe(
		'The file is 130 MB; the limit is 100 MB (CPAS_UPLOAD_LIMIT_MB).'
	);
	expect(refuseDeclaredSize(request(100 * MB))).toBeNull();
	expect(bodySizeLimit({})).toBe('101M');
	expect(bodySizeLimit({ CPAS_UPLOAD_LIMIT_MB: '20' })).toBe('21M');
	expect(bodySizeLimit({ CPAS_UPLOAD_LIMIT_MB: 'lots' })).toBe('101M');
});

test('a workspace upload without a length is stopped while spooled, and nothing stays staged', async () => {
	const refused = await stageFile('big.csv', chunked(3 * MB));
	expect(refused).toEqual({
		message: 'The file is over 1 MB; the limit is 1 MB (CPAS_UPLOAD_LIMIT_MB).',
		status: 413
	});
	expect(readdirSync(staging)).toEqual([]);

	const accepted = await stageFile('small.csv', chunked(MB));
	expect('id' in accepted && accepted.sizeBytes).toBe(MB);
});

test('an API import without a length is stopped while spooled, and nothing is written', async () => {
	const db = freshDb();
	const before = tableCounts(db);
	const upload = importUpload(db, LOCAL_ADMINISTRATOR, 'big.csv', chunked(3 * MB));
	await expect(upload).rejects.toThrow(UploadTooLarge);
	await expect(upload).rejects.toThrow('over 1 MB');
	expect(tableCounts(db)).toEqual(before);
});
