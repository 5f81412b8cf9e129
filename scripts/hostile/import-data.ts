/**
 * The million figures `npm run test:hostile` imports through the API, from
 * scripts/bench/generate-import-file.ts (1,008,000 figures, 32 MB): its framework renamed so it
 * cannot touch the demo mission's PO1–PO3 (as bench:load does), two more copies ten and twenty
 * years earlier (so each of the three imports inserts a million new figures, as the tester's
 * import did), and a small slice with other values for the command line. Kept in FOLDER
 * between runs: the files are the same each time.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, renameSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ImportData {
	/** areas, framework and indicators, imported once before the figures */
	setup: string[];
	/** three times a million figures: 2015–2024, 2005–2014, 1995–2004 */
	figures: [string, string, string];
	/** 1,000 of the figures with other values again: a short import for the command line */
	slice: string;
}

/** Copies `from` to `to`, each record's cells changed by `change`, the first `limit` records. */
async function rewrite(
	from: string,
	to: string,
	change: (cells: string[]) => void,
	limit = Infinity
): Promise<void> {
	const partial = `${to}.partial`;
	const out = createWriteStream(partial);
	const lines = createInterface({ input: createReadStream(from), crlfDelay: Infinity });
	let records = -1;
	for await (const line of lines) {
		if (records++ >= limit) break;
		if (records === 0 || line === '') {
			out.write(line + '\n');
			continue;
		}
		// indicator_code,period,area_code,value,sex,age
		const cells = line.split(',');
		change(cells);
		if (!out.write(cells.join(',') + '\n'))
			await new Promise<void>((r) => out.once('drain', () => r()));
	}
	lines.close();
	await new Promise<void>((r) => out.end(r));
	renameSync(partial, to);
}

/** The same figures `years` earlier: new keys, so importing them inserts every one. */
const earlier = (years: number) => (cells: string[]) => {
	const [year, month] = cells[1]!.split('-');
	cells[1] = `${Number(year) - years}-${month}`;
};

export async function importData(folder: string): Promise<ImportData> {
	const at = (name: string) => join(folder, name);
	if (!existsSync(at('observations.csv'))) {
		console.log('Generating the million figures (scripts/bench/generate-import-file.ts)…');
		const made = spawnSync('npx', ['tsx', 'scripts/bench/generate-import-file.ts', folder], {
			stdio: ['ignore', 'ignore', 'inherit'],
			timeout: 5 * 60_000
		});
		if (made.status !== 0) throw new Error('generating the import files failed');
		for (const file of ['framework.csv', 'indicators.csv']) {
			const text = await readFile(at(file), 'utf8');
			await writeFile(at(file), text.replace(/\bPO(\d)/g, 'BENCH$1'));
		}
	}
	for (const [name, years] of [
		['observations-earlier.csv', 10],
		['observations-earliest.csv', 20]
	] as const) {
		if (!existsSync(at(name))) await rewrite(at('observations.csv'), at(name), earlier(years));
	}
	if (!existsSync(at('slice.csv'))) {
		await rewrite(
			at('observations.csv'),
			at('slice.csv'),
			(cells) => (cells[3] = String(Number(cells[3]) + 7)),
			1000
		);
	}
	return {
		setup: ['areas.csv', 'framework.csv', 'indicators.csv'].map(at),
		figures: [
			at('observations.csv'),
			at('observations-earlier.csv'),
			at('observations-earliest.csv')
		],
		slice: at('slice.csv')
	};
}
