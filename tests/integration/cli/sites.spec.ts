/** `cpas import` of a sites file and `cpas export sites`: through the real command line. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { cpas } from '../../helpers/cli';
import { FIXTURES } from '../../helpers/db';

const SITES = join(FIXTURES, 'sites', 'sites.csv');

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-sites-'));
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
});
afterEach(() => {
	delete process.env.DATABASE_PATH;
	rmSync(dir, { recursive: true, force: true });
});

test('a sites file imports, exports in its import format, and imports back unchanged', async () => {
	const imported = await cpas('import', SITES, '--json');
	expect(imported.code).toBe(0);
	expect(JSON.parse(imported.stdout).files[0]).toMatchObject({
		kind: 'sites',
		rows: 4,
		inserted: 4
	});

	const exported = await cpas('export', 'sites');
	expect(exported.code).toBe(0);
	// the same sites, by code, with every column the file had
	const lines = exported.stdout.trim().split('\n');
	expect(lines[0]).toBe(readFileSync(SITES, 'utf8').split('\n')[0]);
	expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
		'BAM-TOB',
		'BGF-HQ',
		'KGA-OTH',
		'NDL-UNPOL'
	]);
	expect(exported.stdout).toContain(
		'NDL-UNPOL,Ndélé police post,police_post,8.4109,20.6473,2020-09-15,,restricted'
	);

	const file = join(dir, 'sites-export.csv');
	writeFileSync(file, exported.stdout);
	const again = await cpas('import', file, '--json');
	expect(again.code).toBe(0);
	expect(JSON.parse(again.stdout).files[0]).toMatchObject({
		inserted: 0,
		updated: 0,
		unchanged: 4
	});
});

test('export sites takes no --indicator (a usage error, exit 2)', async () => {
	expect((await cpas('export', 'sites', '--indicator', 'K1')).code).toBe(2);
});
