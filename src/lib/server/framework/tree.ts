import { FrameworkTree } from '../../domain/framework-tree';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { results } from '../db/schema';
import { authorize } from '../permissions';

/** The results framework as stored. */
export function loadFramework(db: Db, actor: Actor): FrameworkTree {
	authorize(actor, 'read');
	return new FrameworkTree(db.select().from(results).all());
}
