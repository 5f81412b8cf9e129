/**
 * The words an assessment cycle rates objectives and outcomes with, best first. Each cycle
 * keeps its own scale, so a mission can change its words without rewriting earlier cycles.
 */
export const DEFAULT_RATING_SCALE: readonly string[] = ['progressing', 'stalled', 'regressing'];

/** Longer words stop being a rating and become a narrative. */
const LONGEST_RATING = 40;

export type RatingScaleResult = { ok: true; scale: string[] } | { ok: false; message: string };

/**
 * A scale as written in the creation form: comma-separated ratings, best first. Blank text
 * gives the default scale; blank items (a trailing comma) are ignored.
 */
export function parseRatingScale(text: string): RatingScaleResult {
	if (text.trim() === '') return { ok: true, scale: [...DEFAULT_RATING_SCALE] };
	const scale = text
		.split(',')
		.map((r) => r.trim().replace(/\s+/g, ' '))
		.filter((r) => r !== '');
	if (scale.length < 2) {
		return {
			ok: false,
			message: `"${text.trim()}" names ${scale.length === 1 ? 'one rating' : 'no rating'}; a scale needs at least two, separated by commas (e.g. ${DEFAULT_RATING_SCALE.join(', ')}).`
		};
	}
	const tooLong = scale.find((r) => r.length > LONGEST_RATING);
	if (tooLong) {
		return {
			ok: false,
			message: `"${tooLong}" is longer than ${LONGEST_RATING} characters; a rating is a word or two, the narrative says the rest.`
		};
	}
	const seen = new Set<string>();
	for (const r of scale) {
		const key = r.toLowerCase();
		if (seen.has(key)) return { ok: false, message: `"${r}" is in the scale twice.` };
		seen.add(key);
	}
	return { ok: true, scale };
}
