/**
 * The one place capabilities ask which indicators an actor may see (domain/clearance.ts):
 * every list, view, export and report filters its indicator rows here, and every lookup by
 * code goes through here, so a restricted indicator is absent for an uncleared actor, not
 * merely hidden by a page.
 */
import { eq } from 'drizzle-orm';
import { visibleTo } from '../../domain/clearance';
import type { Sensitivity } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { indicators } from '../db/schema';

export type IndicatorRow = typeof indicators.$inferSelect;

/** The rows the actor may see, in their order. */
export function visibleIndicators<T extends { sensitivity: Sensitivity }>(
	actor: Actor,
	rows: readonly T[]
): T[] {
	return rows.filter((r) => visibleTo(actor, r.sensitivity));
}

/** An indicator by code, or undefined when there is none or the actor may not see it. */
export function findVisibleIndicator(db: Db, actor: Actor, code: string): IndicatorRow | undefined {
	const row = db.select().from(indicators).where(eq(indicators.code, code)).get();
	return row && visibleTo(actor, row.sensitivity) ? row : undefined;
}

/**
 * A SQL condition on an indicator id column keeping only indicators the actor may see, for
 * queries that page or stream figures and so cannot filter after reading.
 */
export function visibleIndicatorCondition(
	db: Db,
	actor: Actor,
	column: string
): { sql: string; params: number[] } {
	const hidden = db
		.select({ id: indicators.id, sensitivity: indicators.sensitivity })
		.from(indicators)
		.all()
		.filter((i) => !visibleTo(actor, i.sensitivity))
		.map((i) => i.id);
	if (hidden.length === 0) return { sql: '1', params: [] };
	return { sql: `${column} NOT IN (${hidden.map(() => '?').join(', ')})`, params: hidden };
}
