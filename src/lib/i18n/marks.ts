/**
 * A translated sentence with some of its values in markup (`<strong>`, `<code>`): the message is
 * rendered with a marker in place of each such value, then cut at the markers, so the page
 * wraps the values wherever the language puts them instead of gluing sentence fragments.
 */

const OPEN = '\u0001';
const CLOSE = '\u0002';

/** The marker a message is given in place of the value called `name`. */
export function mark(name: string): string {
	return `${OPEN}${name}${CLOSE}`;
}

/** Markers for these names, ready to pass to a message as its values. */
export function marks<K extends string>(...names: K[]): Record<K, string> {
	return Object.fromEntries(names.map((n) => [n, mark(n)])) as Record<K, string>;
}

export type Piece = { text: string; mark?: undefined } | { mark: string; text?: undefined };

/** The rendered message cut into its plain text and its marked values, in order. */
export function pieces(rendered: string): Piece[] {
	const out: Piece[] = [];
	const pattern = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g');
	let at = 0;
	for (const found of rendered.matchAll(pattern)) {
		if (found.index > at) out.push({ text: rendered.slice(at, found.index) });
		out.push({ mark: found[1]! });
		at = found.index + found[0].length;
	}
	if (at < rendered.length) out.push({ text: rendered.slice(at) });
	return out;
}
