/**
 * Retiring framework nodes and indicators, and reinstating them. The contract's files have no
 * column for it, so this capability sets the `retired` flag itself. Retiring never deletes: an
 * indicator's figures, baseline and targets stay, and its history can still be read and
 * exported; a retired indicator leaves the dashboards and takes no new figures, and a retired
 * node takes no new children or indicators.
 */
import { eq, inArray } from 'drizzle-orm';
import { componentProblem, indicatorSubject, writeLimits } from '../../domain/planner-scope';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Db } from '../db';
import { indicators, results } from '../db/schema';
import { findVisibleIndicator } from '../indicators/visible';
import { m } from '../../paraglide/messages.js';
import { authorize } from '../permissions';
import { loadFramework } from './tree';

export type RetireResult =
	{ ok: true; nodes: string[]; indicators: string[] } | { ok: false; message: string };

/** Codes for a message: all of a few, the first of many. */
function listed(codes: string[]): string {
	const shown = codes.slice(0, 6).join(', ');
	return codes.length > 6 ? m.fw_codes_and_more({ codes: shown, n: codes.length - 6 }) : shown;
}

/**
 * Why a planner limited to components may not retire or reinstate these nodes and indicators
 * (the first outside their components), or null when they may.
 */
function outsideScope(
	db: Db,
	actor: Actor,
	nodeIds: number[],
	indicatorIds: number[]
): string | null {
	const limits = writeLimits(actor);
	if (!limits) return null;
	const nodes = nodeIds.length
		? db.select().from(results).where(inArray(results.id, nodeIds)).all()
		: [];
	for (const n of nodes) {
		const problem = componentProblem(limits, n.components, n.code);
		if (problem) return problem;
	}
	const measuring = indicatorIds.length
		? db.select().from(indicators).where(inArray(indicators.id, indicatorIds)).all()
		: [];
	for (const i of measuring) {
		const problem = componentProblem(limits, i.component, indicatorSubject(i.code));
		if (problem) return problem;
	}
	return null;
}

/** What is still active below a node: what retiring it with everything below retires too. */
export interface ActiveBelow {
	nodes: { id: number; code: string }[];
	indicators: { id: number; code: string }[];
}

/** The active nodes below a node, and the active indicators of it and of them. */
export function activeBelow(db: Db, actor: Actor, nodeId: number): ActiveBelow {
	const framework = loadFramework(db, actor);
	const ids = framework.descendantIds(nodeId);
	const nodes = ids
		.slice(1)
		.map((id) => framework.get(id)!)
		.filter((n) => !n.retired)
		.map((n) => ({ id: n.id, code: n.code }));
	const measuring = db
		.select({ id: indicators.id, code: indicators.code, retired: indicators.retired })
		.from(indicators)
		.where(inArray(indicators.resultId, ids))
		.all()
		.filter((i) => !i.retired)
		.sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }))
		.map((i) => ({ id: i.id, code: i.code }));
	return { nodes, indicators: measuring };
}

/**
 * Retires a node. A node with active nodes or indicators below it is refused, naming them,
 * unless `withEverythingBelow` asks to retire them too — all in one transaction.
 */
