import { eq } from 'drizzle-orm';
import { DEFAULT_STATUS_MARGIN, parseMargin } from '../../domain/status';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Db } from '../db';
import { settings } from '../db/schema';
import { authorize } from '../permissions';
import { m } from '../../paraglide/messages.js';

/** The key of the product setting in the `settings` table; its value is a JSON number. */
export const STATUS_MARGIN_KEY = 'status_margin';

/** `CPAS_STATUS_MARGIN` when it is set to a margin the product understands, else null. */
export function statusMarginFromEnv(env: Record<string, string | undefined> = process.env) {
	const fromEnv = env.CPAS_STATUS_MARGIN;
	if (fromEnv === undefined || fromEnv.trim() === '') return null;
	return parseMargin(fromEnv);
}

/** The product setting as stored, or null when none is (or a hand-edited one is unreadable). */
export function storedStatusMargin(db: Pick<Db, 'select'>): number | null {
	const stored = db.select().from(settings).where(eq(settings.key, STATUS_MARGIN_KEY)).get();
	if (!stored) return null;
	try {
		return parseMargin(String(JSON.parse(stored.value)));
	} catch {
		// not JSON: the default serves rather than failing every page that shows a status
		return null;
	}
}

/**
 * The margin around targets: `CPAS_STATUS_MARGIN` overrides the product setting, which
 * overrides the default of 15 % (formats.md §3).
 */
export function statusMargin(db: Db): number {
	return statusMarginFromEnv() ?? storedStatusMargin(db) ?? DEFAULT_STATUS_MARGIN;
}

/** A margin as people read it: `15` for 0.15. */
export function marginPercent(fraction: number): string {
	return String(Number((fraction * 100).toFixed(6)));
}

export type MarginChange =
	{ ok: true; before: number; after: number } | { ok: false; message: string };

/**
 * Sets the product setting (administrators only): a fraction from 0 to 1, audited with what
 * it was. `CPAS_STATUS_MARGIN`, when set, still wins: the setting is kept for when it is unset.
 */
export function setStatusMargin(
	db: Pick<Db, 'transaction'>,
	actor: Actor,
	fraction: number
): MarginChange {
	authorize(actor, 'administer');
	if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
		return {
			ok: false,
			message: m.shell_settings_margin_invalid({ value: String(fraction * 100) })
		};
	}
	return db.transaction((tx) => {
		const before = storedStatusMargin(tx) ?? DEFAULT_STATUS_MARGIN;
		const value = JSON.stringify(fraction);
		tx.insert(settings)
			.values({ key: STATUS_MARGIN_KEY, value })
			.onConflictDoUpdate({ target: settings.key, set: { value } })
			.run();
		recordAudit(tx, actor, 'settings.change', STATUS_MARGIN_KEY, { before, after: fraction });
		return { ok: true as const, before, after: fraction };
	});
}
