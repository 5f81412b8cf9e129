import { m } from '../../paraglide/messages.js';
import type { Mapping } from '../../domain/column-mapping';
import type { FileKind } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import { DEFAULT_DATABASE_PATH } from '../db';
import { importDb } from '../db/app-db';
import type { WriteHolder } from '../db/write-turn';
import type { FileReport, ImportReport } from '../imports/report';
import type { UndoResult } from '../imports/undo';
import { withSpooledUpload } from '../imports/upload';
import type { CommitChoice } from '../imports/workspace/check';
import type { StagedAnalysis } from '../imports/workspace/mapping';
import type { StagedFile } from '../imports/workspace/staging';
import type { BoundariesReport } from '../maps/import-boundaries';
import { JOBS, type JobArgs, type JobName, type JobResult } from './handlers';
import { inTurn, waitingOutside } from './import-queue';
import { JobThread } from './job-thread';

/*
 * The server's imports, off the request thread: each runs in a job thread on its own
 * connection, in turn (import-queue.ts), so a million-row file or a hostile one never holds
 * up another user's page. Reading a staged file for the mapping step has a thread of its own,
 * so it does not wait behind a long import.
 */
const importThread = new JobThread();
const readingThread = new JobThread();

function databasePath(): string {
	return process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
}

function runJob<N extends JobName>(
	thread: JobThread,
	job: N,
	actor: Actor,
	args: JobArgs<N>,
	onWait: (holder: WriteHolder | null) => void = () => {}
): Promise<JobResult<N>> {
	const path = databasePath();
	// an in-memory database exists in this thread only: the work stays here
	if (path === ':memory:') {
		const run = JOBS[job] as unknown as (...a: unknown[]) => Promise<JobResult<N>>;
		return run(importDb(), actor, args, { onWait });
	}
	return thread.run(job, actor, args, path, onWait);
}

/** `POST /api/v1/imports[?source=NAME]`: spooled here, imported in turn on the job thread. */
export function importUploadInTurn(
	actor: Actor,
	name: string,
	body: ReadableStream<Uint8Array> | null,
	options: { dryRun: boolean; source?: string }
): Promise<ImportReport> {
	return withSpooledUpload(body, (path) =>
		inTurn({ key: null, file: name, user: actor.username }, () =>
			runJob(importThread, 'importUpload', actor, {
				path,
				name,
				dryRun: options.dryRun,
				...(options.source === undefined ? {} : { source: options.source })
			})
		)
	);
}

/** The mapping step's check (a dry run), in turn. */
export function previewInTurn(
	actor: Actor,
	file: StagedFile,
	mapping: Mapping
): Promise<FileReport> {
	return inTurn({ key: file.id, file: file.name, user: actor.username }, () =>
		runJob(importThread, 'previewStaged', actor, { id: file.id, mapping }, (holder) =>
			waitingOutside(file.id, holder)
		)
	);
}

/** The mapping step's import, in turn. */
export function commitInTurn(
	actor: Actor,
	file: StagedFile,
	mapping: Mapping & { kind: FileKind },
	choice: CommitChoice
): Promise<FileReport> {
	return inTurn({ key: file.id, file: file.name, user: actor.username }, () =>
		runJob(importThread, 'commitStaged', actor, { id: file.id, mapping, choice }, (holder) =>
			waitingOutside(file.id, holder)
		)
	);
}

/** The check of a staged file taken as a list of a source (a dry run), in turn. */
export function previewListInTurn(actor: Actor, file: StagedFile): Promise<FileReport> {
	return inTurn({ key: file.id, file: file.name, user: actor.username }, () =>
		runJob(importThread, 'previewList', actor, { id: file.id }, (holder) =>
			waitingOutside(file.id, holder)
		)
	);
}

/** The import of a staged file taken as a list of a source, in turn. */
export function commitListInTurn(actor: Actor, file: StagedFile): Promise<FileReport> {
	return inTurn({ key: file.id, file: file.name, user: actor.username }, () =>
		runJob(importThread, 'commitList', actor, { id: file.id }, (holder) =>
			waitingOutside(file.id, holder)
		)
	);
}

/** Undoing a batch writes as much as importing it did: in turn, off the request thread. */
export function undoInTurn(actor: Actor, batchId: number, confirm: boolean): Promise<UndoResult> {
	return inTurn(
		{ key: null, file: m.impmsg_holder_undo({ batch: String(batchId) }), user: actor.username },
		() => runJob(importThread, 'undoBatch', actor, { batchId, confirm })
	);
}

/**
 * Area outlines from a GeoJSON file (the areas page): reading and simplifying a large file takes
 * seconds of work, which would hold up every other page on the request thread.
 */
export function boundariesInTurn(
	actor: Actor,
	file: { name: string; bytes: Uint8Array },
	options: { match: string; dryRun: boolean }
): Promise<BoundariesReport> {
	return inTurn({ key: null, file: file.name, user: actor.username }, () =>
		runJob(importThread, 'importBoundaries', actor, { ...file, ...options })
	);
}

/** Reads a staged file for the mapping step (headers, samples, distinct values), off thread. */
export function analyseOffThread(actor: Actor, file: StagedFile): Promise<StagedAnalysis> {
	return runJob(readingThread, 'analyseStaged', actor, { id: file.id });
}

/**
 * Starts the job threads and opens their connections (the server's init hook; tests), so the
 * first import does not wait for a thread to start.
 */
export async function startJobThreads(actor: Actor): Promise<void> {
	// migrated here first: two threads migrating a new database at once would collide
	importDb();
	await Promise.all([
		runJob(importThread, 'ready', actor, {}),
		runJob(readingThread, 'ready', actor, {})
	]);
}

/** Ends the job threads (tests). */
export async function stopJobThreads(): Promise<void> {
	await Promise.all([importThread.stop(), readingThread.stop()]);
}
