import { m } from '../../paraglide/messages.js';
import { createHash } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import Papa from 'papaparse';
import type { ListSource } from '../../domain/lists/rule';
import { BATCH_KINDS, type BatchKind, type FileKind } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import { recordAudit, type AuditEntry } from '../audit/record';
import type { Db } from '../db';
import { beginWriteTurn, endWriteTurn, type WriteHolder } from '../db/write-turn';
import { importBatches, importSkippedRows } from '../db/schema';
import { authorize, can, type Action } from '../permissions';
import {
	EncodingSniffer,
	notTextMessage,
	createDecoder,
	type Encoding,
	type SniffResult
} from './decode';
import { faultPoint } from '../jobs/fault-point';
import { detectKind, unknownKindMessage } from './detect-kind';
import { importAreas } from './kinds/areas';
import type { KindImport } from './kinds/context';
import { importFramework } from './kinds/framework';
import { importIndicators } from './kinds/indicators';
import { importRules } from './kinds/rules';
import { importSites } from './kinds/sites';
import { importActions } from './kinds/actions';
import { importOutputs } from './kinds/outputs';
import { importResources } from './kinds/resources';
import { observationSink, type RowSink } from './kinds/observations';
import { listSink } from '../lists/list-sink';
import { personalDataColumn, personalDataMessage } from './personal-data';
import {
	RecordAssembler,
	detectDelimiter,
	streamRecords,
	type CsvRecord,
	type StreamHandlers,
	type TableHeader
} from './read-table';
import { looksLikeZip } from './workspace/zip-entries';
import { emptyReport, issue, type FileReport, type ImportIssue, type ImportReport } from './report';
import { sourceFromBytes, type FileSource } from './source';

export interface ImportOptions {
	dryRun?: boolean;
	/**
	 * Lines to leave out, with the problem of each: the planner chose to import only the valid
	 * rows. The lines are not read, and are kept with the batch (import_skipped_rows).
	 */
	skip?: { lines: ReadonlySet<number>; issues: readonly ImportIssue[] };
	/**
	 * The file the planner uploaded, when what is imported is its mapped copy: the batch
	 * records the uploaded file's hash and size, which is what the planner can check.
	 */
	recordAs?: { sha256: string; sizeBytes: number };
	/** Told every few thousand records how many of the file's records have been read. */
	progress?: (records: number) => void;
	/**
	 * What the audit log records when the import is an edit made in a form (a framework node,
	 * an indicator, an area) rather than files: one entry saying what was edited, in place of
	 * one `import` entry per file. Called inside the transaction, after the writes, so it can
	 * read what they wrote as `after`; the batches' ids are added to its detail.
	 */
	audit?: (db: Db) => AuditEntry;
	/**
	 * The observations files of this call hold targets only (the indicator editor's): each line
	 * must have value_type `target`, and they need the right to edit the framework rather than
	 * to import figures, since targets are part of an indicator's definition.
	 */
	targetsOnly?: boolean;
	/**
	 * Told once when another connection's import (another thread, the command line) holds the
	 * database's write lock: this import waits its turn, without blocking the thread, and then
	 * runs. `holder` says whose import it waits for, when that import said so.
	 */
	onWait?: (holder: WriteHolder | null) => void;
	/** How long to wait for that turn before giving up (default: as long as it takes). */
	maxWaitMs?: number;
	/** Who runs the import, for the marker others read while they wait (default `server`). */
	via?: string;
	/**
	 * Every file is a list of this source (formats.md §5.2), read by its rules rather than
	 * recognised from its header (see lists/import-lists.ts, which finds the source by name).
	 */
	list?: ListOptions;
}

export interface ListOptions {
	source: ListSource;
	/** spellings of areas mapped for the source (the workspace's value map) */
	areaAliases?: ReadonlyMap<string, string>;
	/** build each file's preview of what it changes (the /import page) */
	preview?: boolean;
}

/** How often `progress` is told: often enough for a progress bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 5000;

/** A file from memory, for callers that have its bytes (small files, tests). */
export interface IncomingFile {
	name: string;
	bytes: Uint8Array;
}

