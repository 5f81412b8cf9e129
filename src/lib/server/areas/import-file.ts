import { AREA_COLUMNS } from '../../domain/columns';
import { m } from '../../paraglide/messages.js';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { importFiles, type ImportOptions, type IncomingFile } from '../imports/import-files';
import { issue, type FileReport } from '../imports/report';

export interface AreasFileResult {
	ok: boolean;
	dryRun: boolean;
	report: FileReport;
}

/**
 * Imports a file on the areas page: the same import as anywhere else, but only for a file of
 * areas. The file is checked first (a dry run, cheap: areas files are small), so a file of
 * another kind sent here by mistake is refused before anything is written.
 *
 * `db` must be a connection that imports may hold across awaits (see importFiles).
 */
export async function importAreasFile(
	db: Db,
	actor: Actor,
	file: IncomingFile,
	options: ImportOptions = {}
): Promise<AreasFileResult> {
	const dryRun = options.dryRun ?? false;
	const checked = await importFiles(db, actor, [file], { dryRun: true });
	const report = checked.files[0]!;
	if (report.kind !== null && report.kind !== 'areas') {
		return {
			ok: false,
			dryRun,
			report: {
				...report,
				inserted: 0,
				updated: 0,
				unchanged: 0,
				errors: [
					issue(
						null,
						null,
						null,
						m.fw_areas_wrong_kind({
							kind: report.kind,
							columns: AREA_COLUMNS.join(', ')
						})
					)
				],
				warnings: []
			}
		};
	}
	if (!checked.ok || dryRun) return { ok: checked.ok, dryRun, report };
	const applied = await importFiles(db, actor, [file]);
	return { ok: applied.ok, dryRun, report: applied.files[0]! };
}
