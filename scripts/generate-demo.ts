// Writes the fictional demo mission's four CSV files, ready for `cpas import`, its lists' rules
// (rules.csv, for `cpas import` too), its sites (sites.csv, likewise), its lists (for `cpas
// import --source NAME FILE`) and its areas' outlines (for `cpas import boundaries FILE --match
// code`).
// Usage: npx tsx scripts/generate-demo.ts [--out DIR] [--seed N]   (default DIR: demo/)

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoBoundariesFile } from '../src/lib/server/demo/boundaries';
import { DEMO_SEED, generateDemo } from '../src/lib/server/demo/generate';
import { demoSitesFile } from '../src/lib/server/demo/sites';

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
const demo = generateDemo(seed);
const write = (name: string, content: string, note = '') => {
	const path = join(out, name);
	writeFileSync(path, content, 'utf8');
	// data rows: every line but the header (the content ends with a newline)
	const rows = content.split('\n').filter((line) => line !== '').length - 1;
	console.log(`wrote ${path} (${rows} rows)${note}`);
};
for (const file of demo.files) write(file.name, file.content);
write('rules.csv', demo.rules);
const sites = demoSitesFile(seed);
write(sites.name, sites.content);
for (const list of demo.lists) write(list.name, list.content, `, a list of source ${list.source}`);
const outlines = demoBoundariesFile(seed);
writeFileSync(join(out, outlines.name), outlines.content, 'utf8');
console.log(
	`wrote ${join(out, outlines.name)} (${(JSON.parse(outlines.content) as { features: unknown[] }).features.length} outlines, match by code)`
);
