import type { ResultBranch } from '../../domain/framework-tree';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { listActionPoints, type TrackedActionPoint } from './list';

/**
 * The open and in-progress action points linked to any of these framework nodes or indicators:
 * what the indicator and objective pages list. A restricted indicator's link counts only for a
 * reader who may see it (list.ts leaves it out otherwise).
 */
export function openActionPointsFor(
	db: Db,
	actor: Actor,
	today: string,
	about: { results?: readonly string[]; indicators?: readonly string[] }
): TrackedActionPoint[] {
	const results = new Set(about.results ?? []);
	const indicators = new Set(about.indicators ?? []);
	return listActionPoints(db, actor, today, { unsettled: true }).filter((p) =>
		p.links.some((l) => (l.kind === 'result' ? results : indicators).has(l.code))
	);
}

/** A node's code and those of every node under it. */
export function branchCodes(branch: ResultBranch): string[] {
	return [branch.code, ...branch.children.flatMap(branchCodes)];
}
