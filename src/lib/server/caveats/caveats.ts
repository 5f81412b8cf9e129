import { eq, isNull, or } from 'drizzle-orm';
import type { AreaTree } from '../../domain/area-tree';
import { parsePeriod } from '../../domain/period';
import {
	areaProblem,
	componentProblem,
	indicatorSubject,
	parentsIn,
	writeLimits
} from '../../domain/planner-scope';
import { didYouMean } from '../../domain/suggest';
import type { Actor } from '../actor';
import { loadAreaTree } from '../areas/tree';
import { nowText } from '../clock';
import type { Db } from '../db';
import { recordAudit } from '../audit/record';
import { areas, caveats, indicators } from '../db/schema';
import { findVisibleIndicator } from '../indicators/visible';
import { NotAllowed, authorize } from '../permissions';
import { m } from '../../paraglide/messages.js';
import { numberText } from '../../format/numbers';

/** A caveat as pages show it. */
export interface Caveat {
	id: number;
	indicatorCode: string | null;
	areaCode: string | null;
	areaName: string | null;
	period: string;
	start: string;
	end: string;
	text: string;
	/** who wrote it; null for the public view's reader */
	author: string | null;
	updatedAt: string;
}

/** What a planner writes: codes and a period as text, checked here. */
export interface CaveatInput {
	indicator: string | null;
	area: string | null;
	period: string;
	text: string;
}

export type CaveatResult =
	| { ok: true; id: number }
	| { ok: false; errors: Partial<Record<keyof CaveatInput | 'id', string>> };

export const CAVEAT_MAX_LENGTH = 500;

/**
 * The caveats that qualify an indicator's figures for an area: those of the indicator or of all
 * indicators, for the area, an area above it (a mission-wide caveat applies everywhere) or below
 * it (a territory's caveat affects its province's roll-up).
 */
export function listCaveats(
	db: Db,
	actor: Actor,
	indicatorCode: string,
	areaCode: string | null = null
): Caveat[] {
	authorize(actor, 'read');
	const tree = loadAreaTree(db);
	const indicator = findVisibleIndicator(db, actor, indicatorCode);
	if (!indicator) return [];
	const area = areaCode ? tree.byCodeOf(areaCode) : null;
	const related = area ? new Set([...tree.subtree(area.id), ...ancestors(tree, area.id)]) : null;
	return db
		.select()
		.from(caveats)
		.where(or(eq(caveats.indicatorId, indicator.id), isNull(caveats.indicatorId)))
		.orderBy(caveats.periodStart, caveats.id)
		.all()
		.filter((c) => related === null || c.areaId === null || related.has(c.areaId))
		.map((c) => ({
			id: c.id,
			indicatorCode: c.indicatorId === null ? null : indicator.code,
			areaCode: c.areaId === null ? null : (tree.get(c.areaId)?.code ?? null),
			areaName: c.areaId === null ? null : (tree.get(c.areaId)?.name ?? null),
			period: c.period,
			start: c.periodStart,
			end: c.periodEnd,
			text: c.text,
			// the text is the mission's word to every reader; its author is not the public's
			author: actor.publicReader ? null : c.author,
			updatedAt: c.updatedAt
		}));
}

function ancestors(tree: AreaTree, id: number): number[] {
	const out: number[] = [];
	for (let a = tree.get(id); a && a.parentId !== null; a = tree.get(a.parentId))
		out.push(a.parentId);
	return out;
}

/** Checks what a planner wrote, field by field, and resolves the codes. */
function resolve(db: Db, actor: Actor, input: CaveatInput) {
	const errors: Partial<Record<keyof CaveatInput, string>> = {};
	const text = input.text.trim();
	if (text === '') errors.text = m.dash_caveat_text_missing();
	else if (text.length > CAVEAT_MAX_LENGTH) {
		errors.text = m.dash_caveat_text_too_long({
			max: numberText(CAVEAT_MAX_LENGTH),
			length: numberText(text.length)
		});
	}
	const period = parsePeriod(input.period);
	if (!period.ok) errors.period = period.message;
	const limits = writeLimits(actor);
	let indicatorId: number | null = null;
	if (input.indicator) {
		const found = findVisibleIndicator(db, actor, input.indicator);
		if (found) indicatorId = found.id;
		else errors.indicator = m.dash_unknown_indicator({ code: input.indicator });
		const outside =
			found && componentProblem(limits, found.component, indicatorSubject(found.code));
		if (outside) errors.indicator = outside;
	} else if (limits && limits.components.length > 0) {
		errors.indicator = m.dash_caveat_every_outside_choose({
			components: limits.components.join(', ')
		});
	}
	let areaId: number | null = null;
	const tree = loadAreaTree(db);
	if (input.area) {
		const found = tree.byCodeOf(input.area);
		if (found) areaId = found.id;
		else {
			errors.area = `${m.dash_unknown_area({ code: input.area })}${didYouMean(
				input.area,
				tree.all().map((a) => a.code)
			)}`;
		}
	}
	const where = !errors.area && areaProblem(limits, input.area || null, parentsIn(tree));
	if (where) errors.area = where;
	if (Object.keys(errors).length > 0 || !period.ok) return { ok: false as const, errors };
	return { ok: true as const, text, period: period.period, indicatorId, areaId };
}

