import { m } from '../../../paraglide/messages.js';
import { numberText } from '../../../format/numbers';
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import Papa from 'papaparse';
import { formatHashtag, readTagRow } from '../../../domain/hxl';
import { RowMapper, headerSignature, type Mapping } from '../../../domain/column-mapping';
import { neutraliseFormula } from '../../../domain/spreadsheet-text';
import type { FileKind } from '../../../domain/vocabulary';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { importFiles } from '../import-files';
import { issue, type FileReport, type ImportIssue } from '../report';
import { sourceFromPath } from '../source';
import { analyse } from './mapping';
import { readStaged } from './read-staged';
import { withProgress } from './progress';
import { saveSource } from './sources';
import { stagingFolder, type StagedFile } from './staging';

/**
 * The staged file as the contract wants it: its columns renamed or left out and its local
 * values replaced, row for row — a blank line for each blank row — so every line keeps the
 * number it has in the planner's file. Written as UTF-8 CSV next to the upload.
 */
export async function writeMappedCopy(
	file: StagedFile,
	mapping: Mapping
): Promise<string | ImportIssue> {
	const path = join(stagingFolder(file.id), 'mapped.csv');
	const out = createWriteStream(path);
	let mapper: RowMapper | null = null;
	let line = 1;
	let buffer = '';
	// rows arrive in synchronous callbacks; the stream queues what the disk has not taken yet
	const flush = () => {
		out.write(buffer);
		buffer = '';
	};
	const problem = await readStaged(file, {
		header(header) {
			mapper = new RowMapper(header.rawHeaders, mapping);
			buffer += Papa.unparse([mapper.header]) + '\n';
			// an HXL tag row travels with its columns (list rules may name them by hashtag)
			if (header.tags && readTagRow(header.rawHeaders).kind !== 'tags') {
				buffer += Papa.unparse([mapper.map(header.tags.map((t) => (t ? formatHashtag(t) : '')))]);
				buffer += '\n';
				line = 2;
			}
		},
		record(record) {
			for (; line + 1 < record.line; line++) buffer += '\n';
			// marked again as the exports mark text, since the importer unmarks it once more
			buffer += Papa.unparse([mapper!.map(record.values).map(neutraliseFormula)]) + '\n';
			line = record.line;
			if (buffer.length > 1 << 16) flush();
		}
	});
	flush();
	out.end();
	await once(out, 'finish');
	return problem ?? path;
}

/** The last preview of a staged file, kept for the error download. */
export async function lastPreview(file: StagedFile): Promise<FileReport | null> {
	try {
		return JSON.parse(
			await readFile(join(stagingFolder(file.id), 'preview.json'), 'utf8')
		) as FileReport;
	} catch {
		return null;
	}
}

function refused(file: StagedFile, problem: ImportIssue): FileReport {
	return {
		file: file.name,
		kind: null,
		rows: 0,
		inserted: 0,
		updated: 0,
		unchanged: 0,
		errors: [problem],
		warnings: []
	};
}

/**
 * What importing the mapped file would do, without writing anything: counts of new, changed
 * and unchanged rows, the changes old → new, every error and warning (a dry run of the
 * importer itself).
 */
export async function previewStaged(
	db: Db,
	actor: Actor,
	file: StagedFile,
	mapping: Mapping
): Promise<FileReport> {
	const path = await writeMappedCopy(file, mapping);
	const { rows } = await analyse(db, actor, file);
	const report =
		typeof path === 'string'
			? await withProgress(file.id, 'checking', rows, async (progress) => {
					const options = { dryRun: true, progress };
					return (await importFiles(db, actor, [sourceFromPath(path, file.name)], options))
						.files[0]!;
				})
			: refused(file, path);
	await writeFile(join(stagingFolder(file.id), 'preview.json'), JSON.stringify(report));
	return report;
}

/** A report refused for a reason of its own, said before the file's errors. */
function withFirstError(report: FileReport, message: string): FileReport {
	return { ...report, errors: [issue(null, null, null, message), ...report.errors] };
}

export interface CommitChoice {
	/** Import the lines without errors and keep the others with the batch. */
	validOnly: boolean;
	/** Save the mapping under this source name, for the next file with these headers. */
	saveAs: string | null;
}

/**
 * Imports the mapped file: whole when it is clean, or — when the planner chose so — all but
 * the lines with errors, which are kept with the batch. Either way in one transaction.
 */
export async function commitStaged(
	db: Db,
	actor: Actor,
	file: StagedFile,
	mapping: Mapping & { kind: FileKind },
	choice: CommitChoice
): Promise<FileReport> {
	const path = await writeMappedCopy(file, mapping);
	if (typeof path !== 'string') return refused(file, path);
	const source = () => sourceFromPath(path, file.name);
	const { rows } = await analyse(db, actor, file);
	const recordAs = { sha256: file.sha256, sizeBytes: file.sizeBytes };
	let skip: { lines: Set<number>; issues: ImportIssue[] } | undefined;
	if (choice.validOnly) {
		const check = await withProgress(file.id, 'checking', rows, async (progress) => {
			return (await importFiles(db, actor, [source()], { dryRun: true, progress })).files[0]!;
		});
		if (check.errors.some((e) => e.line === null || e.line === 1)) {
			return withFirstError(check, m.impmsg_valid_only_whole_file());
		}
		if ((check.errorCount ?? check.errors.length) > check.errors.length) {
			return withFirstError(
				check,
				m.impmsg_valid_only_too_many({
					count: check.errorCount ?? 0,
					n: numberText(check.errorCount ?? 0)
				})
			);
		}
		// the first problem of each line is kept with the batch
		const issues = new Map<number, ImportIssue>();
		for (const e of check.errors) if (!issues.has(e.line!)) issues.set(e.line!, e);
		skip = { lines: new Set(issues.keys()), issues: [...issues.values()] };
	}
	const report = await withProgress(file.id, 'importing', rows, async (progress) => {
		return (await importFiles(db, actor, [source()], { skip, recordAs, progress })).files[0]!;
	});
	if (report.errors.length === 0 && choice.saveAs) {
		const { headers } = await analyse(db, actor, file);
		saveSource(db, actor, choice.saveAs, headerSignature(headers), mapping);
	}
	return report;
}
