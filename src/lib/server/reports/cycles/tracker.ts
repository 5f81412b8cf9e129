/** The recommendations tracker: every recommendation of every cycle, with its follow-up. */
import { asc, eq } from 'drizzle-orm';
import {
	isOverdue,
	isRecommendationStatus,
	type RecommendationStatus
} from '../../../domain/recommendations';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { assessmentCycles, recommendations, results } from '../../db/schema';
import { authorize } from '../../permissions';
import { localizedTitle, type FallbackLang } from '../../../domain/localized-text';
import { currentLocale } from '../../i18n/request-locale';

export interface TrackedRecommendation {
	id: number;
	cycle: string;
	cycleIssued: boolean;
	/** the objective or outcome it concerns */
	result: { code: string; title: string; titleLang?: FallbackLang } | null;
	text: string;
	owner: string;
	deadline: string;
	status: RecommendationStatus;
	overdue: boolean;
	updatedBy: string;
	updatedAt: string;
}

/** `status` is a recommendation status or `overdue`; `owner` an owner as written; `cycle` a code. */
export interface TrackerFilter {
	status?: string | null;
	owner?: string | null;
	cycle?: string | null;
}

/** Recommendations by deadline (then as made), filtered; `today` is an ISO date. */
export function trackedRecommendations(
	db: Db,
	actor: Actor,
	today: string,
	filter: TrackerFilter = {}
): TrackedRecommendation[] {
	authorize(actor, 'read');
	const rows = db
		.select({
			id: recommendations.id,
			cycle: assessmentCycles.code,
			cycleStatus: assessmentCycles.status,
			resultCode: results.code,
			resultTitle: results.title,
			resultTitleFr: results.titleFr,
			text: recommendations.text,
			owner: recommendations.owner,
			deadline: recommendations.deadline,
			status: recommendations.status,
			updatedBy: recommendations.updatedBy,
			updatedAt: recommendations.updatedAt
		})
		.from(recommendations)
		.innerJoin(assessmentCycles, eq(assessmentCycles.id, recommendations.cycleId))
		.leftJoin(results, eq(results.id, recommendations.resultId))
		.orderBy(asc(recommendations.deadline), asc(recommendations.id))
		.all();
	const locale = currentLocale();
	return rows
		.map((r): TrackedRecommendation => ({
			id: r.id,
			cycle: r.cycle,
			cycleIssued: r.cycleStatus === 'issued',
			result: r.resultCode
				? { code: r.resultCode, ...localizedTitle(r.resultTitle ?? '', r.resultTitleFr, locale) }
				: null,
			text: r.text,
			owner: r.owner,
			deadline: r.deadline,
			status: r.status,
			overdue: isOverdue(r, today),
			updatedBy: r.updatedBy,
			updatedAt: r.updatedAt
		}))
		.filter(
			(r) =>
				(!filter.cycle || r.cycle === filter.cycle) &&
				(!filter.owner || r.owner === filter.owner) &&
				(!filter.status ||
					(filter.status === 'overdue'
						? r.overdue
						: isRecommendationStatus(filter.status) && r.status === filter.status))
		);
}

/** Every owner named so far, for the tracker's filter. */
export function recommendationOwners(db: Db, actor: Actor): string[] {
	authorize(actor, 'read');
	return db
		.selectDistinct({ owner: recommendations.owner })
		.from(recommendations)
		.orderBy(asc(recommendations.owner))
		.all()
		.map((r) => r.owner);
}
