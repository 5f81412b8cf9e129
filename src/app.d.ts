// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Actor } from '$lib/server/actor';
import type { Account } from '$lib/server/auth/accounts';
import type { Locale } from '$lib/i18n/locales';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** who acts: the signed-in account or token's user; NOBODY on the sign-in pages */
			actor: Actor;
			account: Account | null;
			/** the browser session's id (its token's hash); null for API tokens */
			sessionId: string | null;
			/** the language this request is answered in (src/lib/server/i18n/choose-locale.ts) */
			locale: Locale;
		}
	}
}

export {};
