/**
 * Writing an action point with its links and its history entry, inside the caller's
 * transaction (the create form's, or an import's): one home for the rows an action point is
 * made of, and for its audit entry.
 */
import { eq, sql } from 'drizzle-orm';
import { actionReference, referenceNumber } from '../../domain/action-points';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import { DB_NOW, today } from '../clock';
import type { Db } from '../db';
import { actionPointLinks, actionPoints, actionPointUpdates, indicators } from '../db/schema';
import { visibleTo } from '../../domain/clearance';
import type { ResolvedActionPoint } from './resolve';

type Tx = Pick<Db, 'insert' | 'select' | 'update' | 'delete'>;

/** The next free reference: one past the highest number in use (imports may bring their own). */
export function nextReference(tx: Tx): string {
	const rows = tx.select({ reference: actionPoints.reference }).from(actionPoints).all();
	const highest = Math.max(0, ...rows.map((r) => referenceNumber(r.reference) ?? 0));
	return actionReference(highest + 1);
}

function fields(point: ResolvedActionPoint) {
	return {
		origin: point.origin,
		cycleId: point.cycleId,
		originReference: point.originReference,
		decision: point.decision,
		ownerUnit: point.ownerUnit,
		ownerAccount: point.ownerAccount,
		areaId: point.areaId,
		deadline: point.deadline,
		status: point.status,
		dropReason: point.dropReason
	};
}

/** What the audit entry says an action point is. */
function described(reference: string, point: ResolvedActionPoint) {
	return {
		reference,
		origin: point.origin,
		cycle: point.codes.cycle,
		originReference: point.originReference,
		decision: point.decision,
		owner: point.ownerAccount !== null ? `@${point.ownerAccount}` : point.ownerUnit,
		area: point.codes.area,
		deadline: point.deadline,
		status: point.status,
		dropReason: point.dropReason,
		results: point.codes.results,
		indicators: point.codes.indicators
	};
}

function writeLinks(tx: Tx, id: number, point: ResolvedActionPoint): void {
	tx.delete(actionPointLinks).where(eq(actionPointLinks.actionPointId, id)).run();
	for (const resultId of point.resultIds) {
		tx.insert(actionPointLinks).values({ actionPointId: id, resultId }).run();
	}
	for (const indicatorId of point.indicatorIds) {
		tx.insert(actionPointLinks).values({ actionPointId: id, indicatorId }).run();
	}
}

/** Inserts a new action point (its reference given, else the next), its links and first entry. */
export function insertActionPoint(
	tx: Tx,
	actor: Actor,
	point: ResolvedActionPoint,
	reference: string | null = null,
	detail: Record<string, unknown> = {}
): { id: number; reference: string } {
	const ref = reference ?? nextReference(tx);
	const { id } = tx
		.insert(actionPoints)
		.values({
			...fields(point),
			reference: ref,
			createdBy: actor.username,
			updatedBy: actor.username
		})
		.returning({ id: actionPoints.id })
		.get();
	writeLinks(tx, id, point);
	tx.insert(actionPointUpdates)
		.values({
			actionPointId: id,
			date: today(),
			by: actor.username,
			note: point.dropReason ?? '',
			statusFrom: null,
			statusTo: point.status
		})
		.run();
	recordAudit(tx, actor, 'action.create', ref, { ...detail, after: described(ref, point) });
	return { id, reference: ref };
}

/**
 * Replaces an action point's fields and links with a file's (an import naming its reference);
 * a changed status is a history entry. Answers whether anything changed.
 */
export function replaceActionPoint(
	tx: Tx,
	actor: Actor,
	existing: typeof actionPoints.$inferSelect,
	point: ResolvedActionPoint,
	detail: Record<string, unknown> = {}
): boolean {
	// links to indicators the importer may not see stay: their file could not name them
	const hidden = tx
		.select({ id: actionPointLinks.indicatorId, sensitivity: indicators.sensitivity })
		.from(actionPointLinks)
		.innerJoin(indicators, eq(indicators.id, actionPointLinks.indicatorId))
		.where(eq(actionPointLinks.actionPointId, existing.id))
		.all()
		.filter((l) => !visibleTo(actor, l.sensitivity))
		.map((l) => l.id!);
	point = { ...point, indicatorIds: [...new Set([...point.indicatorIds, ...hidden])] };
	const before = fields(existing as unknown as ResolvedActionPoint);
	const after = fields(point);
	const links = tx
		.select({ resultId: actionPointLinks.resultId, indicatorId: actionPointLinks.indicatorId })
		.from(actionPointLinks)
		.where(eq(actionPointLinks.actionPointId, existing.id))
		.all();
	const sameLinks =
		JSON.stringify(links.flatMap((l) => (l.resultId !== null ? [l.resultId] : [])).sort()) ===
			JSON.stringify([...point.resultIds].sort()) &&
		JSON.stringify(links.flatMap((l) => (l.indicatorId !== null ? [l.indicatorId] : [])).sort()) ===
			JSON.stringify([...point.indicatorIds].sort());
	if (sameLinks && JSON.stringify(before) === JSON.stringify(after)) return false;
	tx.update(actionPoints)
		.set({ ...after, updatedBy: actor.username, updatedAt: DB_NOW })
		.where(eq(actionPoints.id, existing.id))
		.run();
	writeLinks(tx, existing.id, point);
	if (existing.status !== point.status) {
		tx.insert(actionPointUpdates)
			.values({
				actionPointId: existing.id,
				date: today(),
				by: actor.username,
				note: point.status === 'dropped' ? (point.dropReason ?? '') : '',
				statusFrom: existing.status,
				statusTo: point.status
			})
			.run();
	}
	recordAudit(tx, actor, 'action.update', existing.reference, {
		...detail,
		before,
		after: described(existing.reference, point)
	});
	return true;
}

/** How many action points there are: for tests and counts that need no filter. */
export function actionPointCount(tx: Tx): number {
	return (
		tx
			.select({ n: sql<number>`count(*)` })
			.from(actionPoints)
			.get()?.n ?? 0
	);
}
