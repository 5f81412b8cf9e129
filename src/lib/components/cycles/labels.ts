/** Labels of the assessment cycle pages, in the reader's language. */
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