/** What a look at a file's start tells before anything is written. */
interface Inspected {
	source: FileSource;
	report: FileReport;
	/** provisional until the whole file has been seen (see EncodingSniffer.provisional) */
	encoding?: Encoding;
	bomLength?: number;
	/** a list given as a workbook: the sheet read (its first) */
	workbook?: { path: string; sheet: string };
}

/** How much of a file's start is read to find its header, kind and likely encoding. */
const HEAD_BYTES = 1 << 20;

/** The kinds held whole (they are small) and applied when their file has been read. */
const WHOLE_FILE: Record<Exclude<FileKind, 'observations'>, (ctx: KindImport) => void> = {
	areas: importAreas,
	framework: importFramework,
	indicators: importIndicators,
	rules: importRules,
	sites: importSites,
	actions: importActions,
	outputs: importOutputs,
	resources: importResources
};

/**
 * The right each kind of file needs. The framework's files are the framework editor's work, so
 * the Strategic Planning Unit, which edits the framework, imports them too; figures and areas
 * are planners' imports.
 */
function actionFor(kind: BatchKind, options: ImportOptions): Action {
	if (kind === 'framework' || kind === 'indicators' || kind === 'outputs') return 'framework';
	// action points are the planners' and the SPU's to record (docs/actions.md)
	if (kind === 'actions') return 'track';
	// the RBB report's money is the SPU's, as the report is
	if (kind === 'resources') return 'report';
	return kind === 'observations' && options.targetsOnly ? 'framework' : 'import';
}

function notAllowedMessage(actor: Actor, kind: BatchKind): string {
	const who = { user: actor.username, role: actor.role, kind };
	if (kind === 'resources') return m.rbp_resources_not_allowed(who);
	return kind === 'framework' || kind === 'indicators' || kind === 'outputs'
		? m.impmsg_not_allowed_framework(who)
		: m.impmsg_not_allowed_import(who);
}

/**
 * A look at a file's start: its likely encoding, header and kind, so files can be put in
 * dependency order before anything is written. Refusals that are not on one line (not text,
 * empty, unknown kind) and personal-data headers end here. The whole file is read once, later,
 * while it is parsed.
 */
async function inspect(source: FileSource, list: boolean): Promise<Inspected> {
	const report = emptyReport(source.name);
	// a list is known as one before it is read, so even its refusals say so
	if (list) report.kind = 'list';
	const sniffer = new EncodingSniffer();
	const head: Uint8Array[] = [];
	let headLength = 0;
	let complete = true;
	for await (const chunk of source.chunks()) {
		if (headLength >= HEAD_BYTES) {
			complete = false;
			break;
		}
		const part = chunk.subarray(0, HEAD_BYTES - headLength);
		sniffer.push(part);
		head.push(part);
		headLength += part.length;
		if (part.length < chunk.length) {
			complete = false;
			break;
		}
	}
	if (list && head[0] && looksLikeZip(head[0])) return inspectWorkbook(source, report, true);
	// action points as minutes are often kept, and resources as the finance office exports them:
	// a workbook whose sheet is one of those kinds; any other workbook goes on to be refused as
	// not text
	if (!list && source.path && head[0] && looksLikeZip(head[0])) {
		const sheet = await inspectWorkbook(source, emptyReport(source.name), false);
		if (sheet.report.kind && WORKBOOK_KINDS.includes(sheet.report.kind)) return sheet;
	}
	// a file read whole is judged now; a longer one provisionally, and finally while parsed
	const sniffed = complete ? sniffer.result() : provisionally(sniffer);
	if (!sniffed.ok) {
		report.errors.push(issue(null, null, null, sniffed.message));
		return { source, report };
	}
	const bytes = Buffer.concat(head).subarray(sniffed.bomLength);
	const header = readHeader(createDecoder(sniffed.encoding)(bytes, complete));
	if (header && !('headers' in header)) {
		report.errors.push(header);
		return { source, report };
	}
	if (!header) {
		report.errors.push(issue(null, null, null, m.impmsg_file_empty()));
		return { source, report };
	}
	const personal = personalDataColumn(header, list);
	if (personal) {
		report.errors.push(issue(1, personal, personal, personalDataMessage(personal)));
		return { source, report };
	}
	report.kind = list ? 'list' : detectKind(header.headers, header.rawHeaders);
	if (!report.kind) {
		report.errors.push(issue(null, null, null, unknownKindMessage()));
		return { source, report };
	}
	return { source, report, encoding: sniffed.encoding, bomLength: sniffed.bomLength };
}

