/**
 * The languages the product is written in. Codes in files and URLs never change with them
 * (formats.md); only what people read does. English is the base: a message or a content text
 * missing in another language falls back to it.
 */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'en';

/** Each language's own name, as its readers write it: what the switcher offers. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

/** The tag `Intl` formats numbers and dates with in each language. */
export const INTL_TAGS: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language a language tag or POSIX locale asks for: `fr`, `fr-CD`, `FR`, `fr_FR.UTF-8`
 * → `fr`; anything else (or nothing) → undefined.
 */
export function localeOf(tag: string | null | undefined): Locale | undefined {
	const primary = tag
		?.trim()
		.split(/[-_.@]/)[0]
		?.toLowerCase();
	return isLocale(primary) ? primary : undefined;
}

/**
 * The first language of an `Accept-Language` header the product speaks, by the header's
 * q-values (ties keep the header's order); undefined when it speaks none of them.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
	if (!header) return undefined;
	const asked = header
		.split(',')
		.map((part, order) => {
			const [tag, ...params] = part.split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q ? Number(q.slice(2)) : 1;
			return { locale: localeOf(tag), weight: Number.isFinite(weight) ? weight : 0, order };
		})
		.filter((a) => a.locale !== undefined && a.weight > 0)
		.sort((a, b) => b.weight - a.weight || a.order - b.order);
	return asked[0]?.locale;
}
