import { m } from '../../lib/paraglide/messages.js';
import { parseArgs } from 'node:util';
import type { Actor } from '../../lib/server/actor';
import { createToken, listTokens, revokeToken } from '../../lib/server/auth/tokens';
import type { Db } from '../../lib/server/db';
import { UsageError, type ExitCode, type Output } from '../usage';

/**
 * `cpas token create USERNAME [--name LABEL] [--scope full|read]` prints the new token alone on
 * standard output, once (only its hash is kept), so a script can capture it: TOKEN=$(npm run
 * --silent cpas -- token create etl-bot). `token list USERNAME`, `token revoke USERNAME ID`.
 *
 * The command line's tokens are `full` unless `--scope read` says otherwise: they are the
 * server's own import scripts (README), which a read-only default would break. The web forms,
 * where a person makes a token for someone else's dashboard, start at `read` (docs/api.md).
 */
export function tokenCommand(db: Db, actor: Actor, args: string[], io: Output): ExitCode {
	const [sub, ...rest] = args;
	const { values, positionals } = parseArgs({
		args: rest,
		options: { name: { type: 'string' }, scope: { type: 'string' }, json: { type: 'boolean' } },
		allowPositionals: true,
		strict: true
	});
	const username = positionals[0];
	switch (sub) {
		case 'create': {
			if (!username || positionals.length !== 1)
				throw new UsageError(m.impmsg_cli_token_one_username({ command: 'create' }));
			const result = createToken(
				db,
				actor,
				username,
				values.name ?? 'command line',
				values.scope ?? 'full'
			);
			if (!result.ok) {
				for (const message of Object.values(result.errors)) io.err(message);
				return 1;
			}
			io.out(result.token);
			io.err(
				m.impmsg_cli_token_created({ id: String(result.view.id), name: result.view.name, username })
			);
			return 0;
		}
		case 'list': {
			if (!username || positionals.length !== 1)
				throw new UsageError(m.impmsg_cli_token_one_username({ command: 'list' }));
			const tokens = listTokens(db, actor, username);
			if (values.json) {
				io.out(JSON.stringify(tokens));
				return 0;
			}
			for (const t of tokens) {
				const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());
				io.out(
					`${t.id}\t${t.name}\t${t.scope}\tcreated ${when(t.createdAt)}\tlast used ${when(t.lastUsedAt)}${t.revokedAt ? `\trevoked ${when(t.revokedAt)}` : ''}`
				);
			}
			return 0;
		}
		case 'revoke': {
			const id = Number(positionals[1]);
			if (!username || positionals.length !== 2 || !Number.isInteger(id)) {
				throw new UsageError(m.impmsg_cli_token_revoke_args());
			}
			if (!revokeToken(db, actor, username, id)) {
				io.err(m.impmsg_cli_token_none({ username, id: String(id) }));
				return 1;
			}
			io.out(m.impmsg_cli_token_revoked({ username, id: String(id) }));
			return 0;
		}
		default:
			throw new UsageError(
				sub ? m.impmsg_cli_token_unknown({ command: sub }) : m.impmsg_cli_token_needs_command()
			);
	}
}
