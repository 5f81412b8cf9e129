/**
 * `npm run bench:dashboard`: fills a database with about 5 million figures (250 areas, 42
 * monthly count indicators broken down by sex × age, 10 years, 14 indicators per objective)
 * through `cpas import`, then times loading an objective page's data (loadObjectiveView, as
 * the page does) against the equivalent raw SQL aggregate queries (one GROUP BY bucket and
 * value type per indicator), alternately, in the same process: for the whole mission (the
 * page as opened) and for one province (the area filter).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_ADMINISTRATOR } from '../../src/lib/server/actor';
import { createDb } from '../../src/lib/server/db';
import { loadObjectiveView } from '../../src/lib/server/dashboard/objective-view';

// The view cache would answer every round after the first from memory: this measures computing.
process.env.CPAS_VIEW_CACHE_MB ??= '0';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'cpas-bench-dashboard-'));
const database = join(work, 'cpas.sqlite');
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
	execFileSync(process.execPath, ['--import', 'tsx', ...args], {
		env: { ...process.env, ...env },
		encoding: 'utf8',
		maxBuffer: 64 << 20
	});

try {
	console.log('Generating about 5 million figures…');
	const { rows } = JSON.parse(
		run(['scripts/bench/generate-import-file.ts', work], { PROVINCES: '25' })
	) as { rows: number };
	console.log(`Importing ${rows.toLocaleString('en')} figures with cpas import…`);
	const started = Date.now();
	run(
		[
			'src/cli/main.ts',
			'import',
			...['areas', 'framework', 'indicators', 'observations'].map((k) => join(work, `${k}.csv`))
		],
		{ DATABASE_PATH: database }
	);
	console.log(`  imported in ${((Date.now() - started) / 1000).toFixed(1)} s`);

	const db = createDb(database);
	const ids = (
		db.$client
			.prepare(
				`SELECT i.id FROM indicators i JOIN results r ON r.id = i.result_id
				 JOIN results o ON o.id = r.parent_id WHERE o.code = 'PO1'`
			)
			.all() as { id: number }[]
	).map((r) => r.id);
	const province = (
		db.$client
			.prepare(
				`SELECT id FROM areas WHERE code = 'P1' OR parent_id = (SELECT id FROM areas WHERE code = 'P1')`
			)
			.all() as { id: number }[]
	).map((r) => r.id);
	// The same sums a hand-written dashboard would run: one GROUP BY month and value type per
	// indicator, over the whole mission or over one province and its territories.
	const scenarios = [
		{
			name: 'whole mission',
			query: {},
			raw: db.$client.prepare(
				`SELECT substr(period_start, 1, 7) AS bucket, value_type, SUM(value) FROM observations
				 WHERE indicator_id = ? GROUP BY bucket, value_type`
			)
		},
		{
			name: 'one province (area=P1)',
			query: { area: 'P1' },
			raw: db.$client.prepare(
				`SELECT substr(period_start, 1, 7) AS bucket, value_type, SUM(value) FROM observations
				 WHERE indicator_id = ? AND area_key IN (${province.join(', ')}) GROUP BY bucket, value_type`
			)
		}
	];
	const medians: string[] = [];
	for (const scenario of scenarios) {
		console.log(`${scenario.name}:`);
		const ratios: number[] = [];
		// one untimed round first: both sides then read from a warm page cache, as a server does
		loadObjectiveView(db, LOCAL_ADMINISTRATOR, 'PO1', scenario.query);
		for (const id of ids) scenario.raw.all(id);
		for (let round = 1; round <= ROUNDS; round++) {
			let t = performance.now();
			const view = loadObjectiveView(db, LOCAL_ADMINISTRATOR, 'PO1', scenario.query);
			const page = performance.now() - t;
			if (!view.ok) throw new Error(view.message);
			t = performance.now();
			for (const id of ids) scenario.raw.all(id);
			const raw = performance.now() - t;
			ratios.push(page / raw);
			console.log(
				`  round ${round}: objective page data ${page.toFixed(0)} ms, raw SQL aggregates ${raw.toFixed(0)} ms, ratio ${(page / raw).toFixed(2)}`
			);
		}
		ratios.sort((a, b) => a - b);
		const median = ratios[Math.floor(ratios.length / 2)]!;
		medians.push(
			`${scenario.name.padEnd(24)} ${median.toFixed(2)} × the raw SQL aggregates (target ≤ 2)`
		);
	}
	db.$client.close();
	console.log(`
figures                  ${rows.toLocaleString('en')} (${ids.length} indicators on the objective page)
median of rounds:
${medians.map((m) => `  ${m}`).join('\n')}

Reproduce: npm run bench:dashboard`);
} finally {
	rmSync(work, { recursive: true, force: true });
}
