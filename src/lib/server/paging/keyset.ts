import type Database from 'better-sqlite3';

/**
 * Which page of a long list to read: the rows after a key (the next page) or before one (the
 * previous page), else the first page. Keys, not offsets: a page costs the same wherever it is,
 * and rows added meanwhile do not shift the pages.
 */
export interface PageRequest {
	after: number | null;
	before: number | null;
}

export interface Page<T> {
	items: T[];
	/** the key to ask `before` for the previous page; null on the first page */
	prev: number | null;
	/** the key to ask `after` for the next page; null on the last page */
	next: number | null;
}

export interface KeysetQuery {
	/** `SELECT … FROM … JOIN …`, without WHERE */
	select: string;
	/** the list's condition, `1` for every row */
	where: string;
	params: unknown[];
	/** the unique integer column the list is ordered by, e.g. `o.id` */
	key: string;
	order: 'asc' | 'desc';
}

/** One page of a list ordered by a unique integer key; each row must carry it as `key`. */
export function keysetPage<T extends { key: number }>(
	client: Database.Database,
	q: KeysetQuery,
	request: PageRequest,
	limit: number
): Page<T> {
	const backward = request.after === null && request.before !== null;
	const cursor = backward ? request.before : request.after;
	// reading forward follows the list's order; reading backward walks it the other way
	const ascending = (q.order === 'asc') !== backward;
	const where = cursor === null ? q.where : `(${q.where}) AND ${q.key} ${ascending ? '>' : '<'} ?`;
	const rows = client
		.prepare(`${q.select} WHERE ${where} ORDER BY ${q.key} ${ascending ? 'ASC' : 'DESC'} LIMIT ?`)
		.all(...q.params, ...(cursor === null ? [] : [cursor]), limit + 1) as T[];
	const more = rows.length > limit;
	const items = rows.slice(0, limit);
	if (backward) items.reverse();
	const first = items[0]?.key ?? null;
	const last = items.at(-1)?.key ?? null;
	return backward
		? { items, prev: more ? first : null, next: last }
		: { items, prev: cursor === null ? null : first, next: more ? last : null };
}
