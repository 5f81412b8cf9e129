/**
 * The language an account reads the product in: a preference of the account's own, like its
 * password, so everyone may set theirs and nobody another's. Not audited: it changes what one
 * reader sees, nothing anyone else reads.
 */
import { eq } from 'drizzle-orm';
import { isLocale, type Locale } from '../../i18n/locales';
import type { Db } from '../db';
import { users } from '../db/schema';

/** Sets (or, with null, clears back to the browser's) the account's language. */
export function chooseLanguage(db: Db, username: string, locale: Locale | null): void {
	if (locale !== null && !isLocale(locale)) throw new Error(`Unknown language: ${locale}`);
	db.update(users).set({ locale }).where(eq(users.username, username)).run();
}
