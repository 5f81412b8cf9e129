import type { Actor } from '../actor';
import type { Db } from '../db';
import { authorize } from '../permissions';
import { keysetPage, type Page, type PageRequest } from '../paging/keyset';

/** An import batch as the history shows it: one file, who imported it, what it did. */
export interface BatchSummary {
	id: number;
	fileName: string;
	sha256: string;
	sizeBytes: number;
	kind: 'areas' | 'framework' | 'indicators' | 'observations';
	rows: number;
	inserted: number;
	updated: number;
	unchanged: number;
	importedAt: string;
	actor: string;
	undoneAt: string | null;
	undoneBy: string | null;
	/** lines left out because the planner imported only the valid rows */
	skipped: number;
}

const SELECT = `SELECT b.id AS key, b.id, b.file_name AS fileName, b.sha256, b.size_bytes AS sizeBytes,
	b.kind, b.rows, b.inserted, b.updated, b.unchanged, b.imported_at AS importedAt, b.actor,
	b.undone_at AS undoneAt, b.undone_by AS undoneBy,
	(SELECT count(*) FROM import_skipped_rows s WHERE s.batch_id = b.id) AS skipped
	FROM import_batches b`;

export const BATCHES_PER_PAGE = 50;

/** Import batches, newest first, a page at a time. */
export function listBatchPage(
	db: Db,
	actor: Actor,
	request: PageRequest,
	limit = BATCHES_PER_PAGE
): Page<BatchSummary> {
	authorize(actor, 'read');
	const page = keysetPage<BatchSummary & { key: number }>(
		db.$client,
		{ select: SELECT, where: '1', params: [], key: 'b.id', order: 'desc' },
		request,
		limit
	);
	return { ...page, items: page.items.map(({ key: _, ...b }) => b) };
}

export function findBatch(db: Db, actor: Actor, id: number): BatchSummary | null {
	authorize(actor, 'read');
	const row = db.$client.prepare(`${SELECT} WHERE b.id = ?`).get(id) as
		(BatchSummary & { key: number }) | undefined;
	if (!row) return null;
	const { key: _, ...batch } = row;
	return batch;
}