/** The kinds of file also read from an .xlsx workbook's first sheet (every other kind is CSV). */
const WORKBOOK_KINDS: readonly BatchKind[] = ['actions', 'resources'];

/**
 * A list given as an .xlsx workbook (formats.md §5.2: CSV or xlsx), or an `actions` or
 * `resources` file (formats.md "Action points", "Resources"): its first sheet, read as a stream like a CSV file, from the file
 * on disk (uploads are spooled there). Every other kind is CSV only.
 */
async function inspectWorkbook(
	source: FileSource,
	report: FileReport,
	list: boolean
): Promise<Inspected> {
	if (!source.path) {
		report.errors.push(issue(null, null, null, m.impmsg_workbook_not_saved()));
		return { source, report };
	}
	const sheets = await import('./workspace/workbook-records');
	const sheet = await sheets.firstSheet(source.path);
	if (typeof sheet !== 'string') {
		report.errors.push(sheet);
		return { source, report };
	}
	let header: TableHeader | null = null;
	const refused = await sheets.streamWorkbook(source.path, sheet, {
		header(found) {
			header = found;
			// only the header is needed now: stop reading
			return issue(null, null, null, '');
		},
		record() {}
	});
	if (!header) {
		report.errors.push(refused ?? issue(null, null, null, m.impmsg_sheet_empty({ sheet })));
		return { source, report };
	}
	const { headers, rawHeaders } = header as TableHeader;
	const personal = personalDataColumn(header as TableHeader, list);
	if (personal) {
		report.errors.push(issue(1, personal, personal, personalDataMessage(personal)));
		return { source, report };
	}
	const kind = list ? 'list' : detectKind(headers, rawHeaders);
	if (kind !== 'list' && !(kind && WORKBOOK_KINDS.includes(kind))) return { source, report };
	report.kind = kind;
	return { source, report, workbook: { path: source.path, sheet } };
}

function provisionally(sniffer: EncodingSniffer): SniffResult {
	const guess = sniffer.provisional();
	return guess ? { ok: true, ...guess } : { ok: false, message: notTextMessage() };
}

/** The header at the start of a text, null when the start is blank. */
function readHeader(text: string): TableHeader | ReturnType<typeof issue> | null {
	if (text.trim() === '') return null;
	const delimiter = detectDelimiter(text);
	const assembler = new RecordAssembler(delimiter);
	let found: TableHeader | ReturnType<typeof issue> | null = null;
	// row by row, stopping at the header (known with the row under it, which may be HXL tags)
	Papa.parse<string[]>(text, {
		delimiter,
		step(results, parser) {
			const out = assembler.push(results.data);
			if (out && 'message' in out) found = out;
			else if (assembler.header) found = assembler.header;
			if (found) parser.abort();
		}
	});
	return found ?? assembler.finish() ?? assembler.header;
}

/** The sink that receives a file's records, by kind; null when its header refuses it. */
function sinkFor(
	kind: BatchKind,
	ctx: Omit<KindImport, 'table'> & { table: TableHeader; targetsOnly: boolean },
	list: ListOptions | undefined
): RowSink | null {
	if (kind === 'observations') return observationSink(ctx);
	if (kind === 'list') {
		return listSink({
			...ctx,
			source: list!.source,
			areaAliases: list!.areaAliases,
			preview: list!.preview ?? false
		});
	}
	const records: CsvRecord[] = [];
	const apply = WHOLE_FILE[kind];
	return {
		record: (r) => {
			records.push(r);
		},
		finish: () => apply({ ...ctx, table: { ...ctx.table, records } })
	};
}

/** Clears what a pass over a file reported, to read it again. */
function resetReport(report: FileReport): void {
	report.rows = report.inserted = report.updated = report.unchanged = 0;
	report.errors = [];
	report.warnings = [];
	delete report.errorCount;
}

