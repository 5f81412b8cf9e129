/**
 * The sites maps draw as points (docs/formats.md "Sites: where the mission stands"): those open
 * at some time during a bucket, that the reader may see. A restricted site follows the rule of
 * restricted indicators (domain/clearance.ts, through sites/visible.ts): for an uncleared
 * reader it does not exist.
 */
import { and, gte, isNull, lte, or } from 'drizzle-orm';
import type { SiteType } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { sites } from '../db/schema';
import { visibleSites } from '../sites/visible';

export interface MapSite {
	code: string;
	name: string;
	type: SiteType;
	longitude: number;
	latitude: number;
}

/** Sites open at some time between start and end (ISO dates), that this reader may see. */
export function sitesOpenDuring(db: Db, actor: Actor, start: string, end: string): MapSite[] {
	// opened by the end and not yet closed at the start: open on some day between them
	const openDuring = and(
		or(isNull(sites.opened), lte(sites.opened, end)),
		or(isNull(sites.closed), gte(sites.closed, start))
	);
	return visibleSites(db, actor, openDuring).map(({ code, name, type, longitude, latitude }) => ({
		code,
		name,
		type,
		longitude,
		latitude
	}));
}
