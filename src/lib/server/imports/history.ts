import { desc } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { importBatches } from '../db/schema';
import { authorize } from '../permissions';

export type ImportBatch = typeof importBatches.$inferSelect;

/** Import batches, newest first. */
export function listBatches(db: Db, actor: Actor, limit = 200): ImportBatch[] {
	authorize(actor, 'read');
	return db.select().from(importBatches).orderBy(desc(importBatches.id)).limit(limit).all();
}
