// Writes the fictional demo mission's four CSV files, ready for `cpas import`.
// Usage: npx tsx scripts/generate-demo.ts [--out DIR] [--seed N]   (default DIR: demo/)

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SEED, generateDemoMission } from '../src/lib/server/demo/generate';

const USAGE = 'usage: npx tsx scripts/generate-demo.ts [--out DIR] [--seed N]';

function parseArgs(args: string[]): { out: string; seed: number } {
	let out = 'demo';
	let seed = DEMO_SEED;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		const next = args[i + 1];
		if (arg === '--help' || arg === '-h') {
			console.log(USAGE);
			process.exit(0);
		} else if (arg === '--out' && next) {
			out = next;
			i++;
		} else if (arg === '--seed' && next && /^\d+$/.test(next)) {
			seed = Number(next);
			i++;
		} else {
			console.error(`unexpected argument: ${arg ?? ''}\n${USAGE}`);
			process.exit(2);
		}
	}
	return { out, seed };
}

const { out, seed } = parseArgs(process.argv.slice(2));
mkdirSync(out, { recursive: true });
for (const file of generateDemoMission(seed)) {
	const path = join(out, file.name);
	writeFileSync(path, file.content, 'utf8');
	// data rows: every line but the header (the content ends with a newline)
	const rows = file.content.split('\n').filter((line) => line !== '').length - 1;
	console.log(`wrote ${path} (${rows} rows)`);
}
