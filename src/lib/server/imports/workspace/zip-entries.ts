import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

/**
 * The parts of a zip file (an .xlsx workbook is one), read from its central directory at the
 * end of the file: names and sizes are known before anything is inflated, so a workbook whose
 * parts would inflate past a limit is refused without inflating them, and a part can be read
 * on its own without reading the file from the start.
 */
/** Whether bytes start as every zip (so every .xlsx workbook) does: `PK\x03\x04`. */
export function looksLikeZip(start: Uint8Array): boolean {
	return start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04;
}

export interface ZipEntry {
	name: string;
	method: number;
	compressedSize: number;
	/** As the directory declares it; `inflatedStream` checks the real size while it inflates. */
	size: number;
	headerOffset: number;
}

/** A file that is not a zip file, or a broken one. */
export class NotAZip extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of the zip file at `path`. Throws NotAZip. */
export async function zipEntries(path: string): Promise<ZipEntry[]> {
	const file = await open(path, 'r');
	try {
		const { size } = await file.stat();
		// the end record is in the last 22 bytes, after a comment of at most 65,535
		const tailLength = Math.min(size, 22 + 0xffff);
		const tail = Buffer.alloc(tailLength);
		await file.read(tail, 0, tailLength, size - tailLength);
		let end = -1;
		for (let i = tailLength - 22; i >= 0; i--) {
			if (tail.readUInt32LE(i) === EOCD) {
				end = i;
				break;
			}
		}
		if (end === -1) throw new NotAZip('no end of central directory');
		const count = tail.readUInt16LE(end + 10);
		const dirSize = tail.readUInt32LE(end + 12);
		const dirOffset = tail.readUInt32LE(end + 16);
		if (dirOffset + dirSize > size) throw new NotAZip('central directory past the end');
		const dir = Buffer.alloc(dirSize);
		await file.read(dir, 0, dirSize, dirOffset);
		const entries: ZipEntry[] = [];
		let at = 0;
		for (let i = 0; i < count; i++) {
			if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) {
				throw new NotAZip('broken central directory');
			}
			const nameLength = dir.readUInt16LE(at + 28);
			const extraLength = dir.readUInt16LE(at + 30);
			const commentLength = dir.readUInt16LE(at + 32);
			entries.push({
				name: dir.toString('utf8', at + 46, at + 46 + nameLength),
				method: dir.readUInt16LE(at + 10),
				compressedSize: dir.readUInt32LE(at + 20),
				// 0xFFFFFFFF means a zip64 size (over 4 GB): as large as it gets for the limits
				size: dir.readUInt32LE(at + 24) === 0xffffffff ? Infinity : dir.readUInt32LE(at + 24),
				headerOffset: dir.readUInt32LE(at + 42)
			});
			at += 46 + nameLength + extraLength + commentLength;
		}
		return entries;
	} finally {
		await file.close();
	}
}

/** Where an entry's compressed bytes start, after its local header. */
async function dataOffset(path: string, entry: ZipEntry): Promise<number> {
	const file = await open(path, 'r');
	try {
		const header = Buffer.alloc(30);
		await file.read(header, 0, 30, entry.headerOffset);
		if (header.readUInt32LE(0) !== LOCAL) throw new NotAZip(`broken entry ${entry.name}`);
		return entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
	} finally {
		await file.close();
	}
}

/** A part past its limit while it was inflated (its declared size lied). */
export class EntryTooLarge extends Error {
	constructor(readonly entry: string) {
		super(`${entry} inflates past its limit`);
	}
}

/** A small entry's bytes, inflated whole; past `limit` bytes it throws EntryTooLarge. */
export async function entryBytes(path: string, entry: ZipEntry, limit: number): Promise<Buffer> {
	if (entry.size > limit) throw new EntryTooLarge(entry.name);
	const start = await dataOffset(path, entry);
	const file = await open(path, 'r');
	try {
		// a directory may declare any size: past the file's end it is broken, and reading it
		// would allocate up to 4 GB and abort the process (a length past 2^31 fails natively)
		const { size } = await file.stat();
		if (start + entry.compressedSize > size) throw new NotAZip(`broken entry ${entry.name}`);
		const raw = Buffer.alloc(entry.compressedSize);
		await file.read(raw, 0, raw.length, start);
		if (entry.method === 0) return raw;
		try {
			return inflateRawSync(raw, { maxOutputLength: limit });
		} catch (e) {
			if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
				throw new EntryTooLarge(entry.name);
			}
			throw new NotAZip(`broken entry ${entry.name}`);
		}
	} finally {
		await file.close();
	}
}

/**
 * An entry's inflated bytes as a stream, which fails with EntryTooLarge as soon as they pass
 * `limit`, whatever the directory declared.
 */
export async function inflatedStream(
	path: string,
	entry: ZipEntry,
	limit: number
): Promise<Readable> {
	if (entry.size > limit) throw new EntryTooLarge(entry.name);
	const start = await dataOffset(path, entry);
	const raw = createReadStream(path, {
		start,
		end: start + Math.max(entry.compressedSize, 1) - 1,
		highWaterMark: 1 << 20
	});
	const out = new PassThrough();
	let seen = 0;
	const source = entry.method === 0 ? raw : raw.pipe(createInflateRaw());
	raw.on('error', (e) => out.destroy(e));
	source.on('error', () => out.destroy(new NotAZip(`broken entry ${entry.name}`)));
	source.on('data', (chunk: Buffer) => {
		seen += chunk.length;
		if (seen > limit) {
			raw.destroy();
			out.destroy(new EntryTooLarge(entry.name));
		} else if (!out.write(chunk)) {
			source.pause();
			out.once('drain', () => source.resume());
		}
	});
	source.on('end', () => out.end());
	return out;
}
