/**
 * CPAS_UPLOAD_LIMIT_MB: an upload past it is refused with its size and the limit, by its
 * Content-Length when it says one, else while it is spooled; nothing of it is staged or written.
 */
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
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
import { sweepUploads } from '../../../src/lib/server/imports/workspace/staging';
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

/** What uploads left in the staging folder, spooled ones included. */
function leftovers(): string[] {
	const spool = join(staging, 'spool');
	return [
		...readdirSync(staging).filter((e) => e !== 'spool'),
		...(existsSync(spool) ? readdirSync(spool) : [])
	];
}

test('a workspace upload without a length is read to its end but not kept, and nothing stays staged', async () => {
	// read to the end, so the answer can be a 413 with its message rather than a cut connection
	const refused = await stageFile(freshDb(), LOCAL_ADMINISTRATOR, 'big.csv', chunked(3 * MB));
	expect(refused).toEqual({
		message: 'The file is 3 MB; the limit is 1 MB (CPAS_UPLOAD_LIMIT_MB).',
		status: 413
	});
	expect(leftovers()).toEqual([]);

	const accepted = await stageFile(freshDb(), LOCAL_ADMINISTRATOR, 'small.csv', chunked(MB));
	expect('id' in accepted && accepted.sizeBytes).toBe(MB);
});

test('an API import without a length is stopped while spooled, and nothing is written', async () => {
	const db = freshDb();
	const before = tableCounts(db);
	const upload = importUpload(db, LOCAL_ADMINISTRATOR, 'big.csv', chunked(3 * MB));
	await expect(upload).rejects.toThrow(UploadTooLarge);
	await expect(upload).rejects.toThrow('The file is 3 MB');
	expect(tableCounts(db)).toEqual(before);
	expect(leftovers()).toEqual([]);
});

test('a body that goes on far past the limit is cut off, not read for ever', async () => {
	await expect(
		stageFile(freshDb(), LOCAL_ADMINISTRATOR, 'endless.csv', chunked(300 * MB))
	).resolves.toEqual({
		message: 'The file is over 1 MB; the limit is 1 MB (CPAS_UPLOAD_LIMIT_MB).',
		status: 413
	});
	expect(leftovers()).toEqual([]);
}, 60_000);

/** A body that sends some bytes, then fails as a request does when its client goes away. */
function cut(after: number): ReadableStream<Uint8Array> {
	let sent = false;
	return new ReadableStream({
		pull(controller) {
			if (sent)
				return controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
			sent = true;
			controller.enqueue(new Uint8Array(after).fill(0x61));
		}
	});
}

test('an upload whose client goes away leaves nothing on disk', async () => {
	await expect(
		stageFile(freshDb(), LOCAL_ADMINISTRATOR, 'cut.csv', cut(64 * 1024))
	).rejects.toThrow('aborted');
	await expect(
		importUpload(freshDb(), LOCAL_ADMINISTRATOR, 'cut.csv', cut(64 * 1024))
	).rejects.toThrow('aborted');
	expect(leftovers()).toEqual([]);
});

test('adapter-node’s own body limit counts as the upload limit', async () => {
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			controller.error(Object.assign(new Error('Payload Too Large'), { status: 413 }));
		}
	});
	await expect(stageFile(freshDb(), LOCAL_ADMINISTRATOR, 'big.csv', body)).resolves.toMatchObject({
		status: 413
	});
});

test('at start, spooled uploads of processes gone and staged uploads a day old are swept', async () => {
	const spool = join(staging, 'spool');
	// a pid no process has (above the kernel's pid_max), and this process's own from before
	mkdirSync(join(spool, '99999999-0a0b'), { recursive: true });
	writeFileSync(join(spool, '99999999-0a0b', 'original'), 'half an upload');
	mkdirSync(join(spool, `${process.pid}-0c0d`), { recursive: true });
	const old = join(staging, '00000000-0000-4000-8000-000000000000');
	mkdirSync(old);
	utimesSync(old, new Date('2020-01-01'), new Date('2020-01-01'));
	const fresh = await stageFile(
		freshDb(),
		LOCAL_ADMINISTRATOR,
		'fresh.csv',
		new TextEncoder().encode('a,b\n1,2\n')
	);
	expect(await sweepUploads()).toEqual({ spooled: 2, staged: 0 });
	expect(leftovers()).toEqual(['id' in fresh ? fresh.id : 'not staged']);
});
