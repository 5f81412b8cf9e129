/**
 * The cookie that keeps a reader's language for the pages seen before signing in (the
 * sign-in page itself): set by the header's switcher and by the account's language choice,
 * cleared when the account goes back to the browser's language.
 */
import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '../../i18n/locales';
import { LANGUAGE_COOKIE } from '../i18n/choose-locale';

export function keepLanguageCookie(cookies: Cookies, url: URL, locale: Locale | null): void {
	if (locale === null) {
		cookies.delete(LANGUAGE_COOKIE, { path: '/' });
		return;
	}
	cookies.set(LANGUAGE_COOKIE, locale, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});
}
