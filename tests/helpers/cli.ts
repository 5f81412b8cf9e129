import { run } from '../../src/cli/run';

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * The `cpas` command line run in-process, exactly as `npm run --silent cpas -- …` runs it
 * (same entry, same DATABASE_PATH), with its output captured.
 */
export function cpas(...argv: string[]): Promise<CliResult> {
	return cpasWithInput(undefined, ...argv);
}

/** The same, with `input` as its standard input (a password for --password-stdin). */
export async function cpasWithInput(
	input: string | undefined,
	...argv: string[]
): Promise<CliResult> {
	let stdout = '';
	let stderr = '';
	const code = await run(argv, {
		out: (t) => (stdout += t + '\n'),
		err: (t) => (stderr += t + '\n'),
		write: (t) => {
			stdout += t;
		},
		readInput: async () => input ?? ''
	});
	return { code, stdout, stderr };
}
