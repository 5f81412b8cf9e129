/**
 * The public view's switch (docs/security.md "The public view"): off unless an administrator
 * turns it on. While on, anyone without an account reads the overview, objective, indicator
 * and map pages, their downloads and the API's indicators and series, for `public` indicators
 * only (http/public-reader.ts decides who passes; domain/clearance.ts what they see).
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Db } from '../db';
import { settings } from '../db/schema';
import { authorize } from '../permissions';

/** The key in the `settings` table; its value is JSON `true` or `false`. */
export const PUBLIC_VIEW_KEY = 'public_view';

/**
 * Whether the public view is on. Anything but a stored JSON `true` is off: a hand-edited or
 * unreadable value closes the view rather than opening it.
 */
export function publicViewOn(db: Pick<Db, 'select'>): boolean {
	const row = db.select().from(settings).where(eq(settings.key, PUBLIC_VIEW_KEY)).get();
	if (!row) return false;
	try {
		return JSON.parse(row.value) === true;
	} catch {
		return false;
	}
}

/** Turns the public view on or off (administrators only), audited with what it was. */
export function setPublicView(
	db: Pick<Db, 'transaction'>,
	actor: Actor,
	on: boolean
): { before: boolean; after: boolean } {
	authorize(actor, 'administer');
	return db.transaction((tx) => {
		const before = publicViewOn(tx);
		const value = JSON.stringify(on);
		tx.insert(settings)
			.values({ key: PUBLIC_VIEW_KEY, value })
			.onConflictDoUpdate({ target: settings.key, set: { value } })
			.run();
		recordAudit(tx, actor, 'settings.change', PUBLIC_VIEW_KEY, { before, after: on });
		return { before, after: on };
	});
}
