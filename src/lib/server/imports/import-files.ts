import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { FILE_KINDS, type FileKind } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { importBatches } from '../db/schema';
import { authorize } from '../permissions';
import { EncodingSniffer, createDecoder, type Encoding } from './decode';
import { detectKind, unknownKindMessage } from './detect-kind';
import { importAreas } from './kinds/areas';
import type { KindImport } from './kinds/context';
import { importFramework } from './kinds/framework';
import { importIndicators } from './kinds/indicators';
import { observationSink, type RowSink } from './kinds/observations';
import { isPersonalDataHeader, personalDataMessage } from './personal-data';
import {
	RecordAssembler,
	detectDelimiter,
	streamRecords,
	type CsvRecord,
	type TableHeader
} from './read-table';
import { emptyReport, issue, type FileReport, type ImportReport } from './report';
import { sourceFromBytes, type FileSource } from './source';

export interface ImportOptions {
	dryRun?: boolean;
}

/** A file from memory, for callers that have its bytes (small files, tests). */
export interface IncomingFile {
	name: string;
	bytes: Uint8Array;
}

/** What the first pass learns of a file before anything is written. */
interface Inspected {
	source: FileSource;
	report: FileReport;
	sha256: string;
	encoding?: Encoding;
	bomLength?: number;
}

/** How much of a file's start is kept to read its header in the first pass. */
const HEAD_BYTES = 1 << 20;

/** The kinds held whole (they are small) and applied when their file has been read. */
const WHOLE_FILE: Record<Exclude<FileKind, 'observations'>, (ctx: KindImport) => void> = {
	areas: importAreas,
	framework: importFramework,
	indicators: importIndicators
};

/**
 * First pass over a file: hash it, decide its encoding, read its header and recognise its kind,
 * streaming. Refusals that are not on one line (not text, empty, unknown kind) and personal-data
 * headers end here.
 */
async function inspect(source: FileSource): Promise<Inspected> {
	const report = emptyReport(source.name);
	const hash = createHash('sha256');
	const sniffer = new EncodingSniffer();
	const head: Uint8Array[] = [];
	let headLength = 0;
	for await (const chunk of source.chunks()) {
		hash.update(chunk);
		sniffer.push(chunk);
		if (headLength < HEAD_BYTES) {
			head.push(chunk.subarray(0, HEAD_BYTES - headLength));
			headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
		}
	}
	const sha256 = hash.digest('hex');
	const sniffed = sniffer.result();
	if (!sniffed.ok) {
		report.errors.push(issue(null, null, null, sniffed.message));
		return { source, report, sha256 };
	}
	const bytes = Buffer.concat(head).subarray(sniffed.bomLength);
	const header = readHeader(createDecoder(sniffed.encoding)(bytes, headLength < HEAD_BYTES));
	if (header && !('headers' in header)) {
		report.errors.push(header);
		return { source, report, sha256 };
	}
	if (!header) {
		report.errors.push(issue(null, null, null, 'The file is empty: it has no header line.'));
		return { source, report, sha256 };
	}
	{
		const personal = header.headers.find(isPersonalDataHeader);
		if (personal) {
			const raw = header.rawHeaders[header.headers.indexOf(personal)] ?? personal;
			report.errors.push(issue(1, raw, raw, personalDataMessage(raw)));
			return { source, report, sha256 };
		}
		report.kind = detectKind(header.headers, header.rawHeaders);
		if (!report.kind) {
			report.errors.push(issue(null, null, null, unknownKindMessage()));
			return { source, report, sha256 };
		}
	}
	return { source, report, sha256, encoding: sniffed.encoding, bomLength: sniffed.bomLength };
}

/** The header at the start of a text, null when the start is blank. */
function readHeader(text: string): TableHeader | ReturnType<typeof issue> | null {
	if (text.trim() === '') return null;
	const delimiter = detectDelimiter(text);
	const assembler = new RecordAssembler(delimiter);
	const rows = Papa.parse<string[]>(text, { delimiter, preview: 1000 }).data;
	for (const row of rows) {
		const out = assembler.push(row);
		if (out && 'message' in out) return out;
		if (assembler.header) return assembler.header;
	}
	return null;
}

/** The sink that receives a file's records, by kind; null when its header refuses it. */
function sinkFor(
	kind: FileKind,
	ctx: Omit<KindImport, 'table'> & { table: TableHeader }
): RowSink | null {
	if (kind === 'observations') return observationSink(ctx);
	const records: CsvRecord[] = [];
	const apply = WHOLE_FILE[kind];
	return {
		record: (r) => {
			records.push(r);
		},
		finish: () => apply({ ...ctx, table: { ...ctx.table, records } })
	};
}

/** Second pass: stream the file's records into its kind's sink, under a batch of its own. */
async function apply(db: Db, actor: Actor, file: Inspected): Promise<void> {
	const { report, source } = file;
	const kind = report.kind!;
	const batch = db
		.insert(importBatches)
		.values({
			fileName: source.name,
			sha256: file.sha256,
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
	let sink: RowSink | null = null;
	const refused = await streamRecords(source, file.encoding!, file.bomLength!, {
		header(table) {
			sink = sinkFor(kind, { db, table, report, batchId: batch.id });
			return null;
		},
		record(record) {
			sink?.record(record);
		}
	});
	if (refused) report.errors.push(refused);
	else (sink as RowSink | null)?.finish();
	const { rows, inserted, updated, unchanged } = report;
	db.update(importBatches)
		.set({ rows, inserted, updated, unchanged })
		.where(eq(importBatches.id, batch.id))
		.run();
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
 * files are applied in dependency order (areas, framework, indicators, observations) in one
 * transaction, and any error anywhere — or a dry run — rolls the whole call back. Files are
 * streamed twice (inspect, then apply) and never held whole. Reports keep the callers' order.
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
	authorize(actor, 'import');
	const sources = files.map((f) => ('bytes' in f ? sourceFromBytes(f.name, f.bytes) : f));
	return serialised(db, async () => {
		const dryRun = options.dryRun ?? false;
		const inspected: Inspected[] = [];
		for (const source of sources) inspected.push(await inspect(source));
		const ordered = inspected
			.filter((f) => f.report.errors.length === 0 && f.report.kind)
			.sort((a, b) => FILE_KINDS.indexOf(a.report.kind!) - FILE_KINDS.indexOf(b.report.kind!));

		const client = db.$client;
		client.exec('BEGIN IMMEDIATE');
		try {
			for (const file of ordered) await apply(db, actor, file);
			const ok = inspected.every((f) => f.report.errors.length === 0);
			client.exec(ok && !dryRun ? 'COMMIT' : 'ROLLBACK');
		} catch (e) {
			if (client.inTransaction) client.exec('ROLLBACK');
			throw e;
		}
		for (const f of inspected) f.report.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
		const ok = inspected.every((f) => f.report.errors.length === 0);
		return { ok, dryRun, files: inspected.map((f) => f.report) };
	});
}
