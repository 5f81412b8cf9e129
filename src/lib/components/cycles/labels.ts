/** Labels of the assessment cycle pages. */
export const RECOMMENDATION_LABELS = {
	text: 'Recommendation',
	owner: 'Owner',
	deadline: 'Deadline',
	status: 'Status',
	result: 'Objective or outcome'
};
