/**
 * The API-token forms, one pair for every page that manages an account's tokens (one's own on
 * /account, anyone's on /admin/users/[username]): create one — its secret travels in this one
 * answer and is never shown again — or revoke one. Who may do it is decided by the tokens
 * capability, which authorizes the actor itself.
 */
import type { RequestEvent } from '@sveltejs/kit';
import type { TokenScope } from '../../domain/token-scope';
import { appDb } from '../db/app-db';
import { answered, formText, refused } from '../http/forms';
import { createToken, revokeToken } from './tokens';
import { m } from '../../paraglide/messages.js';

/** What the create form answers besides: the new token, shown once. */
export interface NewToken {
	token: { name: string; secret: string; scope: TokenScope };
}

type Event = Pick<RequestEvent, 'request' | 'locals'> & {
	params: Partial<Record<string, string>>;
};

/** The `createToken` and `revokeToken` form actions for the account `owner` names. */
export function tokenActions(owner: (event: Event) => string) {
	return {
		createToken: async (event: Event) => {
			const { name, scope } = formText(await event.request.formData(), ['name', 'scope']);
			const result = createToken(appDb(), event.locals.actor, owner(event), name, scope);
			if (!result.ok) return refused('createToken', result.errors, { name, scope });
			return answered<NewToken>('createToken', m.shell_token_created(), {
				token: { name: result.view.name, secret: result.token, scope: result.view.scope }
			});
		},

		revokeToken: async (event: Event) => {
			const username = owner(event);
			const id = Number(formText(await event.request.formData(), ['token']).token);
			const done =
				Number.isSafeInteger(id) && revokeToken(appDb(), event.locals.actor, username, id);
			if (!done) {
				return refused('revokeToken', {
					form:
						username === event.locals.actor.username
							? m.shell_token_not_yours()
							: m.shell_token_not_theirs()
				});
			}
			return answered('revokeToken', m.shell_token_revoked());
		}
	};
}
