import { parseArgs } from 'node:util';
import type { Actor } from '../../lib/server/actor';
import { restoreDatabase } from '../../lib/server/backup/restore';
import { UsageError, type ExitCode, type Output } from '../usage';

/**
 * `cpas restore FILE`: makes a backup the database, keeping the replaced one beside it
 * (formats.md §3). It works on the database file itself, not through a connection: the
 * current database may be the damaged one being replaced. Refusals name why (exit 1).
 */
export function restoreCommand(target: string, actor: Actor, args: string[], io: Output): ExitCode {
	const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
	if (positionals.length !== 1 || positionals[0] === '') {
		throw new UsageError('restore needs one FILE: a backup written by "cpas backup".');
	}
	const result = restoreDatabase(actor, positionals[0]!, target);
	if (!result.ok) {
		io.err(`cpas: ${result.reason} Nothing was changed.`);
		return 1;
	}
	io.out(
		`Restored ${positionals[0]} as the database ${target}.` +
			(result.replaced ? ` The database it replaced is kept as ${result.replaced}.` : '') +
			` Everyone signs in again (${result.sessionsEnded} session${result.sessionsEnded === 1 ? '' : 's'} ended).`
	);
	return 0;
}
