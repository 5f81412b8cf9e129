/**
 * One benchmark process, timed from outside: its wall time and, where /usr/bin/time exists,
 * its peak resident memory. Shared by the benchmarks that compare the product with a floor.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const hasTime = existsSync('/usr/bin/time');

export interface TimedRun {
	seconds: number;
	/** null when /usr/bin/time is missing */
	peakMb: number | null;
	stdout: string;
}

/** Runs `node ARGS` with `env` added; throws, showing its output, when it fails. */
export function run(label: string, args: string[], env: NodeJS.ProcessEnv = {}): TimedRun {
	const command = hasTime ? '/usr/bin/time' : process.execPath;
	const argv = hasTime ? ['-v', process.execPath, ...args] : args;
	const started = process.hrtime.bigint();
	const result = spawnSync(command, argv, {
		env: { ...process.env, ...env },
		encoding: 'utf8',
		maxBuffer: 64 << 20
	});
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	if (result.status !== 0) {
		console.error(result.stdout.slice(-2000), result.stderr.slice(-4000));
		throw new Error(`${label} failed with exit code ${result.status}`);
	}
	const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
	return { seconds, peakMb: peak ? Number(peak[1]) / 1024 : null, stdout: result.stdout };
}
