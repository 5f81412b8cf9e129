/**
 * The language messages are written in on the server. Paraglide's message functions ask
 * `getLocale()`; here it answers the request's language (kept in AsyncLocalStorage for the
 * request, so concurrent readers in two languages never see each other's), else the process's
 * (the CLI's `--lang`, a job thread's current job), else English.
 *
 * Every server entry (hooks, CLI, job threads) imports this module before it writes a message.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { overwriteGetLocale } from '../../paraglide/runtime.js';
import { BASE_LOCALE, type Locale } from '../../i18n/locales';

const requestLocale = new AsyncLocalStorage<Locale>();
let processLocale: Locale = BASE_LOCALE;

overwriteGetLocale(() => requestLocale.getStore() ?? processLocale);

/** Runs `work` (and everything it awaits) with messages in `locale`. */
export function inLocale<T>(locale: Locale, work: () => T): T {
	return requestLocale.run(locale, work);
}

/** The language of everything this process writes outside a request: the CLI's, a job's. */
export function setProcessLocale(locale: Locale): void {
	processLocale = locale;
}

/** The language messages are being written in now. */
export function currentLocale(): Locale {
	return requestLocale.getStore() ?? processLocale;
}
