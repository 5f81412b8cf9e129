/**
 * What a file's HXL hashtags (docs/formats.md "HXL") make of its header: the contract's column
 * names for columns whose header is not one, so a file tagged `#indicator+code`,
 * `#date+period`, `#indicator+value+num` — under its own header, or as its header — reads as
 * observations. The table and the matching rule are domain/hxl.ts; this applies them to the
 * kinds in the order detectKind tries them.
 */
import { HXL_TABLES, columnsFromTags, type Hashtag, type TaggedKind } from '../../domain/hxl';
import { detectKind } from './detect-kind';

/** The tagged kinds in the order formats.md §1.0 recognises kinds. */
const DETECTION_ORDER: readonly TaggedKind[] = [
	'framework',
	'indicators',
	'observations',
	'areas',
	'sites',
	'actions',
	'outputs',
	'resources'
];

/**
 * The normalised headers with tagged columns renamed by the table of the first kind they then
 * make the file: a kind whose columns the names and tags together give. A column whose header
 * already is one of that kind's columns keeps it; a tag never gives a name another column
 * already has. When no kind comes of the tags, the headers stay as they are.
 */
export function headersFromTags(
	headers: readonly string[],
	rawHeaders: readonly string[],
	tags: readonly (Hashtag | null)[]
): string[] {
	const taken = new Set(headers.filter((h) => h !== ''));
	// names that already make a kind keep it: tags then only name that kind's other columns
	const byNames = detectKind([...headers], [...rawHeaders]);
	const kinds = byNames ? DETECTION_ORDER.filter((k) => k === byNames) : DETECTION_ORDER;
	for (const kind of kinds) {
		const named = new Set<string>(HXL_TABLES[kind].map((c) => c.column));
		const free = tags.map((t, i) => (named.has(headers[i] ?? '') ? null : t));
		const renamed = [...headers];
		for (const [position, column] of columnsFromTags(kind, free, taken)) {
			if (position < renamed.length) renamed[position] = column;
		}
		if (detectKind(renamed, [...rawHeaders]) === kind) return renamed;
	}
	return [...headers];
}
