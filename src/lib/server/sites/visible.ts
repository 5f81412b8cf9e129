/**
 * The one place capabilities read the sites an actor may see (domain/clearance.ts, the rule of
 * restricted indicators): the listing, the export and the maps' loader all filter here, so a
 * restricted site is absent for an uncleared actor, not merely hidden by a page.
 */
import { asc, type SQL } from 'drizzle-orm';
import { visibleTo } from '../../domain/clearance';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { sites } from '../db/schema';
import { authorize } from '../permissions';

export type SiteRow = typeof sites.$inferSelect;

/** Every site the actor may see, by code; `where` narrows them in SQL (e.g. to some dates). */
export function visibleSites(db: Db, actor: Actor, where?: SQL): SiteRow[] {
	authorize(actor, 'read');
	return db
		.select()
		.from(sites)
		.where(where)
		.orderBy(asc(sites.code))
		.all()
		.filter((site) => visibleTo(actor, site.sensitivity));
}
