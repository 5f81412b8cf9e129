import type { Actor } from '../actor';
import type { Db } from '../db';
import { visibleIndicatorCondition } from '../indicators/visible';
import type { Suppression } from '../../domain/small-cells';
import { SmallFigures } from '../observations/small-figures';
import { authorize } from '../permissions';
import { keysetPage, type Page, type PageRequest } from '../paging/keyset';
import { FigureNames, type FigureName, type StoredFigureKey } from './figure-names';

/** The numbers of a figure, as stored. */
export interface FigureNumbers {
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	verification: string | null;
}

/** A small cell of a restricted indicator: its numbers are left out (null) for every reader. */
export interface Suppressed {
	suppressed: Suppression | null;
}

/** A figure that still holds a batch's values, with its line in the batch's file. */
export interface BatchFigure extends FigureName, FigureNumbers, Suppressed {
	/** the figure's id, by which a verifier marks it (observations/verify.ts) */
	id: number;
	line: number | null;
}

/** A version of a figure that a batch replaced, and what the figure holds now. */
export interface ReplacedFigure extends FigureName {
	previous: FigureNumbers & Suppressed & { line: number | null };
	previousBatch: { id: number; fileName: string } | null;
	/** the figure today; null when an undo has deleted it since */
	now: (FigureNumbers & Suppressed & { batchId: number; fileName: string }) | null;
}

export const FIGURES_PER_PAGE = 50;

type StoredFigure = StoredFigureKey & FigureNumbers & { key: number; source_line: number | null };

const numbers = (f: FigureNumbers): FigureNumbers => ({
	value: f.value ?? null,
	numerator: f.numerator ?? null,
	denominator: f.denominator ?? null,
	verification: f.verification ?? null
});

/**
 * The figures that hold a batch's values today, in the order they were stored. There is no
 * index on batch_id (it would slow every import), so this walks the figures: a page reads on
 * until it has its rows, and never loads them all.
 */
export function listBatchFigures(
	db: Db,
	actor: Actor,
	batchId: number,
	request: PageRequest,
	limit = FIGURES_PER_PAGE
): Page<BatchFigure> {
	authorize(actor, 'read');
	const visible = visibleIndicatorCondition(db, actor, 'o.indicator_id');
	const page = keysetPage<StoredFigure>(
		db.$client,
		{
			select: `SELECT o.id AS key, o.indicator_id, o.period, o.area_id, o.dimension_set_id,
				o.value_type, o.value, o.numerator, o.denominator, o.verification, o.source_line
				FROM observations o`,
			where: `o.batch_id = ? AND ${visible.sql}`,
			params: [batchId, ...visible.params],
			key: 'o.id',
			order: 'asc'
		},
		request,
		limit
	);
	const names = new FigureNames(db);
	const small = new SmallFigures(db);
	return {
		...page,
		items: page.items.map((f) => {
			const name = names.of(f);
			const shown = small.shown(f.indicator_id, name, numbers(f));
			return { ...name, ...shown, id: f.key, line: f.source_line };
		})
	};
}

/** How many figures hold a batch's values today (a walk over the figures, see above). */
export function countBatchFigures(db: Db, actor: Actor, batchId: number): number {
	authorize(actor, 'read');
	const visible = visibleIndicatorCondition(db, actor, 'indicator_id');
	return (
		db.$client
			.prepare(`SELECT count(*) AS n FROM observations WHERE batch_id = ? AND ${visible.sql}`)
			.get(batchId, ...visible.params) as {
			n: number;
		}
	).n;
}

interface HistoryRow {
	key: number;
	previous: string;
	previousBatch: number | null;
	previousFile: string | null;
	nowBatch: number | null;
	nowFile: string | null;
	nowValue: number | null;
	nowNumerator: number | null;
	nowDenominator: number | null;
	nowVerification: string | null;
}

/** The versions a batch replaced (observation_history), each with the figure as it is now. */
export function listReplacedFigures(
	db: Db,
	actor: Actor,
	batchId: number,
	request: PageRequest,
	limit = FIGURES_PER_PAGE
): Page<ReplacedFigure> {
	authorize(actor, 'read');
	// a replaced version keeps its indicator only in its JSON
	const visible = visibleIndicatorCondition(
		db,
		actor,
		"json_extract(h.previous, '$.indicator_id')"
	);
	const page = keysetPage<HistoryRow>(
		db.$client,
		{
			select: `SELECT h.id AS key, h.previous, h.previous_batch_id AS previousBatch,
				pb.file_name AS previousFile, o.batch_id AS nowBatch, nb.file_name AS nowFile,
				o.value AS nowValue, o.numerator AS nowNumerator, o.denominator AS nowDenominator,
				o.verification AS nowVerification
				FROM observation_history h
				LEFT JOIN import_batches pb ON pb.id = h.previous_batch_id
				LEFT JOIN observations o ON o.id = h.observation_id
				LEFT JOIN import_batches nb ON nb.id = o.batch_id`,
			where: `h.replaced_by_batch_id = ? AND ${visible.sql}`,
			params: [batchId, ...visible.params],
			key: 'h.id',
			order: 'asc'
		},
		request,
		limit
	);
	const names = new FigureNames(db);
	const small = new SmallFigures(db);
	return {
		...page,
		items: page.items.map((h) => {
			const previous = JSON.parse(h.previous) as StoredFigure;
			const name = names.of(previous);
			const shown = <T extends FigureNumbers>(n: T) => small.shown(previous.indicator_id, name, n);
			return {
				...name,
				previous: shown({ ...numbers(previous), line: previous.source_line ?? null }),
				previousBatch:
					h.previousBatch === null ? null : { id: h.previousBatch, fileName: h.previousFile ?? '' },
				now:
					h.nowBatch === null
						? null
						: shown({
								value: h.nowValue,
								numerator: h.nowNumerator,
								denominator: h.nowDenominator,
								verification: h.nowVerification,
								batchId: h.nowBatch,
								fileName: h.nowFile ?? ''
							})
			};
		})
	};
}
