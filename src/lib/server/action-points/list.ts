/** The tracker: action points with their links, filtered, and the counts leadership reads. */
import { asc, eq, inArray } from 'drizzle-orm';
import { visibleTo } from '../../domain/clearance';
import {
	isDueSoon,
	isOverdue,
	ownerText,
	type ActionOrigin,
	type ActionStatus
} from '../../domain/action-points';
import { localizedTitle, type FallbackLang } from '../../domain/localized-text';
import type { Actor } from '../actor';
import type { Db } from '../db';
import {
	actionPointLinks,
	actionPoints,
	areas,
	assessmentCycles,
	indicators,
	results
} from '../db/schema';
import { currentLocale } from '../i18n/request-locale';
import { authorize } from '../permissions';

export interface ActionLink {
	kind: 'result' | 'indicator';
	code: string;
	title: string;
	titleLang?: FallbackLang;
}

export interface TrackedActionPoint {
	id: number;
	reference: string;
	origin: ActionOrigin;
	/** the cycle's code, for origin `assessment_cycle` */
	cycle: string | null;
	originReference: string | null;
	decision: string;
	/** as written: a unit, or `@username` */
	owner: string;
	area: { code: string; name: string } | null;
	deadline: string;
	status: ActionStatus;
	dropReason: string | null;
	overdue: boolean;
	dueSoon: boolean;
	/** framework nodes and indicators; restricted indicators only for cleared readers */
	links: ActionLink[];
	createdBy: string;
	createdAt: string;
	updatedBy: string;
	updatedAt: string;
}

/** What the tracker's URL may ask; blank or absent: no filter. */
export interface ActionFilter {
	origin?: string | null;
	/** as written: a unit, or `@username` */
	owner?: string | null;
	/** an area's code */
	area?: string | null;
	status?: string | null;
	overdue?: boolean;
	/** deadline today or within DUE_SOON_DAYS, still to do */
	dueSoon?: boolean;
	/** a cycle's code (the cycle page) */
	cycle?: string | null;
	/** a framework node's or an indicator's code (their pages) */
	result?: string | null;
	indicator?: string | null;
	/** open or in progress only */
	unsettled?: boolean;
}

/** Every action point the filter keeps, by deadline then as made; `today` is an ISO date. */
export function listActionPoints(
	db: Db,
	actor: Actor,
	today: string,
	filter: ActionFilter = {}
): TrackedActionPoint[] {
	authorize(actor, 'read');
	// decisions and their owners are the mission's own: the public view shows none
	if (actor.publicReader) return [];
	const rows = db
		.select({
			point: actionPoints,
			cycle: assessmentCycles.code,
			areaCode: areas.code,
			areaName: areas.name
		})
		.from(actionPoints)
		.leftJoin(assessmentCycles, eq(assessmentCycles.id, actionPoints.cycleId))
		.leftJoin(areas, eq(areas.id, actionPoints.areaId))
		.orderBy(asc(actionPoints.deadline), asc(actionPoints.id))
		.all();
	const links = linksOf(
		db,
		actor,
		rows.map((r) => r.point.id)
	);
	return rows
		.map(({ point: p, cycle, areaCode, areaName }): TrackedActionPoint => ({
			id: p.id,
			reference: p.reference,
			origin: p.origin,
			cycle,
			originReference: p.originReference,
			decision: p.decision,
			owner: ownerText({ unit: p.ownerUnit, account: p.ownerAccount }),
			area: areaCode !== null ? { code: areaCode, name: areaName ?? areaCode } : null,
			deadline: p.deadline,
			status: p.status,
			dropReason: p.dropReason,
			overdue: isOverdue(p, today),
			dueSoon: isDueSoon(p, today),
			links: links.get(p.id) ?? [],
			createdBy: p.createdBy,
			createdAt: p.createdAt,
			updatedBy: p.updatedBy,
			updatedAt: p.updatedAt
		}))
		.filter(
			(p) =>
				(!filter.origin || p.origin === filter.origin) &&
				(!filter.owner || p.owner === filter.owner) &&
				(!filter.area || p.area?.code === filter.area) &&
				(!filter.status || p.status === filter.status) &&
				(!filter.overdue || p.overdue) &&
				(!filter.dueSoon || p.dueSoon) &&
				(!filter.cycle || p.cycle === filter.cycle) &&
				(!filter.unsettled || p.status === 'open' || p.status === 'in_progress') &&
				(!filter.result || p.links.some((l) => l.kind === 'result' && l.code === filter.result)) &&
				(!filter.indicator ||
					p.links.some((l) => l.kind === 'indicator' && l.code === filter.indicator))
		);
}

