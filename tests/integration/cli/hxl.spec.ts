/**
 * `cpas export KIND --hxl` (docs/formats.md "HXL"): the hashtag row under the header, for every
 * kind; and the round trip — the tagged export imports back with 0 inserted and 0 updated.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FILE_KINDS } from '../../../src/lib/domain/vocabulary';
import { cpas } from '../../helpers/cli';
import { FIXTURES } from '../../helpers/db';

const basic = (f: string) => join(FIXTURES, 'basic', f);
const ALL = ['areas.csv', 'framework.csv', 'indicators.csv', 'observations.csv'].map(basic);

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-hxl-'));
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
});
afterEach(() => {
	delete process.env.DATABASE_PATH;
	rmSync(dir, { recursive: true, force: true });
});

describe('cpas export --hxl', () => {
	test('observations: the hashtag row right under the header, dimensions tagged too', async () => {
		await cpas('import', ...ALL);
		const r = await cpas('export', 'observations', '--hxl');
		expect(r.code).toBe(0);
		const [header, tags, first] = r.stdout.split('\n');
		expect(header).toBe(
			'indicator_code,period,area_code,value,value_type,verification,numerator,denominator,' +
				'sample_size,ci_low,ci_high,source,comment,sex,age'
		);
		expect(tags).toBe(
			'#indicator+code,#date+period,#loc+code,#indicator+value+num,#indicator+type,' +
				'#status+verification,#indicator+numerator+num,#indicator+denominator+num,' +
				'#indicator+sample+num,#indicator+ci+min+num,#indicator+ci+max+num,#meta+source,' +
				'#description,#indicator+dimension+sex,#indicator+dimension+age'
		);
		expect(first).not.toMatch(/^#/);
		// without the option, no tag row
		const plain = await cpas('export', 'observations');
		expect(plain.stdout.split('\n')[1]).not.toMatch(/^#/);
	});

	test.each(FILE_KINDS)('%s: a tag row under the header, a cell per column', async (kind) => {
		await cpas('import', ...ALL);
		const r = await cpas('export', kind, '--hxl');
		expect(r.code).toBe(0);
		const [header, tags] = r.stdout.split('\n');
		expect(tags!.split(',')).toHaveLength(header!.split(',').length);
		expect(tags!.split(',').every((t) => t === '' || t.startsWith('#'))).toBe(true);
		expect(tags!.split(',').filter((t) => t !== '').length).toBeGreaterThan(0);
	});

	test.each(['areas', 'framework', 'indicators', 'observations'])(
		'%s --hxl imports back with 0 inserted and 0 updated',
		async (kind) => {
			await cpas('import', ...ALL);
			const exported = await cpas('export', kind, '--hxl');
			const file = join(dir, `${kind}-hxl.csv`);
			writeFileSync(file, exported.stdout);
			const again = await cpas('import', file, '--json');
			expect(again.code).toBe(0);
			const report = JSON.parse(again.stdout);
			expect(report.files[0]).toMatchObject({ kind, inserted: 0, updated: 0, errors: [] });
			expect(report.files[0].unchanged).toBeGreaterThan(0);
		}
	);

	test('the help names the option', async () => {
		const r = await cpas('help');
		expect(r.stdout).toContain('--hxl');
	});
});
