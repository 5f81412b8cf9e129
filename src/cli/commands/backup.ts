import { m } from '../../lib/paraglide/messages.js';
import { parseArgs } from 'node:util';
import type { Actor } from '../../lib/server/actor';
import { backupTo } from '../../lib/server/backup/backup';
import type { Db } from '../../lib/server/db';
import { UsageError, type ExitCode, type Output } from '../usage';

/**
 * `cpas backup FILE`: a consistent copy of the whole database, safe while the server serves
 * and imports (formats.md §3). An existing FILE is refused (exit 1): a backup never
 * overwrites one, so a scheduled job that names its files by date cannot lose an older one.
 */
export async function backupCommand(
	db: Db,
	actor: Actor,
	args: string[],
	io: Output
): Promise<ExitCode> {
	const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
	if (positionals.length !== 1 || positionals[0] === '') {
		throw new UsageError(m.impmsg_cli_backup_one_file());
	}
	const result = await backupTo(db, actor, positionals[0]!);
	if (!result.ok) {
		io.err(`cpas: ${result.reason}`);
		return 1;
	}
	io.out(m.impmsg_cli_backup_written({ file: result.file, size: megabytes(result.bytes) }));
	return 0;
}

function megabytes(bytes: number): string {
	return m.impmsg_bytes_mb({ n: (bytes / 1024 / 1024).toFixed(1) });
}
