/** One action point as its page shows it: the decision, its links and its dated history. */
import { asc, eq } from 'drizzle-orm';
import type { ActionStatus } from '../../domain/action-points';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { actionPoints, actionPointUpdates } from '../db/schema';
import { authorize } from '../permissions';
import { listActionPoints, type TrackedActionPoint } from './list';

export interface ActionHistoryEntry {
	date: string;
	by: string;
	note: string;
	statusFrom: ActionStatus | null;
	statusTo: ActionStatus;
	recordedAt: string;
}

export interface ActionPointDetail extends TrackedActionPoint {
	history: ActionHistoryEntry[];
}

/** The action point with this reference, or undefined. */
export function actionPointDetail(
	db: Db,
	actor: Actor,
	reference: string,
	today: string
): ActionPointDetail | undefined {
	authorize(actor, 'read');
	const row = db
		.select({ id: actionPoints.id })
		.from(actionPoints)
		.where(eq(actionPoints.reference, reference))
		.get();
	if (!row) return undefined;
	const point = listActionPoints(db, actor, today).find((p) => p.id === row.id);
	if (!point) return undefined;
	const history = db
		.select({
			date: actionPointUpdates.date,
			by: actionPointUpdates.by,
			note: actionPointUpdates.note,
			statusFrom: actionPointUpdates.statusFrom,
			statusTo: actionPointUpdates.statusTo,
			recordedAt: actionPointUpdates.recordedAt
		})
		.from(actionPointUpdates)
		.where(eq(actionPointUpdates.actionPointId, row.id))
		.orderBy(asc(actionPointUpdates.recordedAt), asc(actionPointUpdates.id))
		.all();
	return { ...point, history };
}
