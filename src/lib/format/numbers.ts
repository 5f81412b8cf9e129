import { intlLocale } from './locale';

/**
 * Formatters by their options. `toLocaleString` with options builds a new formatter on every
 * call, which is most of the time a page of a few hundred figures takes to render; these are
 * built once.
 */
const formatters = new Map<string, Intl.NumberFormat>();

/** The reader's language's formatter for these options (as Intl's), built once per language. */
export function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
	const locale = intlLocale();
	const key = locale + JSON.stringify(options);
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale, options);
		formatters.set(key, format);
	}
	return format;
}

/** A number as people read it in the app's locale: `12,345`, `0.25`; options as Intl's. */
export function numberText(n: number, options: Intl.NumberFormatOptions = {}): string {
	return numberFormat(options).format(n);
}
