import { m } from '../../lib/paraglide/messages.js';
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
		throw new UsageError(m.impmsg_cli_restore_one_file());
	}
	const result = restoreDatabase(actor, positionals[0]!, target);
	if (!result.ok) {
		io.err(`cpas: ${m.impmsg_cli_restore_refused({ reason: result.reason })}`);
		return 1;
	}
	const restored = {
		file: positionals[0]!,
		target,
		count: result.sessionsEnded,
		n: String(result.sessionsEnded)
	};
	io.out(
		result.replaced
			? m.impmsg_cli_restored_replaced({ ...restored, replaced: result.replaced })
			: m.impmsg_cli_restored(restored)
	);
	return 0;
}
