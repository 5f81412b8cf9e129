/**
 * The `cpas` command line: parse argv, call the same capabilities as the web app, print.
 * It runs with local administrator rights: whoever has the database file has the data.
 */
// first: every message asks it for its language
import { inLocale, setProcessLocale } from '../lib/server/i18n/request-locale';
import { m } from '../lib/paraglide/messages.js';
import { systemActor } from '../lib/server/actor';
import { createDb, databasePath } from '../lib/server/db';
import { closeSessionsDbOf } from '../lib/server/db/sessions-db';
import type { Actor } from '../lib/server/actor';
import type { Db } from '../lib/server/db';
import { usage, UsageError, type ExitCode, type Output } from './usage';
import { cliLocale } from './locale';

type Command = (db: Db, actor: Actor, args: string[], io: Output) => ExitCode | Promise<ExitCode>;
/** A command on the database file itself, which must not open it first (it may be damaged). */
type FileCommand = (path: string, actor: Actor, args: string[], io: Output) => ExitCode;

// Loaded on demand: a command line starts faster with only its own command's modules.
const COMMANDS: Record<string, () => Promise<Command>> = {
	import: async () => (await import('./commands/import')).importCommand,
	series: async () => (await import('./commands/series')).seriesCommand,
	export: async () => (await import('./commands/export')).exportCommand,
	report: async () => (await import('./commands/report')).reportCommand,
	user: async () => (await import('./commands/user')).userCommand,
	token: async () => (await import('./commands/token')).tokenCommand,
	backup: async () => (await import('./commands/backup')).backupCommand
};

const FILE_COMMANDS: Record<string, () => Promise<FileCommand>> = {
	restore: async () => (await import('./commands/restore')).restoreCommand
};

export async function run(
	argv: string[],
	io: Output,
	env: NodeJS.ProcessEnv = process.env
): Promise<ExitCode> {
	let chosen: ReturnType<typeof cliLocale>;
	try {
		chosen = cliLocale(argv, env);
	} catch (e) {
		setProcessLocale('en');
		io.err(`${(e as Error).message}\n\n${usage()}`);
		return 2;
	}
	// the process's language for everything it writes; inLocale too, so that two runs in one
	// process (the tests) each keep their own
	setProcessLocale(chosen.locale);
	return inLocale(chosen.locale, () => dispatch(chosen.argv, io));
}

async function dispatch(line: string[], io: Output): Promise<ExitCode> {
	const [command, ...args] = line;
	if (!command || command === 'help' || command === '--help' || command === '-h') {
		(command ? io.out : io.err)(usage());
		return command ? 0 : 2;
	}
	try {
		if (Object.hasOwn(FILE_COMMANDS, command)) {
			return (await FILE_COMMANDS[command]!())(databasePath(), systemActor(), args, io);
		}
		const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
		if (!load) throw new UsageError(m.impmsg_cli_unknown_command({ command }));
		const handler = await load();
		const db = createDb();
		try {
			return await handler(db, systemActor(), args, io);
		} finally {
			closeSessionsDbOf(db);
			db.$client.close();
		}
	} catch (e) {
		if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
			io.err(`${(e as Error).message}\n\n${usage()}`);
			return 2;
		}
		io.err(`cpas: ${(e as Error).message}`);
		return 1;
	}
}
