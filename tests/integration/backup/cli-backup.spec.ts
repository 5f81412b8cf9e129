/**
 * `cpas backup FILE` and `cpas restore FILE` as formats.md §3 defines them: exit 0 when done,
 * 1 when refused (with the reason), 2 for a usage mistake.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpas } from '../../helpers/cli';
import { FIXTURES } from '../../helpers/db';

let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-cli-backup-'));
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
});

afterAll(() => {
	delete process.env.DATABASE_PATH;
	rmSync(dir, { recursive: true, force: true });
});

const basic = ['areas', 'framework', 'indicators', 'observations'].map((f) =>
	join(FIXTURES, 'basic', `${f}.csv`)
);

describe('cpas backup and restore', () => {
	test('a backup, a refusal to overwrite it, and its restore', async () => {
		expect((await cpas('import', ...basic)).code).toBe(0);
		const file = join(dir, 'nightly.sqlite');
		const taken = await cpas('backup', file);
		expect(taken).toMatchObject({ code: 0, stderr: '' });
		expect(taken.stdout).toContain(`Backup written to ${file}`);

		const again = await cpas('backup', file);
		expect(again.code).toBe(1);
		expect(again.stderr).toMatch(/already exists/);

		// a change after the backup, which the restore takes back
		const emptied = join(dir, 'observations-2025.csv');
		writeFileSync(
			emptied,
			'indicator_code,period,area_code,value,value_type,numerator,denominator,sex,age,verification\nK1,2025-01,N1,9,,,,,,\n'
		);
		expect((await cpas('import', emptied)).code).toBe(0);
		const restored = await cpas('restore', file);
		expect(restored).toMatchObject({ code: 0, stderr: '' });
		expect(restored.stdout).toMatch(/kept as .*cpas\.sqlite\.replaced-\d{8}T\d{6}Z/);
		const series = await cpas('series', 'K1', '--by', 'year', '--json');
		const years = (JSON.parse(series.stdout) as { points: { period: string }[] }).points.map(
			(p) => p.period
		);
		expect(years).toEqual(['2024']);
		expect(readdirSync(dir).filter((f) => f.includes('.replaced-'))).toHaveLength(1);
	}, 60_000);

	test('restore refuses what is not a database of this product, naming why (exit 1)', async () => {
		const notes = join(dir, 'notes.txt');
		writeFileSync(notes, 'not a database');
		const r = await cpas('restore', notes);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/not a SQLite database.*Nothing was changed\./);
		expect((await cpas('restore', join(dir, 'nowhere.sqlite'))).stderr).toMatch(/does not exist/);
	});

	test('usage mistakes exit 2', async () => {
		for (const argv of [
			['backup'],
			['backup', 'a', 'b'],
			['restore'],
			['backup', 'x', '--force']
		]) {
			const r = await cpas(...argv);
			expect(r.code, argv.join(' ')).toBe(2);
		}
		expect(existsSync('x')).toBe(false);
	});
});
