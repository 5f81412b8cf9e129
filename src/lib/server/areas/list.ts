import type { Actor } from '../actor';
import type { Db } from '../db';
import { authorize } from '../permissions';
import { loadAreaTree } from './tree';

export interface AreaOption {
	code: string;
	name: string;
	depth: number;
}

/** Areas in tree order (parents before their children), for pickers and lists. */
export function listAreas(db: Db, actor: Actor): AreaOption[] {
	authorize(actor, 'read');
	const tree = loadAreaTree(db);
	const out: AreaOption[] = [];
	const walk = (parent: number | null, depth: number) => {
		for (const a of tree.childrenOf(parent)) {
			out.push({ code: a.code, name: a.name, depth });
			walk(a.id, depth + 1);
		}
	};
	walk(null, 0);
	return out;
}
