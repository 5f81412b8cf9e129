import { m } from '../lib/paraglide/messages.js';

/** A mistake in how the command was called: exit code 2 (formats.md §3). */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

/** The help text, in the command line's language. */
export function usage(): string {
	// HXL's option is told after the commands, in its own words (messages/hxl)
	return `${m.impmsg_cli_usage()}\n\n${m.hxl_cli_usage()}`;
}

/** What a command hands back: the exit code; output is already written. */
export type ExitCode = 0 | 1 | 2;

export interface Output {
	/** a line (or lines) of output */
	out: (text: string) => void;
	err: (text: string) => void;
	/** raw text, for large output; resolves when it may be written again (backpressure) */
	write: (chunk: string) => void | Promise<void>;
	/** all of standard input, for the commands that read a password from it */
	readInput?: () => Promise<string>;
}
