import { sql } from 'drizzle-orm';

/** The database's clock, in the same form as the schema's defaults. */
export const NOW = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
