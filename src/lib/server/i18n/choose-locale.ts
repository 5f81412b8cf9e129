/**
 * Which language a request is answered in. Pages: the account's choice, else the language
 * chosen on the sign-in page (a cookie, for readers without an account yet), else the
 * browser's `Accept-Language`, else English. The API keeps English unless asked (`?lang=fr`
 * or `Accept-Language`), so scripts get the same words whoever owns their token.
 */
import type { Cookies } from '@sveltejs/kit';
import {
	BASE_LOCALE,
	isLocale,
	localeFromAcceptLanguage,
	localeOf,
	type Locale
} from '../../i18n/locales';

/** The cookie the switcher sets: the choice of a reader who is not signed in. */
export const LANGUAGE_COOKIE = 'cpas_lang';

interface Asked {
	url: URL;
	request: Request;
	cookies: Pick<Cookies, 'get'>;
}

export function chooseLocale(asked: Asked, accountLocale: Locale | null | undefined): Locale {
	const header = asked.request.headers.get('accept-language');
	if (asked.url.pathname.startsWith('/api/')) {
		return (
			localeOf(asked.url.searchParams.get('lang')) ??
			localeFromAcceptLanguage(header) ??
			BASE_LOCALE
		);
	}
	if (accountLocale) return accountLocale;
	const chosen = asked.cookies.get(LANGUAGE_COOKIE);
	if (isLocale(chosen)) return chosen;
	return localeFromAcceptLanguage(header) ?? BASE_LOCALE;
}
