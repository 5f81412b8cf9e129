import type { Sensitivity, SiteType } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { visibleSites } from './visible';

/** A site as the areas page lists it. */
export interface SiteListing {
	code: string;
	name: string;
	type: SiteType;
	latitude: number;
	longitude: number;
	opened: string | null;
	closed: string | null;
	sensitivity: Sensitivity;
}

/** Every site the actor may see, by code: restricted ones only for cleared readers. */
export function listSites(db: Db, actor: Actor): SiteListing[] {
	return visibleSites(db, actor).map((s) => ({
		code: s.code,
		name: s.name,
		type: s.type,
		latitude: s.latitude,
		longitude: s.longitude,
		opened: s.opened,
		closed: s.closed,
		sensitivity: s.sensitivity
	}));
}
