import type { Actor } from '../actor';
import type { Db } from '../db';
import { countActionPoints, listActionPoints } from './list';

/** What leadership reads first (the overview): how many are overdue, due soon, still open. */
export function actionPointsDue(
	db: Db,
	actor: Actor,
	today: string
): { overdue: number; dueSoon: number; unsettled: number } {
	const counts = countActionPoints(listActionPoints(db, actor, today));
	return {
		overdue: counts.overdue,
		dueSoon: counts.dueSoon,
		unsettled: counts.open + counts.inProgress
	};
}
