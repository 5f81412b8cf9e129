import { INTL_TAGS } from '../i18n/locales';
import { getLocale } from '../paraglide/runtime.js';

/**
 * The `Intl` tag numbers and dates are written with: the reader's language's (en-GB, fr-FR).
 * One place; every formatter in this folder reads it, nothing else names a locale.
 */
export function intlLocale(): string {
	return INTL_TAGS[getLocale()];
}
