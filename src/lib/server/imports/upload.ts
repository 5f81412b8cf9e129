import { rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { importFiles, type ImportOptions } from './import-files';
import type { ImportReport } from './report';
import { sourceFromPath } from './source';
import { spoolFolder } from './spool';
import { byteLimit, tooLargeFailure } from './upload-limit';

/**
 * Imports one uploaded file. The body is spooled to a temporary file first, because an import
 * reads a file twice (inspect, then apply) and a request body can be read only once; memory
 * stays flat whatever the upload's size. A body past the upload limit fails with UploadTooLarge
 * while it is spooled; its spooled copy is removed when the import ends, however it ends
 * (refused, failed, or the client gone).
 */
export async function importUpload(
	db: Db,
	actor: Actor,
	name: string,
	body: ReadableStream<Uint8Array> | null,
	options: ImportOptions = {}
): Promise<ImportReport> {
	return withSpooledUpload(body, (path) =>
		importFiles(db, actor, [sourceFromPath(path, name)], options)
	);
}

/**
 * Spools a request body to a temporary file (within the upload limit), runs `work` on its path
 * and removes it however `work` ends. No body makes an empty file, which the importer refuses
 * with its usual message. The server's import thread reads the spooled copy.
 */
export async function withSpooledUpload<T>(
	body: ReadableStream<Uint8Array> | null,
	work: (path: string) => Promise<T>
): Promise<T> {
	const dir = await spoolFolder();
	const path = join(dir, 'upload.csv');
	try {
		const out = createWriteStream(path);
		if (body) {
			try {
				await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), byteLimit(), out);
			} catch (e) {
				throw tooLargeFailure(e) ?? e;
			}
		} else {
			// the file must exist on disk first, so wait for the stream to finish
			await new Promise<void>((resolve, reject) => {
				out.on('error', reject);
				out.end(() => resolve());
			});
		}
		return await work(path);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
