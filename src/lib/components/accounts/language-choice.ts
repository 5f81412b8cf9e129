/**
 * The value the account's language form sends for "no choice of mine: my browser's
 * language" (users.locale NULL). Not a language code, so it can never be taken for one.
 */
export const BROWSER_LANGUAGE = 'browser';
