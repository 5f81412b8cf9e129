import type { Db } from '../db';
import type { FigureNumbers } from './batch-figures';
import { FigureNames, type FigureName, type StoredFigureKey } from './figure-names';

/** A figure a batch wrote that a later batch has changed since. */
export interface LaterChangedFigure extends FigureName {
	/** what the batch being undone wrote */
	written: FigureNumbers;
	/** what the figure holds now, and which batch wrote it */
	now: FigureNumbers & { batchId: number };
}

/** A later batch that changed figures of the batch being undone. */
export interface LaterBatch {
	id: number;
	fileName: string;
	importedAt: string;
	actor: string;
	/** how many of the batch's figures now hold this later batch's values */
	figures: number;
}

export interface LaterChanges {
	count: number;
	batches: LaterBatch[];
	/** the first few, to show; `count` says how many there are */
	figures: LaterChangedFigure[];
}

/**
 * A batch's figures that no longer hold its values because a later batch changed them: the
 * figures whose version from this batch went to the history (it was replaced) and that do not
 * hold this batch's values again (an undo of the later batch would have put them back). A
 * figure replaced several times appears once; `max()` picks its latest replacement, and
 * SQLite takes the bare columns from that same row.
 */
const CHANGED_LATER = `SELECT o.id, o.indicator_id, o.period, o.area_id, o.dimension_set_id,
	o.value_type, o.value, o.numerator, o.denominator, o.verification, o.batch_id AS nowBatch,
	h.previous AS written, max(h.replaced_by_batch_id) AS replacedBy
	FROM observation_history h JOIN observations o ON o.id = h.observation_id
	WHERE h.replaced_by_batch_id > @batch AND h.previous_batch_id = @batch AND o.batch_id <> @batch
	GROUP BY o.id`;

type ChangedRow = StoredFigureKey &
	FigureNumbers & { id: number; nowBatch: number; written: string; replacedBy: number };

/** The figures of `batchId` that later batches changed, counted by batch, the first `shown` listed. */
export function findLaterChanges(db: Db, batchId: number, shown = 50): LaterChanges {
	const client = db.$client;
	const batches = client
		.prepare(
			`SELECT b.id, b.file_name AS fileName, b.imported_at AS importedAt, b.actor,
			 count(*) AS figures
			 FROM (${CHANGED_LATER}) c JOIN import_batches b ON b.id = c.nowBatch
			 GROUP BY b.id ORDER BY b.id`
		)
		.all({ batch: batchId }) as LaterBatch[];
	const count = batches.reduce((n, b) => n + b.figures, 0);
	if (count === 0) return { count, batches, figures: [] };
	const names = new FigureNames(db);
	const rows = client
		.prepare(`${CHANGED_LATER} ORDER BY o.id LIMIT @shown`)
		.all({ batch: batchId, shown }) as ChangedRow[];
	const figures = rows.map((r) => {
		const written = JSON.parse(r.written) as FigureNumbers;
		return {
			...names.of(r),
			written: {
				value: written.value ?? null,
				numerator: written.numerator ?? null,
				denominator: written.denominator ?? null,
				verification: written.verification ?? null
			},
			now: {
				value: r.value,
				numerator: r.numerator,
				denominator: r.denominator,
				verification: r.verification,
				batchId: r.nowBatch
			}
		};
	});
	return { count, batches, figures };
}
