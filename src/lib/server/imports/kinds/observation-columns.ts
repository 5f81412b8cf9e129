/** Columns of the long observations format (formats.md §1.4); anything else may be a dimension. */
export const OBSERVATION_COLUMNS = new Set([
	'indicator_code',
	'period',
	'area_code',
	'value',
	'value_type',
	'verification',
	'numerator',
	'denominator',
	'sample_size',
	'ci_low',
	'ci_high',
	'source',
	'comment'
]);
