import { asc } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { areas } from '../db/schema';
import { authorize } from '../permissions';

/** Every area by code, for the create form's choice of area. */
export function allAreas(db: Db, actor: Actor): { code: string; name: string }[] {
	authorize(actor, 'read');
	return db
		.select({ code: areas.code, name: areas.name })
		.from(areas)
		.orderBy(asc(areas.code))
		.all();
}