/** The links of these action points, restricted indicators left out for uncleared readers. */
function linksOf(db: Db, actor: Actor, ids: number[]): Map<number, ActionLink[]> {
	const byPoint = new Map<number, ActionLink[]>();
	if (ids.length === 0) return byPoint;
	const locale = currentLocale();
	const rows = db
		.select({
			pointId: actionPointLinks.actionPointId,
			resultCode: results.code,
			resultTitle: results.title,
			resultTitleFr: results.titleFr,
			indicatorCode: indicators.code,
			indicatorTitle: indicators.title,
			indicatorTitleFr: indicators.titleFr,
			sensitivity: indicators.sensitivity
		})
		.from(actionPointLinks)
		.leftJoin(results, eq(results.id, actionPointLinks.resultId))
		.leftJoin(indicators, eq(indicators.id, actionPointLinks.indicatorId))
		.where(inArray(actionPointLinks.actionPointId, ids))
		.orderBy(asc(results.code), asc(indicators.code))
		.all();
	for (const r of rows) {
		let link: ActionLink | null = null;
		if (r.resultCode !== null) {
			link = {
				kind: 'result',
				code: r.resultCode,
				...localizedTitle(r.resultTitle ?? '', r.resultTitleFr, locale)
			};
		} else if (r.indicatorCode !== null && r.sensitivity && visibleTo(actor, r.sensitivity)) {
			link = {
				kind: 'indicator',
				code: r.indicatorCode,
				...localizedTitle(r.indicatorTitle ?? '', r.indicatorTitleFr, locale)
			};
		}
		if (link) byPoint.set(r.pointId, [...(byPoint.get(r.pointId) ?? []), link]);
	}
	// nodes first, then indicators
	for (const list of byPoint.values())
		list.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'result' ? -1 : 1));
	return byPoint;
}

export interface ActionCounts {
	total: number;
	open: number;
	inProgress: number;
	done: number;
	dropped: number;
	overdue: number;
	dueSoon: number;
}

/** The counts of a list of action points (the tracker's, or all for the overview). */
export function countActionPoints(points: readonly TrackedActionPoint[]): ActionCounts {
	return {
		total: points.length,
		open: points.filter((p) => p.status === 'open').length,
		inProgress: points.filter((p) => p.status === 'in_progress').length,
		done: points.filter((p) => p.status === 'done').length,
		dropped: points.filter((p) => p.status === 'dropped').length,
		overdue: points.filter((p) => p.overdue).length,
		dueSoon: points.filter((p) => p.dueSoon).length
	};
}

/** Every owner named so far (as written) and every area used, for the tracker's filters. */
export function actionFilterChoices(
	db: Db,
	actor: Actor
): { owners: string[]; areas: { code: string; name: string }[] } {
	authorize(actor, 'read');
	const owners = db
		.selectDistinct({ unit: actionPoints.ownerUnit, account: actionPoints.ownerAccount })
		.from(actionPoints)
		.all()
		.map((o) => ownerText(o))
		.sort((a, b) => a.localeCompare(b));
	const used = db
		.selectDistinct({ code: areas.code, name: areas.name })
		.from(actionPoints)
		.innerJoin(areas, eq(areas.id, actionPoints.areaId))
		.orderBy(asc(areas.code))
		.all();
	return { owners: [...new Set(owners)], areas: used };
}