/**
 * Streams the file's records into its kind's sink, under a batch of its own, hashing it and
 * checking its encoding on the way. A late byte can prove the provisional encoding wrong (a
 * Windows-1252 "é" deep in a file that looked like UTF-8) or the file not text: then the
 * file's work is rolled back to its savepoint and it is read again, or refused.
 */
async function apply(db: Db, actor: Actor, file: Inspected, options: ImportOptions): Promise<void> {
	const skip = options.skip?.lines;
	let records = 0;
	const { report, source } = file;
	const kind = report.kind!;
	const client = db.$client;
	client.exec('SAVEPOINT import_file');
	const batch = db
		.insert(importBatches)
		.values({
			fileName: source.name,
			sha256: '',
			sizeBytes: source.size,
			kind,
			rows: 0,
			inserted: 0,
			updated: 0,
			unchanged: 0,
			actor: actor.username
		})
		.returning({ id: importBatches.id })
		.get();
	const parse = async (read: (handlers: StreamHandlers) => Promise<ImportIssue | null>) => {
		let sink: RowSink | null = null;
		const refused = await read({
			header(table) {
				sink = sinkFor(
					kind,
					{
						db,
						actor,
						table,
						report,
						batchId: batch.id,
						targetsOnly: options.targetsOnly ?? false
					},
					options.list
				);
				return null;
			},
			record(record) {
				if (!skip?.has(record.line)) sink?.record(record);
				if (++records % PROGRESS_EVERY === 0) {
					options.progress?.(records);
					faultPoint('write');
				}
			}
		});
		if (refused) report.errors.push(refused);
		else (sink as RowSink | null)?.finish();
	};

	const text = (encoding: Encoding, bomLength: number, tap?: (c: Uint8Array) => void) =>
		parse((handlers) => streamRecords(source, encoding, bomLength, handlers, tap));

	const hash = createHash('sha256');
	const sniffer = new EncodingSniffer();
	const { workbook } = file;
	if (workbook) {
		for await (const chunk of source.chunks()) hash.update(chunk);
		const sheets = await import('./workspace/workbook-records');
		await parse((handlers) => sheets.streamWorkbook(workbook.path, workbook.sheet, handlers));
	} else {
		await text(file.encoding!, file.bomLength!, (chunk) => {
			hash.update(chunk);
			sniffer.push(chunk);
		});
	}
	const sniffed = workbook ? null : sniffer.result();
	if (sniffed && (!sniffed.ok || sniffed.encoding !== file.encoding)) {
		client.exec('ROLLBACK TO import_file');
		resetReport(report);
		if (!sniffed.ok) {
			report.errors.push(issue(null, null, null, sniffed.message));
			client.exec('RELEASE import_file');
			return;
		}
		db.insert(importBatches)
			.values({
				id: batch.id,
				fileName: source.name,
				sha256: '',
				sizeBytes: source.size,
				kind,
				rows: 0,
				inserted: 0,
				updated: 0,
				unchanged: 0,
				actor: actor.username
			})
			.run();
		await text(sniffed.encoding, sniffed.bomLength);
	}
	const { rows, inserted, updated, unchanged } = report;
	const recorded = options.recordAs ?? { sha256: hash.digest('hex'), sizeBytes: source.size };
	db.update(importBatches)
		.set({ ...recorded, rows, inserted, updated, unchanged })
		.where(eq(importBatches.id, batch.id))
		.run();
	for (const skipped of options.skip?.issues ?? []) {
		db.insert(importSkippedRows)
			.values({ batchId: batch.id, ...skipped, line: skipped.line ?? 0 })
			.run();
	}
	report.batchId = batch.id;
	client.exec('RELEASE import_file');
}

