import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { FILE_KINDS, type FileKind } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { importBatches } from '../db/schema';
import { authorize } from '../permissions';
import { decodeText } from './decode';
import { detectKind, unknownKindMessage } from './detect-kind';
import { importAreas } from './kinds/areas';
import type { KindImport } from './kinds/context';
import { importFramework } from './kinds/framework';
import { importIndicators } from './kinds/indicators';
import { importObservations } from './kinds/observations';
import { isPersonalDataHeader, personalDataMessage } from './personal-data';
import { readTable, type CsvTable } from './read-table';
import { emptyReport, issue, type FileReport, type ImportReport } from './report';

export interface IncomingFile {
	name: string;
	bytes: Uint8Array;
}

export interface ImportOptions {
	dryRun?: boolean;
}

const IMPORTERS: Record<FileKind, (ctx: KindImport) => void> = {
	areas: importAreas,
	framework: importFramework,
	indicators: importIndicators,
	observations: importObservations
};

interface Prepared {
	file: IncomingFile;
	report: FileReport;
	table?: CsvTable;
	sha256: string;
}

/** Thrown inside the transaction to roll it back: a dry run, or a refused file. */
class RollBack extends Error {}

/** Reads a file up to its table and kind; refusals that are not on one line end here. */
function prepare(file: IncomingFile): Prepared {
	const report = emptyReport(file.name);
	const sha256 = createHash('sha256').update(file.bytes).digest('hex');
	const decoded = decodeText(file.bytes);
	if (!decoded.ok) {
		report.errors.push(issue(null, null, null, decoded.message));
		return { file, report, sha256 };
	}
	const read = readTable(decoded.text);
	if (!read.ok) {
		report.errors.push(read.issue);
		return { file, report, sha256 };
	}
	const { table } = read;
	const personal = table.headers.find(isPersonalDataHeader);
	if (personal) {
		const raw = table.rawHeaders[table.headers.indexOf(personal)] ?? personal;
		report.errors.push(issue(1, raw, raw, personalDataMessage(raw)));
		return { file, report, sha256 };
	}
	report.kind = detectKind(table.headers, table.rawHeaders);
	if (!report.kind) {
		report.errors.push(issue(null, null, null, unknownKindMessage()));
		return { file, report, sha256 };
	}
	return { file, report, table, sha256 };
}

/**
 * Imports files all or nothing: each file's kind comes from its header, files are applied in
 * dependency order (areas, framework, indicators, observations) in one transaction, and any
 * error anywhere — or a dry run — rolls the whole call back. Reports keep the callers' order.
 */
export function importFiles(
	db: Db,
	actor: Actor,
	files: IncomingFile[],
	options: ImportOptions = {}
): ImportReport {
	authorize(actor, 'import');
	const dryRun = options.dryRun ?? false;
	const prepared = files.map(prepare);
	const ordered = [...prepared].sort(
		(a, b) =>
			FILE_KINDS.indexOf(a.report.kind ?? 'areas') - FILE_KINDS.indexOf(b.report.kind ?? 'areas')
	);

	const apply = db.$client.transaction(() => {
		for (const p of ordered) {
			if (!p.table || !p.report.kind) continue;
			const batch = db
				.insert(importBatches)
				.values({
					fileName: p.file.name,
					sha256: p.sha256,
					sizeBytes: p.file.bytes.byteLength,
					kind: p.report.kind,
					rows: 0,
					inserted: 0,
					updated: 0,
					unchanged: 0,
					actor: actor.username
				})
				.returning({ id: importBatches.id })
				.get();
			IMPORTERS[p.report.kind]({ db, table: p.table, report: p.report, batchId: batch.id });
			const { rows, inserted, updated, unchanged } = p.report;
			db.update(importBatches)
				.set({ rows, inserted, updated, unchanged })
				.where(eq(importBatches.id, batch.id))
				.run();
		}
		if (dryRun || prepared.some((p) => p.report.errors.length > 0)) throw new RollBack();
	});
	try {
		apply();
	} catch (e) {
		if (!(e instanceof RollBack)) throw e;
	}
	for (const p of prepared) p.report.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	const ok = prepared.every((p) => p.report.errors.length === 0);
	return { ok, dryRun, files: prepared.map((p) => p.report) };
}
