/**
 * `npm run test:properties [-- NAME...]`: the reader properties of tests/integration/properties
 * (the ones `npm test` runs briefly), run long — about CPAS_PROPERTY_RUNS cases (default
 * 100,000) per reader family — with a random seed unless CPAS_PROPERTY_SEED fixes one. NAMEs
 * pick spec files by part of their name (e.g. `kinds`). Prints, per family and property, the
 * cases run and the time, then the seed and the command that repeats the run. Exit code 0 when
 * every property held, 1 otherwise (vitest shows the shrunk counterexample).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = process.env.CPAS_PROPERTY_RUNS || '100000';
const seed = process.env.CPAS_PROPERTY_SEED || String(Date.now() | 0);
const names = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'cpas-properties-'));
// one line per property as it ends: name a file of your own to watch a long run's progress
const report = process.env.CPAS_PROPERTY_REPORT || join(dir, 'report.jsonl');
const started = Date.now();

console.log(`Reader properties, about ${runs} cases per family, seed ${seed}`);
const files = (names.length ? names : ['']).map((n) => `tests/integration/properties/${n}`);
const result = spawnSync(
	'npx',
	[
		'vitest',
		'run',
		'--project',
		'node',
		...(names.length ? files : ['tests/integration/properties/'])
	],
	{
		stdio: 'inherit',
		env: {
			...process.env,
			CPAS_PROPERTY_RUNS: runs,
			CPAS_PROPERTY_SEED: seed,
			CPAS_PROPERTY_REPORT: report
		}
	}
);

interface Line {
	family: string;
	name: string;
	cases: number;
	ms: number;
}
let lines: Line[] = [];
try {
	lines = readFileSync(report, 'utf8')
		.trim()
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l) as Line);
} catch {
	// no property finished
}
rmSync(dir, { recursive: true, force: true });

const families = new Map<string, { cases: number; ms: number; properties: number }>();
for (const l of lines) {
	const f = families.get(l.family) ?? { cases: 0, ms: 0, properties: 0 };
	families.set(l.family, {
		cases: f.cases + l.cases,
		ms: f.ms + l.ms,
		properties: f.properties + 1
	});
}
console.log('\nfamily      properties  cases held  time');
for (const [family, f] of families) {
	console.log(
		`${family.padEnd(12)}${String(f.properties).padStart(10)}  ${String(f.cases).padStart(10)}  ${(f.ms / 1000).toFixed(1)} s`
	);
}
const total = lines.reduce((n, l) => n + l.cases, 0);
console.log(
	`\n${total} cases held in ${((Date.now() - started) / 1000).toFixed(0)} s (${new Date().toISOString()}), seed ${seed}`
);
console.log(
	`Repeat: CPAS_PROPERTY_SEED=${seed} CPAS_PROPERTY_RUNS=${runs} npm run test:properties${names.length ? ' -- ' + names.join(' ') : ''}`
);
process.exit(result.status === 0 ? 0 : 1);
