/**
 * Real processes for the fault tests: the `cpas` command line as `npm run cpas` runs it (tsx),
 * killed with SIGKILL where an import stands, and the database checked afterwards with a
 * connection of the test's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const BASIC = ['areas.csv', 'framework.csv', 'indicators.csv'].map((f) =>
	join(ROOT, 'tests/fixtures/basic', f)
);

export interface Finished {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

export interface Running {
	child: ChildProcess;
	finished: Promise<Finished>;
}

/** Starts `cpas ARGS` in a process of its own. */
export function startCpas(args: string[], env: Record<string, string>): Running {
	const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (d) => (stdout += d));
	child.stderr!.on('data', (d) => (stderr += d));
	const finished = new Promise<Finished>((done) =>
		child.on('exit', (code, signal) => done({ code, signal, stdout, stderr }))
	);
	return { child, finished };
}

export async function waitFor(
	check: () => boolean,
	what: string,
	timeoutMs = 60_000
): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > until) throw new Error(`Timed out waiting for ${what}.`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** Waits until the process stands at its fault point (it writes the signal file there). */
export const atFaultPoint = (signal: string) => waitFor(() => existsSync(signal), signal);

/**
 * A file of `rows` (at most 6,000) monthly figures of the basic fixture's indicator K1, from
 * 1900 on, for N1 and N2 by sex.
 */
export function figuresFile(path: string, rows: number, value = 1): string {
	const lines = ['indicator_code,period,area_code,value,sex'];
	for (let i = 0; lines.length <= rows; i++) {
		const month = `${1900 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
		for (const area of ['N1', 'N2'])
			for (const sex of ['female', 'male']) lines.push(`K1,${month},${area},${value},${sex}`);
	}
	writeFileSync(path, lines.slice(0, rows + 1).join('\n') + '\n');
	return path;
}

/** What a killed import may have left: the file's integrity and how much of each table. */
export function inspectDatabase(path: string): {
	integrity: string;
	figures: number;
	batches: number;
} {
	const db = new Database(path, { readonly: true });
	try {
		const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
		const figures = (db.prepare('SELECT count(*) AS n FROM observations').get() as { n: number }).n;
		const batches = (db.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number })
			.n;
		return { integrity, figures, batches };
	} finally {
		db.close();
	}
}
