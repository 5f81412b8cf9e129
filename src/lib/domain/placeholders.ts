/**
 * Placeholders of the standard DPO wording, such as `[counties]` or `[villages/ communities]`:
 * each mission writes its own word in their place before an indicator is used. An indicator
 * whose title still holds one would show leadership a blank to fill, so none may be saved.
 */

const PLACEHOLDER = /\[([^[\]]*)\]/g;

/** The distinct placeholders of a text, as written between the brackets, in order. */
export function placeholdersIn(text: string): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(PLACEHOLDER)) {
		const name = match[1]!;
		if (!found.includes(name)) found.push(name);
	}
	return found;
}

/**
 * The text with each placeholder replaced by the mission's words, given in the order of
 * `placeholdersIn` (a placeholder written twice takes the same words twice). A blank fill
 * leaves its placeholder in place, so the text still shows what is missing.
 */
export function fillPlaceholders(text: string, fills: readonly string[]): string {
	const names = placeholdersIn(text);
	return text.replace(PLACEHOLDER, (whole, name: string) => {
		const fill = fills[names.indexOf(name)]?.trim() ?? '';
		return fill === '' ? whole : fill;
	});
}

/** Whether a text still holds a `[...]` placeholder. */
export function hasPlaceholder(text: string): boolean {
	return placeholdersIn(text).length > 0;
}

/** What to tell a planner about a title that still holds placeholders, or null when it has none. */
export function placeholderProblem(title: string): string | null {
	const left = placeholdersIn(title);
	if (left.length === 0) return null;
	const list = left.map((p) => `[${p}]`).join(', ');
	return `Replace ${list} with the mission's own words before saving.`;
}

/** A text cut into plain parts and placeholders, to show the placeholders apart. */
export function placeholderParts(text: string): { text: string; placeholder: boolean }[] {
	const parts: { text: string; placeholder: boolean }[] = [];
	let at = 0;
	for (const match of text.matchAll(PLACEHOLDER)) {
		if (match.index > at) parts.push({ text: text.slice(at, match.index), placeholder: false });
		parts.push({ text: match[0], placeholder: true });
		at = match.index + match[0].length;
	}
	if (at < text.length) parts.push({ text: text.slice(at), placeholder: false });
	return parts;
}
