/**
 * The server's one clock. Stored times are ISO 8601 in UTC with milliseconds
 * (`2025-03-14T09:26:53.120Z`), whether the database or the code writes them, so they sort as
 * text and read the same everywhere; "today" is the UTC date of the same clock.
 */
import { sql } from 'drizzle-orm';

/** The database's now, as SQL text: for statements written by hand. */
export const NOW_SQL = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/**
 * The database's now, for drizzle: column defaults and the times a write stamps. The database
 * reads it inside the write's transaction, so one statement stamps every row alike.
 */
export const DB_NOW = sql.raw(`(${NOW_SQL})`);

/** Now as the code stores it, in the database's form: for writes that are not SQL defaults. */
export function nowText(now: Date = new Date()): string {
	return now.toISOString();
}

/** Today as an ISO date, in UTC like the stored times; `now` for callers that fix the moment. */
export function today(now: Date = new Date()): string {
	return now.toISOString().slice(0, 10);
}
