/**
 * `npm run bench:import`: times `cpas import` of about a million figures against the floor
 * (papaparse streaming + a plain better-sqlite3 upsert) in the same run, and prints rows per
 * second, the ratio and the peak memory of each (from /usr/bin/time -v).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './timed-run';

const work = mkdtempSync(join(tmpdir(), 'cpas-bench-import-'));
console.log('Generating the benchmark files…');
const generated = JSON.parse(
	execFileSync(
		process.execPath,
		['--import', 'tsx', 'scripts/bench/generate-import-file.ts', work],
		{
			encoding: 'utf8'
		}
	)
) as { rows: number };
const file = join(work, 'observations.csv');
const cliArgs = ['--import', 'tsx', 'src/cli/main.ts'];

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
console.log(`Importing ${generated.rows.toLocaleString('en')} figures, ${ROUNDS} rounds each…`);
const base = join(work, 'base.sqlite');
run(
	'setup',
	[
		...cliArgs,
		'import',
		...['areas', 'framework', 'indicators'].map((k) => join(work, `${k}.csv`))
	],
	{
		DATABASE_PATH: base
	}
);
type Run = ReturnType<typeof run>;
const oursRuns: Run[] = [];
const floorRuns: Run[] = [];
// Alternate the two, so a busy moment on a shared machine hits both alike.
for (let round = 0; round < ROUNDS; round++) {
	const database = join(work, `cpas-${round}.sqlite`);
	copyFileSync(base, database);
	const ours = run('cpas import', [...cliArgs, 'import', file, '--json'], {
		DATABASE_PATH: database
	});
	const report = JSON.parse(ours.stdout) as { ok: boolean; files: { inserted: number }[] };
	if (!report.ok || report.files[0]!.inserted !== generated.rows) {
		throw new Error(`cpas import did not insert every figure: ${ours.stdout.slice(0, 500)}`);
	}
	oursRuns.push(ours);
	floorRuns.push(
		run('floor', [
			'--import',
			'tsx',
			'scripts/bench/floor-import.ts',
			file,
			join(work, `floor-${round}.sqlite`)
		])
	);
	console.log(
		`  round ${round + 1}: cpas import ${ours.seconds.toFixed(1)} s, floor ${floorRuns.at(-1)!.seconds.toFixed(1)} s, ratio ${(ours.seconds / floorRuns.at(-1)!.seconds).toFixed(2)}`
	);
	rmSync(database, { force: true });
}
rmSync(work, { recursive: true, force: true });
const median = (runs: Run[], key: 'seconds' | 'peakMb') => {
	const values = runs.map((r) => r[key] ?? 0).sort((a, b) => a - b);
	return values[Math.floor(values.length / 2)]!;
};
// Each round's two runs are back to back, so the fair figure is the median of the rounds' ratios.
const ratios = oursRuns.map((r, i) => r.seconds / floorRuns[i]!.seconds).sort((a, b) => a - b);
const ratio = ratios[Math.floor(ratios.length / 2)]!;
const ours = {
	seconds: median(oursRuns, 'seconds'),
	peakMb: Math.max(...oursRuns.map((r) => r.peakMb ?? 0))
};
const floor = {
	seconds: median(floorRuns, 'seconds'),
	peakMb: Math.max(...floorRuns.map((r) => r.peakMb ?? 0))
};

const rate = (s: number) => Math.round(generated.rows / s).toLocaleString('en');
const mb = (m: number | null) => (m === null ? 'n/a' : `${Math.round(m)} MB`);
console.log(`
figures                 ${generated.rows.toLocaleString('en')}
cpas import (median)    ${ours.seconds.toFixed(1)} s  ${rate(ours.seconds)} rows/s  peak ${mb(ours.peakMb)} (target < 400 MB)
floor (median)          ${floor.seconds.toFixed(1)} s  ${rate(floor.seconds)} rows/s  peak ${mb(floor.peakMb)}
ratio (median of rounds) ${ratio.toFixed(2)} × the floor (target ≤ 2); rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}

Reproduce: npm run bench:import`);
