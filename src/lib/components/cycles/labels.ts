/** Labels of the assessment cycle pages, in the reader's language. */
import type { RecommendationStatus } from '$lib/domain/recommendations';
import { m } from '$lib/paraglide/messages.js';

/** The recommendation form's labels, by field (its error summary names fields by them). */
export function recommendationLabels() {
	return {
		text: m.rep_cycles_col_recommendations_one(),
		owner: m.rep_recs_col_owner(),
		deadline: m.rep_recs_col_deadline(),
		status: m.rep_col_status(),
		result: m.rep_cycle_objective_or_outcome()
	};
}

const STATUS_LABEL: Record<RecommendationStatus, () => string> = {
	open: m.rep_recs_status_open,
	in_progress: m.rep_recs_status_in_progress,
	done: m.rep_recs_status_done,
	dropped: m.rep_recs_status_dropped
};

/** A recommendation's status in words; the value (`in_progress`) stays the form's. */
export function recommendationStatusLabel(status: RecommendationStatus): string {
	return STATUS_LABEL[status]();
}
