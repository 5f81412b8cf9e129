import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Mapping } from '../../../domain/column-mapping';
import type { FileKind } from '../../../domain/vocabulary';
import type { Actor } from '../../actor';
import { nowText } from '../../clock';
import type { Db } from '../../db';
import { authorize } from '../../permissions';
import { spoolFolder, sweepSpool, uploadsRoot } from '../spool';
import { byteLimit, tooLargeFailure } from '../upload-limit';

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
	/**
	 * The file as a list (formats.md §5, lists/staged-list.ts): the source the planner took it
	 * for (null: not a list, map its columns) and the area spellings mapped so far. Absent until
	 * the planner says; the page then goes by the file's header.
	 */
	list?: StagedList;
	stagedAt: string;
}

export interface StagedList {
	source: string | null;
	/** an area cell as written → the area code it means */
	spellings: Record<string, string>;
}

/** Staged files older than this are removed: an abandoned upload should not fill the disk. */
const KEEP_MS = 24 * 60 * 60 * 1000;

function root(): string {
	return uploadsRoot();
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
	// spooled apart, and staged only once whole: a cut upload never looks like a staged one
	const spool = await spoolFolder();
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
		await pipeline(input, byteLimit(), counter, createWriteStream(join(spool, 'original')));
		await rename(spool, stagingFolder(id));
	} catch (e) {
		await rm(spool, { recursive: true, force: true });
		throw tooLargeFailure(e) ?? e;
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
export async function loadStaged(_db: Db, actor: Actor, id: string): Promise<StagedFile | null> {
	authorize(actor, 'import');
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

/**
 * Removes what uploads left behind: every spooled upload of a process that no longer runs (a
 * server killed mid-upload), and staged uploads untouched for KEEP_MS (abandoned, or finished
 * and not removed). The server runs it when it starts; each new upload runs the second part.
 */
export async function sweepUploads(): Promise<{ spooled: number; staged: number }> {
	const spooled = await sweepSpool();
	const staged = await removeAbandoned();
	return { spooled, staged };
}

async function removeAbandoned(): Promise<number> {
	let entries: string[];
	try {
		entries = await readdir(root());
	} catch {
		return 0;
	}
	const now = Date.now();
	let removed = 0;
	for (const entry of entries) {
		if (!ID.test(entry)) continue;
		const info = await stat(join(root(), entry)).catch(() => null);
		if (info && now - info.mtimeMs > KEEP_MS) {
			await dropStaged(entry);
			removed++;
		}
	}
	return removed;
}