/** The stored columns of a checked caveat, written by the actor. */
function columns(r: Extract<ReturnType<typeof resolve>, { ok: true }>, actor: Actor) {
	return {
		indicatorId: r.indicatorId,
		areaId: r.areaId,
		period: r.period.label,
		periodStart: r.period.start,
		periodEnd: r.period.end,
		text: r.text,
		author: actor.username
	};
}

/** A stored caveat in the planner's words, for the audit log's before and after. */
function auditedCaveat(db: Pick<Db, 'select'>, id: number) {
	return (
		db
			.select({
				indicator: indicators.code,
				area: areas.code,
				period: caveats.period,
				text: caveats.text
			})
			.from(caveats)
			.leftJoin(indicators, eq(indicators.id, caveats.indicatorId))
			.leftJoin(areas, eq(areas.id, caveats.areaId))
			.where(eq(caveats.id, id))
			.get() ?? null
	);
}

export function addCaveat(db: Db, actor: Actor, input: CaveatInput): CaveatResult {
	authorize(actor, 'caveat');
	const r = resolve(db, actor, input);
	if (!r.ok) return r;
	return db.transaction((tx) => {
		const { id } = tx.insert(caveats).values(columns(r, actor)).returning({ id: caveats.id }).get();
		recordAudit(tx, actor, 'caveat.create', id, { after: auditedCaveat(tx, id) });
		return { ok: true as const, id };
	});
}

/** A caveat outside a scoped planner's scope: not allowed, saying why. */
export class OutsideScope extends NotAllowed {
	constructor(actor: Actor, why: string) {
		super(actor, 'caveat');
		this.message = why;
	}
}

/**
 * Why a planner limited by scope may not change or delete a stored caveat (its indicator or
 * area is outside their scope), or null when they may.
 */
function storedOutsideScope(db: Db, actor: Actor, id: number): string | null {
	const limits = writeLimits(actor);
	if (!limits) return null;
	const stored = auditedCaveat(db, id);
	if (!stored) return null;
	const indicator = stored.indicator
		? db.select().from(indicators).where(eq(indicators.code, stored.indicator)).get()
		: undefined;
	const component = indicator
		? componentProblem(limits, indicator.component, indicatorSubject(indicator.code))
		: limits.components.length > 0
			? m.dash_caveat_every_outside({ components: limits.components.join(', ') })
			: null;
	return component ?? areaProblem(limits, stored.area, parentsIn(loadAreaTree(db)));
}

export function updateCaveat(db: Db, actor: Actor, id: number, input: CaveatInput): CaveatResult {
	authorize(actor, 'caveat');
	if (!db.select().from(caveats).where(eq(caveats.id, id)).get()) {
		return { ok: false, errors: { id: m.dash_caveat_gone() } };
	}
	const outside = storedOutsideScope(db, actor, id);
	if (outside) return { ok: false, errors: { id: outside } };
	const r = resolve(db, actor, input);
	if (!r.ok) return r;
	db.transaction((tx) => {
		const before = auditedCaveat(tx, id);
		tx.update(caveats)
			.set({ ...columns(r, actor), updatedAt: nowText() })
			.where(eq(caveats.id, id))
			.run();
		recordAudit(tx, actor, 'caveat.update', id, { before, after: auditedCaveat(tx, id) });
	});
	return { ok: true, id };
}

/**
 * Deletes a caveat; false when there is none. A caveat outside a scoped planner's scope is
 * refused (NotAllowed), as any write they may not make.
 */
export function deleteCaveat(db: Db, actor: Actor, id: number): boolean {
	authorize(actor, 'caveat');
	const outside = storedOutsideScope(db, actor, id);
	if (outside) throw new OutsideScope(actor, outside);
	return db.transaction((tx) => {
		const before = auditedCaveat(tx, id);
		const deleted = tx.delete(caveats).where(eq(caveats.id, id)).run().changes === 1;
		if (deleted) recordAudit(tx, actor, 'caveat.delete', id, { before });
		return deleted;
	});
}