export function retireNode(
	db: Db,
	actor: Actor,
	code: string,
	options: { withEverythingBelow?: boolean } = {}
): RetireResult {
	authorize(actor, 'framework');
	const node = db.select().from(results).where(eq(results.code, code)).get();
	if (!node) return { ok: false, message: m.fw_unknown_node({ code }) };
	if (node.retired) return { ok: false, message: m.fw_already_retired({ code }) };
	const { nodes: below, indicators: measuring } = activeBelow(db, actor, node.id);
	if (!options.withEverythingBelow && (below.length > 0 || measuring.length > 0)) {
		const nodes = listed(below.map((n) => n.code));
		const indicators = listed(measuring.map((i) => i.code));
		const message =
			below.length === 0
				? m.fw_still_has_indicators({ code, indicators })
				: measuring.length === 0
					? m.fw_still_has_nodes({ code, nodes })
					: m.fw_still_has_both({ code, nodes, indicators });
		return { ok: false, message };
	}
	const outside = outsideScope(
		db,
		actor,
		[node.id, ...below.map((n) => n.id)],
		measuring.map((i) => i.id)
	);
	if (outside) return { ok: false, message: outside };
	db.transaction((tx) => {
		tx.update(results)
			.set({ retired: true })
			.where(inArray(results.id, [node.id, ...below.map((n) => n.id)]))
			.run();
		if (measuring.length > 0) {
			tx.update(indicators)
				.set({ retired: true })
				.where(
					inArray(
						indicators.id,
						measuring.map((i) => i.id)
					)
				)
				.run();
		}
		recordAudit(tx, actor, 'framework.node.retire', code, {
			before: { retired: false },
			after: { retired: true },
			nodesBelow: below.map((n) => n.code),
			indicators: measuring.map((i) => i.code)
		});
	});
	return {
		ok: true,
		nodes: [code, ...below.map((n) => n.code)],
		indicators: measuring.map((i) => i.code)
	};
}

/** Sets an indicator's retired flag and records it, in one transaction. */
function setIndicatorRetired(db: Db, actor: Actor, id: number, code: string, retired: boolean) {
	db.transaction((tx) => {
		tx.update(indicators).set({ retired }).where(eq(indicators.id, id)).run();
		recordAudit(tx, actor, retired ? 'indicator.retire' : 'indicator.reinstate', code, {
			before: { retired: !retired },
			after: { retired }
		});
	});
}

/** Retires an indicator; its figures stay. */
export function retireIndicator(db: Db, actor: Actor, code: string): RetireResult {
	authorize(actor, 'framework');
	const indicator = findVisibleIndicator(db, actor, code);
	if (!indicator) return { ok: false, message: m.fw_unknown_indicator({ code }) };
	if (indicator.retired) return { ok: false, message: m.fw_already_retired({ code }) };
	const outside = outsideScope(db, actor, [], [indicator.id]);
	if (outside) return { ok: false, message: outside };
	setIndicatorRetired(db, actor, indicator.id, code, true);
	return { ok: true, nodes: [], indicators: [code] };
}

/** Brings a retired node back; its parent must be active. What was retired below it stays so. */
export function reinstateNode(db: Db, actor: Actor, code: string): RetireResult {
	authorize(actor, 'framework');
	const node = db.select().from(results).where(eq(results.code, code)).get();
	if (!node) return { ok: false, message: m.fw_unknown_node({ code }) };
	if (!node.retired) return { ok: false, message: m.fw_not_retired({ code }) };
	const outside = outsideScope(db, actor, [node.id], []);
	if (outside) return { ok: false, message: outside };
	const parent =
		node.parentId === null
			? undefined
			: db.select().from(results).where(eq(results.id, node.parentId)).get();
	if (parent?.retired) {
		return {
			ok: false,
			message: m.fw_parent_retired({ code, parent: parent.code })
		};
	}
	db.transaction((tx) => {
		tx.update(results).set({ retired: false }).where(eq(results.id, node.id)).run();
		recordAudit(tx, actor, 'framework.node.reinstate', code, {
			before: { retired: true },
			after: { retired: false }
		});
	});
	return { ok: true, nodes: [code], indicators: [] };
}

/** Brings a retired indicator back; the node it measures must be active. */
export function reinstateIndicator(db: Db, actor: Actor, code: string): RetireResult {
	authorize(actor, 'framework');
	const indicator = findVisibleIndicator(db, actor, code);
	if (!indicator) return { ok: false, message: m.fw_unknown_indicator({ code }) };
	if (!indicator.retired) return { ok: false, message: m.fw_not_retired({ code }) };
	const outside = outsideScope(db, actor, [], [indicator.id]);
	if (outside) return { ok: false, message: outside };
	const node = db.select().from(results).where(eq(results.id, indicator.resultId)).get()!;
	if (node.retired) {
		return {
			ok: false,
			message: m.fw_measures_retired({ code, node: node.code })
		};
	}
	setIndicatorRetired(db, actor, indicator.id, code, false);
	return { ok: true, nodes: [], indicators: [code] };
}
