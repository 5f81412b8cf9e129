/**
 * Importing lists of a source (formats.md §5.2): `cpas import --source NAME FILE…`,
 * `POST /api/v1/imports?source=NAME` and the /import page all come here. The source is found
 * by name (ignoring case); its rules read every file, and the files go through the one
 * importer (imports/import-files.ts) like any other: decoded, read as a stream, checked for
 * personal data, applied one after another in one transaction, each with its own batch (to
 * undo) and its own coverage, all or nothing, audited.
 */
import type { Actor } from '../actor';
import type { Db } from '../db';
import {
	importFiles,
	type ImportOptions,
	type IncomingFile,
	type ListOptions
} from '../imports/import-files';
import { emptyReport, issue, type ImportReport } from '../imports/report';
import type { FileSource } from '../imports/source';
import { authorize } from '../permissions';
import { areaAliases as savedSpellings } from './area-spellings';
import { loadSource, unknownSourceMessage } from './sources';

export interface ListImportOptions extends Omit<ImportOptions, 'list' | 'targetsOnly' | 'audit'> {
	/** spellings of areas mapped for the source (the workspace's value map) */
	areaAliases?: ListOptions['areaAliases'];
	/** build each file's preview of what it changes (see domain/lists/preview.ts) */
	preview?: boolean;
}

/**
 * Imports `files` as lists of the source `sourceName`. An unknown (or retired) source refuses
 * every file, naming the known sources; nothing is read.
 */
export async function importLists(
	db: Db,
	actor: Actor,
	sourceName: string,
	files: (FileSource | IncomingFile)[],
	options: ListImportOptions = {}
): Promise<ImportReport> {
	authorize(actor, 'import');
	const source = loadSource(db, sourceName);
	if (!source) {
		const message = unknownSourceMessage(db, sourceName);
		return {
			ok: false,
			dryRun: options.dryRun ?? false,
			files: files.map((f) => {
				const report = emptyReport(f.name, 'list');
				report.errors.push(issue(null, 'source', sourceName, message));
				return report;
			})
		};
	}
	const { preview, areaAliases: mappedNow, ...rest } = options;
	// the spellings saved with the source, then those the caller maps now (the /import page's)
	const areaAliases = new Map([
		...savedSpellings(db, source.name),
		...(mappedNow ?? new Map<string, string>())
	]);
	return importFiles(db, actor, files, { ...rest, list: { source, areaAliases, preview } });
}
