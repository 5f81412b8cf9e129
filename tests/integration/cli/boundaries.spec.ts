/** `cpas import boundaries FILE --match PROPERTY`: through the real command line. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cpas } from '../../helpers/cli';
import { FIXTURES } from '../../helpers/db';

const boundaries = (name: string) => join(FIXTURES, 'boundaries', name);
const CAR = join(FIXTURES, 'real', 'geoboundaries-caf-adm1.geojson');

let dir: string;
beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-bnd-'));
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
	expect((await cpas('import', join(FIXTURES, 'basic', 'areas.csv'))).code).toBe(0);
});
afterEach(() => {
	delete process.env.DATABASE_PATH;
	rmSync(dir, { recursive: true, force: true });
});

describe('cpas import boundaries', () => {
	test('imports outlines and says what matched, what did not, exit 0', async () => {
		const r = await cpas(
			'import',
			'boundaries',
			boundaries('two-territories.geojson'),
			'--match',
			'name'
		);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(
			[
				'two-territories.geojson, matched by "name": 2 areas outlined.',
				'1 feature matches no area (not imported):',
				'  feature 3: "Lake Far Away"',
				'Imported: the outlines of these areas are replaced.',
				''
			].join('\n')
		);
		// imported: the same file again replaces them, and --json is one object
		const again = await cpas(
			'import',
			'boundaries',
			boundaries('two-territories.geojson'),
			'--match',
			'code',
			'--json'
		);
		expect(again.code).toBe(0);
		expect(JSON.parse(again.stdout)).toEqual({
			ok: true,
			dryRun: false,
			file: 'two-territories.geojson',
			match: 'code',
			matched: [
				{ feature: 1, value: 'N1', area: 'N1' },
				{ feature: 2, value: 'N2', area: 'N2' }
			],
			unmatchedFeatures: [{ feature: 3, value: 'X9' }],
			areasWithout: [],
			errors: []
		});
	});

	test('a refusal exits 1, names the feature and its value, writes nothing', async () => {
		const r = await cpas(
			'import',
			'boundaries',
			boundaries('unclosed-ring.geojson'),
			'--match',
			'name'
		);
		expect(r.code).toBe(1);
		expect(r.stdout).toContain(
			'error: feature 2 ("North Two"): ring 1 is not closed: it starts at [21,5] and ends at [21,5.5]'
		);
		expect(r.stdout).toContain('Refused: nothing was written.');
		const json = await cpas(
			'import',
			'boundaries',
			boundaries('unclosed-ring.geojson'),
			'--match',
			'name',
			'--json'
		);
		expect(JSON.parse(json.stdout).errors).toEqual([
			expect.objectContaining({ feature: 2, value: 'North Two' })
		]);
		// nothing written: a dry run of a valid file still finds both areas without an outline
		const dry = await cpas(
			'import',
			'boundaries',
			boundaries('two-territories.geojson'),
			'--match',
			'name',
			'--dry-run'
		);
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain('2 areas would be outlined.');
		expect(dry.stdout).toContain('Dry run: the file is valid; nothing was written.');
	});

	test('a missing property lists the properties the features have', async () => {
		const r = await cpas('import', 'boundaries', CAR, '--match', 'name', '--json');
		expect(r.code).toBe(1);
		expect(JSON.parse(r.stdout).errors[0].message).toBe(
			'No feature has the property "name" to match areas by. The features have: shapeName, Level, shapeISO, shapeID, shapeGroup, shapeType.'
		);
	});

	test('a missing file exits 1 with a message', async () => {
		const r = await cpas('import', 'boundaries', join(dir, 'nope.geojson'), '--match', 'name');
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('there is no such file');
	});

	test('usage errors exit 2: no --match, no file, two files, an unknown option', async () => {
		const file = boundaries('two-territories.geojson');
		for (const args of [
			[file],
			['--match', 'name'],
			[file, file, '--match', 'name'],
			[file, '--match', 'name', '--force']
		]) {
			const r = await cpas('import', 'boundaries', ...args);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.stdout).toBe('');
		}
		expect((await cpas('import', 'boundaries', file)).stderr).toContain('--match PROPERTY');
	});

	test('--lang fr: the report in French, the JSON keys unchanged', async () => {
		const r = await cpas(
			'import',
			'boundaries',
			boundaries('unclosed-ring.geojson'),
			'--match',
			'name',
			'--lang',
			'fr'
		);
		expect(r.code).toBe(1);
		expect(r.stdout).toContain(
			'erreur\u00a0: entité 2 («\u00a0North Two\u00a0»)\u00a0: l’anneau 1 n’est pas fermé'
		);
		expect(r.stdout).toContain('Refusé\u00a0: rien n’a été écrit.');
	});
});
