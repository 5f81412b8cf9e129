/**
 * Test files of one project share a process and its modules (no isolation: re-importing the
 * app for every file cost more than the tests themselves). What one file may leave behind in
 * the process is put back before the next starts: the environment, the language messages are
 * written in outside a request, and the app's database connections.
 */
import { closeAppDb } from '../../src/lib/server/db/app-db';
import { setProcessLocale } from '../../src/lib/server/i18n/request-locale';
import { BASE_LOCALE } from '../../src/lib/i18n/locales';

const shared = globalThis as { cpasStartingEnv?: Record<string, string | undefined> };
const startingEnv = (shared.cpasStartingEnv ??= { ...process.env });

for (const name of Object.keys(process.env)) if (!(name in startingEnv)) delete process.env[name];
Object.assign(process.env, startingEnv);
setProcessLocale(BASE_LOCALE);
closeAppDb();
