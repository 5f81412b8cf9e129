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
export async function cpas(...argv: string[]): Promise<CliResult> {
	let stdout = '';
	let stderr = '';
	const code = await run(argv, {
		out: (t) => (stdout += t + '\n'),
		err: (t) => (stderr += t + '\n'),
		write: (t) => {
			stdout += t;
		}
	});
	return { code, stdout, stderr };
}
