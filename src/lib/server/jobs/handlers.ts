import { m } from '../../paraglide/messages.js';
import type { Mapping } from '../../domain/column-mapping';
import type { Locale } from '../../i18n/locales';
import type { FileKind } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import type { Db } from '../db';
import type { WriteHolder } from '../db/write-turn';
import { importFiles } from '../imports/import-files';
import type { FileReport, ImportReport } from '../imports/report';
import { sourceFromPath } from '../imports/source';
import type { UndoResult } from '../imports/undo';
import type { CommitChoice } from '../imports/workspace/check';
import type { StagedAnalysis } from '../imports/workspace/mapping';
import type { Progress } from '../imports/workspace/progress';
import type { StagedFile } from '../imports/workspace/staging';
import type { BoundariesReport } from '../maps/import-boundaries';

/**
 * The work done off the request thread, by name: each job calls the same capability the
 * pages, the API and the command line share, on the thread's own connection. Arguments and
 * results cross threads by structured clone, so they are plain data (a staged file by id).
 */
export interface JobHooks {
	/** another connection holds the write lock: the job waits for its turn */
	onWait(holder: WriteHolder | null): void;
}

/*
 * The workspace's modules (workbooks: ExcelJS) and undo's are loaded after the thread has
 * started (`ready`), not before it can take its first import.
 */
const workspace = () => import('../imports/workspace/check');
const stagedList = () => import('../lists/staged-list');

/** The staged file, read again where the job runs (it lives on disk between the steps). */
async function staged(db: Db, actor: Actor, id: string): Promise<StagedFile> {
	const { loadStaged } = await import('../imports/workspace/staging');
	const file = await loadStaged(db, actor, id);
	if (!file) throw new Error(m.impmsg_upload_gone());
	return file;
}

export const JOBS = {
	/**
	 * Opens the thread's connection and loads the modules, so the first real job does not wait
	 * for them (called when the server starts, in the background).
	 */
	ready: async (_db: Db, _actor: Actor, _args: Record<string, never>): Promise<true> => {
		await Promise.all([workspace(), stagedList(), import('../imports/undo')]);
		return true;
	},
	/**
	 * `POST /api/v1/imports`: the body, spooled to `path` already, imported as `name` — a list
	 * of the source `source` when one is named (formats.md §5.2).
	 */
	importUpload: async (
		db: Db,
		actor: Actor,
		args: { path: string; name: string; dryRun: boolean; source?: string },
		hooks: JobHooks
	): Promise<ImportReport> => {
		const files = [sourceFromPath(args.path, args.name)];
		const options = { dryRun: args.dryRun, onWait: hooks.onWait };
		if (args.source === undefined) return importFiles(db, actor, files, options);
		const { importLists } = await import('../lists/import-lists');
		return importLists(db, actor, args.source, files, options);
	},
	previewStaged: async (
		db: Db,
		actor: Actor,
		args: { id: string; mapping: Mapping }
	): Promise<FileReport> =>
		(await workspace()).previewStaged(db, actor, await staged(db, actor, args.id), args.mapping),
	commitStaged: async (
		db: Db,
		actor: Actor,
		args: { id: string; mapping: Mapping & { kind: FileKind }; choice: CommitChoice }
	): Promise<FileReport> =>
		(await workspace()).commitStaged(
			db,
			actor,
			await staged(db, actor, args.id),
			args.mapping,
			args.choice
		),
	/** A staged file taken as a list of a source: its check (lists/staged-list.ts). */
	previewList: async (db: Db, actor: Actor, args: { id: string }): Promise<FileReport> =>
		(await stagedList()).previewList(db, actor, await staged(db, actor, args.id)),
	/** A staged file taken as a list of a source: its import. */
	commitList: async (db: Db, actor: Actor, args: { id: string }): Promise<FileReport> =>
		(await stagedList()).commitList(db, actor, await staged(db, actor, args.id)),
	undoBatch: async (
		db: Db,
		actor: Actor,
		args: { batchId: number; confirm: boolean }
	): Promise<UndoResult> =>
		(await import('../imports/undo')).undoBatch(db, actor, args.batchId, {
			confirm: args.confirm
		}),
	/** Area outlines from a GeoJSON file: simplifying a large one takes seconds, so off thread. */
	importBoundaries: async (
		db: Db,
		actor: Actor,
		args: { name: string; bytes: Uint8Array; match: string; dryRun: boolean }
	): Promise<BoundariesReport> =>
		(await import('../maps/import-boundaries')).importBoundaries(
			db,
			actor,
			{ name: args.name, bytes: args.bytes },
			{ match: args.match, dryRun: args.dryRun }
		),
	/** Reads a staged file for the mapping step; no database work. */
	analyseStaged: async (db: Db, actor: Actor, args: { id: string }): Promise<StagedAnalysis> =>
		(await import('../imports/workspace/mapping')).analyse(
			db,
			actor,
			await staged(db, actor, args.id)
		)
};

export type JobName = keyof typeof JOBS;
export type JobArgs<N extends JobName> = Parameters<(typeof JOBS)[N]>[2];
export type JobResult<N extends JobName> = Awaited<ReturnType<(typeof JOBS)[N]>>;

/** Messages between the server's main thread and a job thread. */
export type ToWorker = {
	id: number;
	job: JobName;
	databasePath: string;
	actor: Actor;
	args: unknown;
	/** the requester's language, when the job was queued: its messages are written in it */
	locale: Locale;
};

export type FromWorker =
	| { id: number; type: 'done'; result: unknown }
	| { id: number; type: 'failed'; error: { name: string; message: string; code?: string } }
	| { id: number; type: 'waiting'; holder: WriteHolder | null }
	| {
			id: null;
			type: 'progress';
			key: string;
			progress: Progress | null;
	  };
