import { m } from '../../paraglide/messages.js';
import { parsePeriod } from '../../domain/period';
import { FILE_KINDS, type FileKind } from '../../domain/vocabulary';

/** Required columns of each kind, for the refusal message of an unrecognised file. */
export const REQUIRED_COLUMNS: Record<FileKind, string[]> = {
	areas: ['area_code', 'area_name'],
	framework: ['result_code', 'result_level', 'result_title'],
	indicators: [
		'indicator_code',
		'indicator_title',
		'result_code',
		'category',
		'direction',
		'measure'
	],
	rules: ['source', 'indicator_code', 'value', 'date_column', 'area_column'],
	observations: ['indicator_code', 'period', 'value'],
	sites: ['site_code', 'site_name', 'site_type', 'latitude', 'longitude'],
	actions: ['origin', 'decision', 'owner', 'deadline'],
	outputs: ['result_code', 'budget_year', 'planned'],
	resources: ['budget_year', 'apportionment', 'expenditure']
};

/** The columns that together make a file a `rules` file (formats.md §5.1). */
const RULES_SIGNATURE = ['source', 'indicator_code', 'value', 'date_column'];

/** The raw headers of a wide observations file that are periods (formats.md §1.6). */
export function periodHeaders(rawHeaders: string[]): string[] {
	return rawHeaders.filter((h) => h !== '' && parsePeriod(h).ok);
}

/** Recognises a file's kind from its header, in the order formats.md §1.0 and §5.1 give. */
export function detectKind(headers: string[], rawHeaders: string[]): FileKind | null {
	const has = (h: string) => headers.includes(h);
	// before the other kinds: a rules file has indicator_code and value, as observations do
	if (RULES_SIGNATURE.every(has)) return 'rules';
	if (has('result_level')) return 'framework';
	if (has('indicator_code')) {
		if (['indicator_title', 'measure', 'category', 'direction'].some(has)) return 'indicators';
		if (['period', 'value', 'numerator'].some(has) || periodHeaders(rawHeaders).length > 0) {
			return 'observations';
		}
	}
	if (has('area_code') && has('area_name')) return 'areas';
	// last, so a file any other kind recognises stays that kind: only site_code says "sites"
	if (has('site_code')) return 'sites';
	// no other kind has a decision column
	if (has('decision')) return 'actions';
	// the RBB report's files, after every contract kind: no contract file has these columns
	if (has('budget_year') && has('planned')) return 'outputs';
	if (has('apportionment') || has('expenditure')) return 'resources';
	return null;
}

/** "areas (area_code, area_name); framework (…); …": the kinds and their required columns. */
export function requiredColumnsText(): string {
	return (Object.entries(REQUIRED_COLUMNS) as [FileKind, string[]][])
		.map(([kind, cols]) => `${kind} (${cols.join(', ')})`)
		.join('; ');
}

export function unknownKindMessage(): string {
	return m.impmsg_kind_unknown({ n: String(FILE_KINDS.length), kinds: requiredColumnsText() });
}
