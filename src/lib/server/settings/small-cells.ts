import { eq } from 'drizzle-orm';
import { DEFAULT_SMALL_CELL_THRESHOLD, parseSmallCellThreshold } from '../../domain/small-cells';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Db } from '../db';
import { settings } from '../db/schema';
import { authorize } from '../permissions';
import { m } from '../../paraglide/messages.js';

/** The key of the product setting in the `settings` table; its value is a JSON number. */
export const SMALL_CELL_THRESHOLD_KEY = 'small_cell_threshold';

function stored(db: Pick<Db, 'select'>): number | null {
	const row = db.select().from(settings).where(eq(settings.key, SMALL_CELL_THRESHOLD_KEY)).get();
	if (!row) return null;
	try {
		return parseSmallCellThreshold(JSON.parse(row.value));
	} catch {
		// a hand-edited value that is not JSON: the default protects rather than fails the page
		return null;
	}
}

/**
 * Below how many people a disaggregated cell of a restricted indicator is hidden: the product
 * setting, else 5 (docs/security.md "Small cells").
 */
export function smallCellThreshold(db: Pick<Db, 'select'>): number {
	return stored(db) ?? DEFAULT_SMALL_CELL_THRESHOLD;
}

export type ThresholdChange =
	{ ok: true; before: number; after: number } | { ok: false; message: string };

/** Sets the threshold (administrators only): a whole number of at least 1, audited. */
export function setSmallCellThreshold(
	db: Pick<Db, 'transaction'>,
	actor: Actor,
	n: unknown
): ThresholdChange {
	authorize(actor, 'administer');
	const after = parseSmallCellThreshold(n);
	if (after === null) {
		return {
			ok: false,
			message: m.shell_settings_threshold_invalid({ value: String(n) })
		};
	}
	return db.transaction((tx) => {
		const before = stored(tx) ?? DEFAULT_SMALL_CELL_THRESHOLD;
		const value = JSON.stringify(after);
		tx.insert(settings)
			.values({ key: SMALL_CELL_THRESHOLD_KEY, value })
			.onConflictDoUpdate({ target: settings.key, set: { value } })
			.run();
		recordAudit(tx, actor, 'settings.change', SMALL_CELL_THRESHOLD_KEY, { before, after });
		return { ok: true as const, before, after };
	});
}
