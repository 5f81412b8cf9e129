/**
 * Which column of a list a rule's column name means (formats.md §5.2: a column a rule names
 * and the file lacks refuses the file).
 *
 * A name matches a header as every header of the contract does (§1.0): ignoring case and
 * surrounding spaces, with spaces, hyphens and underscores equivalent. Survey tools export
 * questions inside groups with the group's path before the name — KoboToolbox and ODK write
 * `group_safety/feel_safe` — and a rule may name either the whole path or the question alone:
 * `feel_safe` matches `group_safety/feel_safe` when no header is `feel_safe` itself and only
 * one header's last part is `feel_safe` (two groups asking the same question make the name
 * ambiguous, and the rule must give the path).
 */
import { normaliseHeader } from '../columns';
import { closestTag, formatHashtag, parseHashtag, type Hashtag } from '../hxl';

export type ColumnMatch =
	| { ok: true; position: number }
	| { ok: false; reason: 'missing' }
	| { ok: false; reason: 'ambiguous'; candidates: string[] }
	/** a hashtag, and the list has no tag row */
	| { ok: false; reason: 'no_tags' };

/** The separator of a group path in survey exports (KoboToolbox, ODK). */
const GROUP_SEPARATOR = '/';

/** The last part of a group-prefixed header, or null when it has no group. */
export function questionName(header: string): string | null {
	const at = header.lastIndexOf(GROUP_SEPARATOR);
	return at === -1 ? null : header.slice(at + 1);
}

/**
 * Finds a rule's column among a list's headers. `headers` are the list's headers as written;
 * the position returned is the column's index in the list's rows.
 *
 * A name that is an HXL hashtag (`#adm1+name`, docs/formats.md "HXL") is found among the
 * list's tags (its tag row, or a header of hashtags) by the rule of domain/hxl.ts: the column
 * whose tag holds the hashtag and all its attributes, the closest when several do.
 */
export function findListColumn(
	headers: readonly string[],
	name: string,
	tags?: readonly (Hashtag | null)[]
): ColumnMatch {
	const hashtag = name.trim().startsWith('#') ? parseHashtag(name) : null;
	if (hashtag) {
		if (!tags) return { ok: false, reason: 'no_tags' };
		const found = closestTag(hashtag, tags);
		if (found.ok) return found;
		if (found.reason === 'missing') return found;
		return {
			ok: false,
			reason: 'ambiguous',
			candidates: found.candidates.map((i) => {
				const tag = formatHashtag(tags[i]!);
				return headers[i] && headers[i] !== tag ? `${headers[i]} ${tag}` : tag;
			})
		};
	}
	const wanted = normaliseHeader(name);
	const normalised = headers.map(normaliseHeader);
	const exact = normalised.indexOf(wanted);
	if (exact !== -1) return { ok: true, position: exact };
	if (wanted.includes(GROUP_SEPARATOR)) return { ok: false, reason: 'missing' };
	const inGroups = normalised.flatMap((h, i) => (questionName(h) === wanted ? [i] : []));
	if (inGroups.length === 1) return { ok: true, position: inGroups[0]! };
	if (inGroups.length > 1) {
		return { ok: false, reason: 'ambiguous', candidates: inGroups.map((i) => headers[i]!) };
	}
	return { ok: false, reason: 'missing' };
}

/**
 * A cell as `where`, `share` and categories compare it (§5.1): trimmed, case ignored. The list
 * reader trims cells already; trimming again costs nothing on a trimmed string.
 */
export function foldCell(cell: string): string {
	return cell.trim().toLowerCase();
}
