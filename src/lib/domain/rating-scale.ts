/**
 * The words an assessment cycle rates objectives and outcomes with, best first. Each cycle
 * keeps its own scale, so a mission can change its words without rewriting earlier cycles.
 * The scale is the cycle's own words (content), stored as written: the default one is offered
 * in the language of whoever creates the cycle.
 */
import type { Locale } from '../i18n/locales';
import { m } from '../paraglide/messages.js';

export const DEFAULT_RATING_SCALE: readonly string[] = ['progressing', 'stalled', 'regressing'];

/** The default scale by the creator's language. */
export const DEFAULT_RATING_SCALES: Record<Locale, readonly string[]> = {
	en: DEFAULT_RATING_SCALE,
	fr: ['en progrès', 'au point mort', 'en recul']
};

/** Longer words stop being a rating and become a narrative. */
const LONGEST_RATING = 40;

export type RatingScaleResult = { ok: true; scale: string[] } | { ok: false; message: string };

/**
 * A scale as written in the creation form: comma-separated ratings, best first. Blank text
 * gives the default scale of the creator's language; blank items (a trailing comma) are
 * ignored. Problems are said in the current language.
 */
export function parseRatingScale(text: string, locale: Locale = 'en'): RatingScaleResult {
	const defaults = DEFAULT_RATING_SCALES[locale];
	if (text.trim() === '') return { ok: true, scale: [...defaults] };
	const scale = text
		.split(',')
		.map((r) => r.trim().replace(/\s+/g, ' '))
		.filter((r) => r !== '');
	if (scale.length < 2) {
		const said = { text: text.trim(), example: defaults.join(', ') };
		return {
			ok: false,
			message: scale.length === 1 ? m.rep_scale_one_rating(said) : m.rep_scale_no_rating(said)
		};
	}
	const tooLong = scale.find((r) => r.length > LONGEST_RATING);
	if (tooLong) {
		return {
			ok: false,
			message: m.rep_scale_too_long({ rating: tooLong, max: String(LONGEST_RATING) })
		};
	}
	const seen = new Set<string>();
	for (const r of scale) {
		const key = r.toLowerCase();
		if (seen.has(key)) return { ok: false, message: m.rep_scale_twice({ rating: r }) };
		seen.add(key);
	}
	return { ok: true, scale };
}
