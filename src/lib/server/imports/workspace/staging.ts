import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Mapping } from '../../../domain/column-mapping';
import type { FileKind } from '../../../domain/vocabulary';
import { nowText } from '../../clock';
import { byteLimit } from '../upload-limit';

/**
 * An uploaded file waiting for the planner: mapped, previewed, then committed or dropped.
 * It lives in a folder of its own under the system's temporary folder (or CPAS_STAGING_DIR),
 * so a large upload is never held in memory and survives between the steps of the workflow.
 */
export interface StagedFile {
	id: string;
	/** The file's name as uploaded. */
	name: string;
	sizeBytes: number;
	sha256: string;
	format: 'csv' | 'xlsx';
	/** The sheets of a workbook, in order; the chosen one is `sheet`. */
	sheets: string[];
	sheet: string | null;
	/** The mapping chosen or applied so far, with its kind. */
	mapping: (Mapping & { kind: FileKind }) | null;
	/** The saved source whose mapping was applied automatically, if any. */
	source: string | null;
	stagedAt: string;
}

/** Staged files older than this are removed: an abandoned upload should not fill the disk. */
const KEEP_MS = 24 * 60 * 60 * 1000;

function root(): string {
	return process.env.CPAS_STAGING_DIR ?? join(tmpdir(), 'cpas-staging');
}

const ID = /^[0-9a-f-]{36}$/;

export function originalPath(id: string): string {
	return join(root(), id, 'original');
}

export function stagingFolder(id: string): string {
	return join(root(), id);
}

/**
 * Spools an upload to disk, hashing it on the way. Past the upload limit it fails with
 * UploadTooLarge and nothing of the upload is left on disk.
 */
export async function stageUpload(
	name: string,
	body: ReadableStream<Uint8Array> | Uint8Array
): Promise<Omit<StagedFile, 'sheets' | 'sheet' | 'mapping' | 'source'>> {
	await removeAbandoned();
	const id = randomUUID();
	await mkdir(stagingFolder(id), { recursive: true });
	const hash = createHash('sha256');
	let size = 0;
	const counter = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			hash.update(chunk);
			size += chunk.length;
			done(null, chunk);
		}
	});
	const input =
		body instanceof Uint8Array
			? Readable.from([Buffer.from(body)])
			: Readable.fromWeb(body as WebReadableStream<Uint8Array>);
	try {
		await pipeline(input, byteLimit(), counter, createWriteStream(originalPath(id)));
	} catch (e) {
		await dropStaged(id);
		throw e;
	}
	return {
		id,
		name,
		sizeBytes: size,
		sha256: hash.digest('hex'),
		format: /\.xlsx$/i.test(name) ? 'xlsx' : 'csv',
		stagedAt: nowText()
	};
}

export async function saveStaged(file: StagedFile): Promise<void> {
	await writeFile(join(stagingFolder(file.id), 'meta.json'), JSON.stringify(file));
}

/** The staged file, or null when the id is unknown or its upload was removed. */
export async function loadStaged(id: string): Promise<StagedFile | null> {
	if (!ID.test(id)) return null;
	try {
		return JSON.parse(await readFile(join(stagingFolder(id), 'meta.json'), 'utf8')) as StagedFile;
	} catch {
		return null;
	}
}

export async function dropStaged(id: string): Promise<void> {
	if (ID.test(id)) await rm(stagingFolder(id), { recursive: true, force: true });
}

async function removeAbandoned(): Promise<void> {
	let entries: string[];
	try {
		entries = await readdir(root());
	} catch {
		return;
	}
	const now = Date.now();
	for (const entry of entries) {
		if (!ID.test(entry)) continue;
		const info = await stat(join(root(), entry)).catch(() => null);
		if (info && now - info.mtimeMs > KEEP_MS) await dropStaged(entry);
	}
}
