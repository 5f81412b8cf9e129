import { expect, test } from 'vitest';
import { localeFromAcceptLanguage, localeOf } from '../../../src/lib/i18n/locales';
import { chooseLocale } from '../../../src/lib/server/i18n/choose-locale';

test('a tag or POSIX locale names its language', () => {
	expect(localeOf('fr')).toBe('fr');
	expect(localeOf('fr-CD')).toBe('fr');
	expect(localeOf('FR')).toBe('fr');
	expect(localeOf('fr_FR.UTF-8')).toBe('fr');
	expect(localeOf('en_GB.UTF-8')).toBe('en');
	expect(localeOf('C.UTF-8')).toBeUndefined();
	expect(localeOf('')).toBeUndefined();
	expect(localeOf(undefined)).toBeUndefined();
});

test('Accept-Language: the best-weighted language the product speaks', () => {
	expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
	expect(localeFromAcceptLanguage('de-DE,de;q=0.9,fr;q=0.5,en;q=0.4')).toBe('fr');
	expect(localeFromAcceptLanguage('en;q=0.2, fr;q=0.8')).toBe('fr');
	expect(localeFromAcceptLanguage('fr;q=0, en')).toBe('en');
	expect(localeFromAcceptLanguage('de, it')).toBeUndefined();
	expect(localeFromAcceptLanguage('*')).toBeUndefined();
	expect(localeFromAcceptLanguage(null)).toBeUndefined();
});

function asked(path: string, headers: Record<string, string> = {}, cookie?: string) {
	return {
		url: new URL(`http://localhost${path}`),
		request: new Request(`http://localhost${path}`, { headers }),
		cookies: { get: () => cookie }
	};
}

test('pages: the account’s choice, else the switcher’s cookie, else the browser’s, else English', () => {
	const french = { 'accept-language': 'fr-FR' };
	expect(chooseLocale(asked('/', french, 'en'), 'fr')).toBe('fr');
	expect(chooseLocale(asked('/', french), 'en')).toBe('en');
	expect(chooseLocale(asked('/', french, 'en'), null)).toBe('en');
	expect(chooseLocale(asked('/', french), null)).toBe('fr');
	expect(chooseLocale(asked('/', { 'accept-language': 'de' }, 'nl'), null)).toBe('en');
});

test('the API: English unless asked by ?lang or Accept-Language, whoever owns the token', () => {
	expect(chooseLocale(asked('/api/v1/indicators'), 'fr')).toBe('en');
	expect(chooseLocale(asked('/api/v1/indicators?lang=fr'), null)).toBe('fr');
	expect(chooseLocale(asked('/api/v1/imports', { 'accept-language': 'fr' }), 'en')).toBe('fr');
	expect(chooseLocale(asked('/api/v1/imports?lang=en', { 'accept-language': 'fr' }), null)).toBe(
		'en'
	);
});
