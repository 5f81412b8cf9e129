/**
 * The `cpas` command line: parse argv, call the same capabilities as the web app, print.
 * It runs with local administrator rights: whoever has the database file has the data.
 */
import { LOCAL_ADMINISTRATOR } from '../lib/server/actor';
import { createDb } from '../lib/server/db';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { seriesCommand } from './commands/series';
import { USAGE, UsageError, type ExitCode, type Output } from './usage';

const COMMANDS = { import: importCommand, series: seriesCommand, export: exportCommand } as const;

export async function run(argv: string[], io: Output): Promise<ExitCode> {
	const [command, ...args] = argv;
	if (!command || command === 'help' || command === '--help' || command === '-h') {
		(command ? io.out : io.err)(USAGE);
		return command ? 0 : 2;
	}
	const handler = COMMANDS[command as keyof typeof COMMANDS];
	try {
		if (!handler) throw new UsageError(`Unknown command "${command}".`);
		const db = createDb();
		try {
			return await handler(db, LOCAL_ADMINISTRATOR, args, io);
		} finally {
			db.$client.close();
		}
	} catch (e) {
		if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
			io.err(`${(e as Error).message}\n\n${USAGE}`);
			return 2;
		}
		io.err(`cpas: ${(e as Error).message}`);
		return 1;
	}
}
