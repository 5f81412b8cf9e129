/**
 * A file dropped on /import taken as a list of a source (formats.md §5): which source, the
 * area spellings to map, and the check and the import, both through the one importer with the
 * source's rules. The staged upload is the workspace's (imports/workspace/); only what is
 * particular to lists lives here.
 */
import { m } from '../../paraglide/messages.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suggestValue, type KnownValue } from '../../domain/column-mapping';
import { AreaMatcher, type ListArea } from '../../domain/lists/area-match';
import { findListColumn } from '../../domain/lists/list-columns';
import type { Actor } from '../actor';
import { loadAreaTree } from '../areas/tree';
import type { Db } from '../db';
import { issue, type FileReport } from '../imports/report';
import { sourceFromPath } from '../imports/source';
import { writeMappedCopy } from '../imports/workspace/check';
import { analyse, analysedTags, type StagedAnalysis } from '../imports/workspace/mapping';
import { withProgress } from '../imports/workspace/progress';
import { originalPath, stagingFolder, type StagedFile } from '../imports/workspace/staging';
import { authorize } from '../permissions';
import { areaAliases, saveAreaSpellings } from './area-spellings';
import { fitOf, recogniseList, type Recognition, type SourceFit } from './recognise';
import { importLists } from './import-lists';
import { loadSource } from './sources';

/** An area cell of the list that matches no area (or several), to be mapped by the planner. */
export interface UnknownSpelling {
	value: string;
	/** why it does not match, as the importer would say */
	message: string;
	/** the area chosen for it so far, or the likeliest one */
	chosen: string | null;
}

export interface AreaColumn {
	/** the file's header */
	header: string;
	unknown: UnknownSpelling[];
}

/** What the page shows of a file taken as a list. */
export interface ListStep {
	recognition: Recognition;
	/** the source the file is taken as a list of; null when it is not taken as a list */
	source: string | null;
	/** the planner chose the source (rather than the header recognising it) */
	chosen: boolean;
	/** how the header fits the source (the columns its rules need that the file lacks) */
	fit: SourceFit | null;
	/** the areas to map spellings onto */
	areas: KnownValue[];
	areaColumns: AreaColumn[];
}

function listAreas(db: Db): ListArea[] {
	return loadAreaTree(db)
		.all()
		.map((a) => ({ id: a.id, code: a.code, name: a.name, parentId: a.parentId, level: a.level }));
}

/** The aliases the import uses: those saved with the source, then those chosen for this file. */
function aliasesFor(db: Db, file: StagedFile, source: string): Map<string, string> {
	return new Map([...areaAliases(db, source), ...Object.entries(file.list?.spellings ?? {})]);
}

/**
 * The list step of a staged file: the source it is taken as (the planner's choice, else the
 * one its header recognises), and the values of the source's area columns that match no area
 * — among the distinct values the workspace read — with the area chosen or likeliest for each.
 */
export function listStep(
	db: Db,
	actor: Actor,
	file: StagedFile,
	analysis: StagedAnalysis
): ListStep {
	authorize(actor, 'import');
	const recognition = recogniseList(db, actor, analysis.headers, analysedTags(analysis));
	const said = file.list !== undefined;
	const name = said ? file.list!.source : recognition.recognised;
	// a source the header recognises stays "recognised" once the planner has checked the list
	const chosen = said && name !== recognition.recognised;
	const source = name ? loadSource(db, name) : null;
	const areas = listAreas(db);
	const step: ListStep = {
		recognition,
		source: source?.name ?? null,
		chosen,
		fit: source ? fitOf(source, analysis.headers, analysedTags(analysis)) : null,
		areas: areas.map((a) => ({ code: a.code, name: a.name })),
		areaColumns: []
	};
	if (!source) return step;
	const matcher = new AreaMatcher(areas, aliasesFor(db, file, source.name));
	const saved = file.list?.spellings ?? {};
	const headers = new Set<string>();
	for (const rule of source.rules) {
		const found = findListColumn(analysis.headers, rule.areaColumn, analysedTags(analysis));
		if (found.ok) headers.add(analysis.headers[found.position]!);
	}
	for (const header of headers) {
		const unknown: UnknownSpelling[] = [];
		for (const value of analysis.distinct[header] ?? []) {
			const match = matcher.match(value);
			const written = value.trim();
			if (match.ok && !(written in saved)) continue;
			unknown.push({
				value: written,
				message: match.ok ? '' : match.message,
				chosen: saved[written] ?? suggestValue(written, step.areas)
			});
		}
		if (unknown.length > 0) step.areaColumns.push({ header, unknown });
	}
	return step;
}

/** The list as the importer reads it: the upload itself, or a workbook's sheet as CSV. */
async function listPath(db: Db, actor: Actor, file: StagedFile): Promise<string | FileReport> {
	if (file.format === 'csv') return originalPath(file.id);
	const { headers } = await analyse(db, actor, file);
	const identity = { columns: Object.fromEntries(headers.map((h) => [h, h])), values: {} };
	const path = await writeMappedCopy(file, identity);
	return typeof path === 'string' ? path : refused(file, path.message);
}

function refused(file: StagedFile, message: string): FileReport {
	return {
		file: file.name,
		kind: 'list',
		rows: 0,
		inserted: 0,
		updated: 0,
		unchanged: 0,
		errors: [issue(null, null, null, message)],
		warnings: []
	};
}

async function run(
	db: Db,
	actor: Actor,
	file: StagedFile,
	commit: boolean
): Promise<{ report: FileReport; source: string | null }> {
	authorize(actor, 'import');
	const source = file.list?.source ?? null;
	if (!source) return { report: refused(file, m.impmsg_list_choose_source()), source };
	const path = await listPath(db, actor, file);
	if (typeof path !== 'string') return { report: path, source };
	const { rows } = await analyse(db, actor, file);
	const report = await withProgress(file.id, commit ? 'importing' : 'checking', rows, (progress) =>
		importLists(db, actor, source, [sourceFromPath(path, file.name)], {
			dryRun: !commit,
			preview: !commit,
			progress,
			// importLists adds those saved with the source
			areaAliases: new Map(Object.entries(file.list?.spellings ?? {})),
			...(commit ? { recordAs: { sha256: file.sha256, sizeBytes: file.sizeBytes } } : {})
		}).then((r) => r.files[0]!)
	);
	return { report, source };
}

/**
 * What importing the list would do, written nowhere: per rule the rows matched, the figures,
 * and each figure new, changed, unchanged or removed (a dry run of the import itself). Kept
 * beside the upload for the page, as the workspace keeps its check.
 */
export async function previewList(db: Db, actor: Actor, file: StagedFile): Promise<FileReport> {
	const { report } = await run(db, actor, file, false);
	await writeFile(join(stagingFolder(file.id), 'preview.json'), JSON.stringify(report));
	return report;
}

/**
 * Imports the list; once it is in, the area spellings mapped for it are saved with the source,
 * so that its next export maps itself.
 */
export async function commitList(db: Db, actor: Actor, file: StagedFile): Promise<FileReport> {
	const { report, source } = await run(db, actor, file, true);
	if (source && report.batchId !== undefined) {
		const saved = saveAreaSpellings(db, actor, source, file.list?.spellings ?? {});
		if (!saved.ok) report.warnings.push(issue(null, null, null, saved.message));
	}
	return report;
}
