import { hidesFigure, type Suppression } from '../../domain/small-cells';
import type { Actor } from '../actor';
import { loadAreaTree } from '../areas/tree';
import type { Db } from '../db';
import { findVisibleIndicator } from '../indicators/visible';
import { authorize } from '../permissions';
import { resolveQuery, type Resolution, type SeriesQuery } from '../series/load-series';
import { smallCellThreshold } from '../settings/small-cells';
import { loadDimensionSets } from './dimension-sets';

/**
 * A stored figure with where it came from: the batch, its file and the line in that file — or,
 * for a list's figure, the number of the list's rows behind it and the source's rule.
 */
export interface FigureProvenance {
	period: string;
	start: string;
	end: string;
	area: string | null;
	dimensions: Record<string, string>;
	valueType: string;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	sampleSize: number | null;
	verification: string | null;
	batchId: number;
	fileName: string;
	line: number | null;
	importedAt: string;
	/** who imported it; null for the public view's reader, who is told no staff names */
	actor: string | null;
	/** the batch file's SHA-256 */
	sha256: string;
	/** a list's figure (formats.md §5.3): its source, and how many of the list's rows are behind it */
	source: string | null;
	listRows: number | null;
	/** A small cell of a restricted indicator: its numbers are left out (null). */
	suppressed: Suppression | null;
}

export const PROVENANCE_LIMIT = 300;

/**
 * The figures behind a chart: those of the indicator for the selected area and the areas
 * below it (or every area for the whole mission) within the range, newest periods first, each
 * with its batch, file, line, time and the person who imported it.
 */
export function listFigureProvenance(
	db: Db,
	actor: Actor,
	code: string,
	query: SeriesQuery,
	limit = PROVENANCE_LIMIT
): Resolution<{ figures: FigureProvenance[]; total: number }> {
	authorize(actor, 'read');
	const tree = loadAreaTree(db);
	const resolved = resolveQuery(tree, query);
	if (!resolved.ok) return resolved;
	const indicator = findVisibleIndicator(db, actor, code);
	if (!indicator)
		return { ok: false, problem: 'not_found', message: `Unknown indicator "${code}".` };
	const { areaId, from, to, verifiedOnly } = resolved.query;
	const areas = areaId === null ? null : tree.subtree(areaId);
	const where = [
		'o.indicator_id = ?',
		...(from ? ['o.period_start >= ?'] : []),
		...(to ? ['o.period_end <= ?'] : []),
		...(areas ? [`o.area_id IN (${areas.map(() => '?').join(', ')})`] : []),
		...(verifiedOnly ? ["(o.value_type = 'target' OR o.verification = 'verified')"] : [])
	].join(' AND ');
	const params = [indicator.id, ...(from ? [from] : []), ...(to ? [to] : []), ...(areas ?? [])];
	const total = (
		db.$client
			.prepare(`SELECT count(*) AS n FROM observations o WHERE ${where}`)
			.get(...params) as {
			n: number;
		}
	).n;
	const sets = loadDimensionSets(db);
	const threshold = smallCellThreshold(db);
	const rows = db.$client
		.prepare(
			`SELECT o.period, o.period_start AS start, o.period_end AS end, a.code AS area,
			 o.dimension_set_id AS dims, o.value_type AS valueType, o.value, o.numerator, o.denominator,
			 o.sample_size AS sampleSize, o.verification, o.batch_id AS batchId, b.file_name AS fileName,
			 o.source_line AS line, b.imported_at AS importedAt, b.actor, b.sha256,
			 CASE WHEN b.kind = 'list' THEN o.source END AS source, o.list_rows AS listRows
			 FROM observations o JOIN import_batches b ON b.id = o.batch_id
			 LEFT JOIN areas a ON a.id = o.area_id
			 WHERE ${where}
			 ORDER BY o.period_start DESC, o.period_end, a.code, o.dimension_set_id, o.value_type
			 LIMIT ?`
		)
		.all(...params, limit) as (Omit<FigureProvenance, 'dimensions' | 'suppressed'> & {
		dims: number;
	})[];
	const figures = rows.map(({ dims, ...f }): FigureProvenance => {
		const dimensions = sets.get(dims) ?? {};
		// the page shows these rows to every reader: a small cell's numbers never leave the server
		const who = { actor: actor.publicReader ? null : f.actor };
		if (hidesFigure(indicator, { ...f, dimensions }, threshold)) {
			const hidden = { value: null, numerator: null, denominator: null, sampleSize: null };
			return { ...f, ...hidden, ...who, dimensions, suppressed: 'small' };
		}
		return { ...f, ...who, dimensions, suppressed: null };
	});
	return { ok: true, figures, total };
}
