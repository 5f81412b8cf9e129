/**
 * Recommendations of assessment cycles and their follow-up: statuses, and when one is
 * overdue.
 */
export const RECOMMENDATION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export function isRecommendationStatus(s: string): s is RecommendationStatus {
	return (RECOMMENDATION_STATUSES as readonly string[]).includes(s);
}

/** Done and dropped recommendations need no more follow-up. */
export function isSettled(status: RecommendationStatus): boolean {
	return status === 'done' || status === 'dropped';
}

/**
 * Overdue: its deadline has passed (before today, both ISO dates) and it is neither done nor
 * dropped. Due today is not overdue yet.
 */
export function isOverdue(
	recommendation: { deadline: string; status: RecommendationStatus },
	today: string
): boolean {
	return recommendation.deadline < today && !isSettled(recommendation.status);
}
