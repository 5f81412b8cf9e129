/**
 * Area outlines from a GeoJSON file (docs/formats.md "Boundaries"), for the areas page and
 * `cpas import boundaries`: read and check every feature, match them to areas, simplify the
 * matched outlines together (shared borders stay shared) and store them, in one transaction
 * with its audit entry — or write nothing, when anything is refused or on a dry run.
 */
import { readBoundaries, type BoundaryProblem } from '../../domain/maps/boundaries-file';
import { matchBoundaries, type MatchedFeature } from '../../domain/maps/boundaries-match';
import { simplifyOutlines } from '../../domain/maps/simplify-outlines';
import { areaProblem, parentsIn, writeLimits } from '../../domain/planner-scope';
import { m } from '../../paraglide/messages.js';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import { loadAreaTree } from '../areas/tree';
import { nowText } from '../clock';
import type { Db } from '../db';
import { areaBoundaries } from '../db/schema';
import { refuseFileSize } from '../imports/upload-limit';
import { authorize } from '../permissions';

export interface BoundariesFile {
	name: string;
	bytes: Uint8Array;
}

export interface BoundariesOptions {
	/** the feature property naming each feature's area: a code or a name */
	match: string;
	dryRun?: boolean;
}

/** What an upload of boundaries did, or would do (dry run), or why it was refused. */
export interface BoundariesReport {
	ok: boolean;
	dryRun: boolean;
	file: string;
	match: string;
	/** features matched to an area (feature: 1-based index in the file; area: its code) */
	matched: MatchedFeature[];
	/** features whose value names no area: listed, not refused */
	unmatchedFeatures: { feature: number; value: string }[];
	/** areas, at the levels the file outlines, that no feature matched */
	areasWithout: { code: string; name: string }[];
	/** the refusals; when there is any, nothing is written */
	errors: BoundaryProblem[];
}

/**
 * Checks a boundaries file and, unless it is refused or this is a dry run, replaces the stored
 * outline of each area a feature matched (other areas keep theirs). Synchronous: the whole
 * file is in memory already (a form's field, a file the command line read), within the upload
 * limit, and the write is one short transaction.
 */
export function importBoundaries(
	db: Db,
	actor: Actor,
	file: BoundariesFile,
	options: BoundariesOptions
): BoundariesReport {
	// outlines belong with the areas: whoever may edit the areas may give them outlines
	authorize(actor, 'import');
	const match = options.match.trim();
	const dryRun = options.dryRun ?? false;
	const report: BoundariesReport = {
		ok: false,
		dryRun,
		file: file.name,
		match,
		matched: [],
		unmatchedFeatures: [],
		areasWithout: [],
		errors: []
	};
	const refused = (message: string) => ({
		...report,
		errors: [{ feature: null, value: null, message }]
	});
	if (match === '') return refused(m.bnd_match_blank());
	const tooLarge = refuseFileSize(file.bytes.byteLength);
	if (tooLarge) return refused(tooLarge.message);

	const reading = readBoundaries(file.bytes, match);
	const tree = loadAreaTree(db);
	const areas = tree
		.all()
		.map((a) => ({ id: a.id, code: a.code, name: a.name, parentId: a.parentId, level: a.level }));
	const matching = matchBoundaries(reading.features, areas);
	report.matched = matching.matched.map(({ feature, value, area }) => ({ feature, value, area }));
	report.unmatchedFeatures = matching.unmatchedFeatures;
	report.areasWithout = matching.areasWithout;
	report.errors = [...reading.problems, ...matching.problems];
	// a planner limited to some areas outlines those only, as they edit those only
	const limits = writeLimits(actor);
	for (const f of report.matched) {
		const outside = areaProblem(limits, f.area, parentsIn(tree));
		if (outside) report.errors.push({ feature: f.feature, value: f.value, message: outside });
	}
	if (reading.problems.length === 0 && matching.matched.length === 0) {
		report.errors.push({ feature: null, value: null, message: m.bnd_nothing_matched({ match }) });
	}
	report.ok = report.errors.length === 0;
	if (!report.ok || dryRun) return report;

	const outlines = simplifyOutlines(matching.matched.map((f) => f.outline));
	const changedAt = nowText();
	db.transaction((tx) => {
		matching.matched.forEach((f, i) => {
			const row = {
				geometry: JSON.stringify(outlines[i]),
				fileName: file.name,
				matchedBy: match,
				changedAt,
				changedBy: actor.username
			};
			tx.insert(areaBoundaries)
				.values({ areaId: f.areaId, ...row })
				.onConflictDoUpdate({ target: areaBoundaries.areaId, set: row })
				.run();
		});
		recordAudit(tx, actor, 'areas.boundaries', file.name, {
			match,
			areas: report.matched.map((f) => f.area),
			unmatchedFeatures: report.unmatchedFeatures.map((f) => f.value),
			areasWithout: report.areasWithout.map((a) => a.code)
		});
	});
	return report;
}
