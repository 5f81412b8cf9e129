import type { Actor } from '../actor';
import type { Db } from '../db';
import { authorize } from '../permissions';
import { keysetPage, type Page, type PageRequest } from '../paging/keyset';

/** A line a batch left out, with its first problem (import_skipped_rows). */
export interface SkippedRow {
	line: number;
	column: string | null;
	value: string | null;
	message: string;
}

/** The lines a batch skipped, in file order, a page at a time. */
export function listSkippedRows(
	db: Db,
	actor: Actor,
	batchId: number,
	request: PageRequest,
	limit = 100
): Page<SkippedRow> {
	authorize(actor, 'read');
	const page = keysetPage<SkippedRow & { key: number }>(
		db.$client,
		{
			select:
				'SELECT s.id AS key, s.line, s."column" AS "column", s.value, s.message FROM import_skipped_rows s',
			where: 's.batch_id = ?',
			params: [batchId],
			key: 's.id',
			order: 'asc'
		},
		request,
		limit
	);
	return { ...page, items: page.items.map(({ key: _, ...s }) => s) };
}