/** The audit log's entries for an import about to be committed, in its transaction. */
function recordCommitted(
	db: Db,
	actor: Actor,
	files: Inspected[],
	edit: ImportOptions['audit'],
	list: ListOptions | undefined
): void {
	const batchIds = files.map((f) => f.report.batchId!);
	if (edit) {
		const entry = edit(db);
		recordAudit(db, actor, entry.action, entry.subject, { ...entry.detail, batches: batchIds });
		return;
	}
	for (const [i, id] of batchIds.entries()) {
		const b = db.select().from(importBatches).where(eq(importBatches.id, id)).get()!;
		const { report } = files[i]!;
		const { skipped } = db
			.select({ skipped: count() })
			.from(importSkippedRows)
			.where(eq(importSkippedRows.batchId, id))
			.get()!;
		recordAudit(db, actor, 'import', id, {
			file: b.fileName,
			kind: b.kind,
			sha256: b.sha256,
			sizeBytes: b.sizeBytes,
			rows: b.rows,
			inserted: b.inserted,
			updated: b.updated,
			unchanged: b.unchanged,
			skipped,
			// a list: which source, and what each rule made of it (counts, never a cell)
			...(b.kind === 'list' && list
				? { source: list.source.name, removed: report.removed ?? 0, rules: report.rules ?? [] }
				: {})
		});
	}
}

// One import at a time per connection: the transaction spans awaits.
const running = new WeakMap<object, Promise<unknown>>();

function serialised<T>(db: Db, work: () => Promise<T>): Promise<T> {
	const before = running.get(db.$client) ?? Promise.resolve();
	const next = before.then(work, work);
	running.set(
		db.$client,
		next.catch(() => undefined)
	);
	return next;
}

/**
 * Imports files all or nothing (formats.md §1.7, §3): each file's kind comes from its header,
 * files are applied in dependency order (FILE_KINDS's: areas, framework, indicators, rules,
 * observations, sites) in one transaction, and any error anywhere — or a dry run — rolls the
 * whole call back. Files are streamed twice (inspect, then apply) and never held whole. Reports
 * keep the callers' order.
 *
 * The transaction spans awaits, so `db` must be a connection no other work uses meanwhile
 * (the server gives imports a connection of their own).
 */
export function importFiles(
	db: Db,
	actor: Actor,
	files: (FileSource | IncomingFile)[],
	options: ImportOptions = {}
): Promise<ImportReport> {
	// who may import no kind of file is refused outright; the rest is decided file by file
	if (!can(actor, 'framework')) authorize(actor, 'import');
	const sources = files.map((f) => ('bytes' in f ? sourceFromBytes(f.name, f.bytes) : f));
	return serialised(db, async () => {
		const dryRun = options.dryRun ?? false;
		const inspected: Inspected[] = [];
		for (const source of sources) inspected.push(await inspect(source, options.list !== undefined));
		for (const { report } of inspected) {
			if (report.kind && !can(actor, actionFor(report.kind, options)))
				report.errors.push(issue(null, null, null, notAllowedMessage(actor, report.kind)));
		}
		const ordered = inspected
			.filter((f) => f.report.errors.length === 0 && f.report.kind)
			.sort((a, b) => BATCH_KINDS.indexOf(a.report.kind!) - BATCH_KINDS.indexOf(b.report.kind!));

		faultPoint('parse');
		const client = db.$client;
		await beginWriteTurn(client, {
			onWait: options.onWait,
			maxWaitMs: options.maxWaitMs,
			holder: {
				file: sources.map((s) => s.name).join(', '),
				user: actor.username,
				via: options.via ?? 'server'
			}
		});
		try {
			for (const file of ordered) await apply(db, actor, file, options);
			const ok = inspected.every((f) => f.report.errors.length === 0);
			if (ok && !dryRun) recordCommitted(db, actor, ordered, options.audit, options.list);
			if (ok && !dryRun) faultPoint('commit');
			client.exec(ok && !dryRun ? 'COMMIT' : 'ROLLBACK');
			// a batch rolled back was never written
			if (!ok || dryRun) for (const f of inspected) delete f.report.batchId;
		} catch (e) {
			if (client.inTransaction) client.exec('ROLLBACK');
			throw e;
		} finally {
			endWriteTurn(client);
		}
		for (const f of inspected) f.report.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
		const ok = inspected.every((f) => f.report.errors.length === 0);
		return { ok, dryRun, files: inspected.map((f) => f.report) };
	});
}
