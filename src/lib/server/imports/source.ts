import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * A file to import, read as a stream of byte chunks: a million-row file is never held whole.
 * It can be read more than once (the first pass sniffs the encoding, the second parses).
 */
export interface FileSource {
	name: string;
	size: number;
	chunks(): AsyncIterable<Uint8Array>;
	/** where the file is on disk, when it is (a workbook is read from its file) */
	path?: string;
}

const CHUNK = 1 << 20;

export function sourceFromBytes(name: string, bytes: Uint8Array): FileSource {
	return {
		name,
		size: bytes.byteLength,
		async *chunks() {
			for (let i = 0; i < bytes.byteLength; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
		}
	};
}

/** Throws (ENOENT, EACCES, EISDIR…) when the file cannot be read. */
export function sourceFromPath(path: string, name = basename(path)): FileSource {
	const stat = statSync(path);
	if (stat.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
	return {
		name,
		size: stat.size,
		path,
		async *chunks() {
			for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
				yield chunk as Uint8Array;
			}
		}
	};
}
