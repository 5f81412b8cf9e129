import { FrameworkTree } from '../../domain/framework-tree';
import type { ResultLevel } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { results } from '../db/schema';
import { authorize } from '../permissions';

/** The results framework as stored. */
export function loadFramework(db: Db, actor: Actor): FrameworkTree {
	authorize(actor, 'read');
	return new FrameworkTree(db.select().from(results).all());
}

/** A node as the editor's selects offer it. */
export interface OutlineNode {
	code: string;
	title: string;
	level: ResultLevel;
	depth: number;
	retired: boolean;
}

/** Every node in reading order with its depth: the choices of the editor's node selects. */
export function frameworkOutline(db: Db, actor: Actor): OutlineNode[] {
	return loadFramework(db, actor)
		.outline()
		.map(({ node, depth }) => ({
			code: node.code,
			title: node.title,
			level: node.level,
			depth,
			retired: node.retired
		}));
}
