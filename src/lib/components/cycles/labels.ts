/** Labels of the assessment cycle pages. */
export const RECOMMENDATION_LABELS = {
	text: 'Recommendation',
	owner: 'Owner',
	deadline: 'Deadline',
	status: 'Status',
	result: 'Objective or outcome'
};

/** What a refused or accepted cycle form sends back. */
export interface CycleFormAnswer {
	form: string;
	errors?: Record<string, string>;
	values?: Record<string, string>;
	saved?: boolean;
}
