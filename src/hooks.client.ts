/**
 * In the browser, messages are written in the page's language: the server chose it and set
 * `<html lang>` (src/hooks.server.ts); switching language reloads the page.
 */
import { isLocale } from '$lib/i18n/locales';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';

overwriteGetLocale(() => {
	const lang = document.documentElement.lang;
	return isLocale(lang) ? lang : 'en';
});
