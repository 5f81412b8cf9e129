/**
 * `npm run bench:lists`: times `cpas import --source incidents` of a 1,000,000-row incident
 * list (50 areas, 10 years of daily dates, 6 rules with `where`, one broken down by sex)
 * against the floor (papaparse streaming the same list, the figures counted by a plain Map,
 * and a plain better-sqlite3 upsert of the same figures) in the same run, and prints the ratio
 * and the peak resident memory of the process doing the import (from /usr/bin/time -v).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './timed-run';

const work = mkdtempSync(join(tmpdir(), 'cpas-bench-lists-'));
console.log('Generating the list and its mission…');
const generated = JSON.parse(
	execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/generate-list-file.ts', work], {
		encoding: 'utf8',
		env: process.env
	})
) as { rows: number };
const list = join(work, 'incidents.csv');
const cliArgs = ['--import', 'tsx', 'src/cli/main.ts'];

const base = join(work, 'base.sqlite');
run(
	'setup',
	[
		...cliArgs,
		'import',
		...['areas', 'framework', 'indicators', 'rules'].map((k) => join(work, `${k}.csv`))
	],
	{ DATABASE_PATH: base }
);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
console.log(`Importing ${generated.rows.toLocaleString('en')} rows, ${ROUNDS} rounds each…`);
type Run = ReturnType<typeof run>;
const oursRuns: Run[] = [];
const floorRuns: Run[] = [];
let figures = 0;
// Alternate the two, so a busy moment on a shared machine hits both alike.
for (let round = 0; round < ROUNDS; round++) {
	const database = join(work, `cpas-${round}.sqlite`);
	copyFileSync(base, database);
	const ours = run(
		'cpas import --source',
		[...cliArgs, 'import', '--source', 'incidents', list, '--json'],
		{
			DATABASE_PATH: database
		}
	);
	const report = JSON.parse(ours.stdout) as {
		ok: boolean;
		files: { rows: number; inserted: number; rules: { figures: number }[] }[];
	};
	const file = report.files[0]!;
	figures = file.rules.reduce((n, r) => n + r.figures, 0);
	if (!report.ok || file.rows !== generated.rows || file.inserted !== figures) {
		throw new Error(`cpas import did not import the list: ${ours.stdout.slice(0, 800)}`);
	}
	oursRuns.push(ours);
	const floor = run('floor', [
		'--import',
		'tsx',
		'scripts/bench/floor-lists.ts',
		list,
		join(work, `floor-${round}.sqlite`)
	]);
	const floorFigures = (JSON.parse(floor.stdout) as { figures: number }).figures;
	if (floorFigures !== figures) {
		throw new Error(
			`the floor wrote ${floorFigures} figures, the import ${figures}: not the same work`
		);
	}
	floorRuns.push(floor);
	console.log(
		`  round ${round + 1}: cpas import ${ours.seconds.toFixed(1)} s (peak ${Math.round(ours.peakMb ?? 0)} MB), floor ${floor.seconds.toFixed(1)} s, ratio ${(ours.seconds / floor.seconds).toFixed(2)}`
	);
	rmSync(database, { force: true });
}
rmSync(work, { recursive: true, force: true });

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
// Each round's two runs are back to back, so the fair figure is the median of the rounds' ratios.
const ratios = oursRuns.map((r, i) => r.seconds / floorRuns[i]!.seconds);
const ratio = median(ratios);
const oursPeak = Math.max(...oursRuns.map((r) => r.peakMb ?? 0));
const floorPeak = Math.max(...floorRuns.map((r) => r.peakMb ?? 0));
const rate = (s: number) => Math.round(generated.rows / s).toLocaleString('en');
const mb = (m: number) => (m > 0 ? `${Math.round(m)} MB` : 'n/a'); // 0: no /usr/bin/time
const ours = median(oursRuns.map((r) => r.seconds));
const floor = median(floorRuns.map((r) => r.seconds));
console.log(`
list rows               ${generated.rows.toLocaleString('en')} (figures written: ${figures.toLocaleString('en')})
cpas import (median)    ${ours.toFixed(1)} s  ${rate(ours)} rows/s  peak ${mb(oursPeak)} (target < 400 MB)
floor (median)          ${floor.toFixed(1)} s  ${rate(floor)} rows/s  peak ${mb(floorPeak)}
ratio (median of rounds) ${ratio.toFixed(2)} × the floor (target ≤ 2); rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}

Reproduce: npm run bench:lists`);
