import { error, redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/locales';
import { chooseLanguage } from '$lib/server/auth/language';
import { appDb } from '$lib/server/db/app-db';
import { safeNext } from '$lib/server/http/gate';
import { keepLanguageCookie } from '$lib/server/http/language-cookie';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

/**
 * The header's language switcher: a plain form, so it works without JavaScript. A signed-in
 * reader's choice is kept with the account; anyone's is kept in a cookie for the sign-in page.
 * Then back to the page the reader was on, now in the chosen language.
 */
export const POST: RequestHandler = async ({ request, locals, cookies, url }) => {
	const form = await request.formData().catch(() => null);
	const locale = form?.get('locale');
	if (!isLocale(locale)) error(400, m.common_language_unknown());
	if (locals.account) chooseLanguage(appDb(), locals.account.username, locale);
	keepLanguageCookie(cookies, url, locale);
	redirect(303, safeNext(String(form?.get('next') ?? '/')));
};
