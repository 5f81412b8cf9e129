/**
 * The command line in French (issue 15): `--lang fr` on any command, or a French POSIX locale
 * (`LANG`, `LC_MESSAGES`, `LC_ALL`), writes the messages and the text output in French; the
 * flag wins over the environment, English is the default, and exit codes and --json keys never
 * change with the language.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { run } from '../../../src/cli/run';
import { cliLocale } from '../../../src/cli/locale';
import { FIXTURES } from '../../helpers/db';

const BAD = join(FIXTURES, 'bad', 'observations-bad-period.csv');
const ALL = ['areas.csv', 'framework.csv', 'indicators.csv', 'observations.csv'].map((f) =>
	join(FIXTURES, 'basic', f)
);

async function cpas(argv: string[], env: NodeJS.ProcessEnv = {}) {
	let stdout = '';
	let stderr = '';
	const code = await run(
		argv,
		{
			out: (t) => (stdout += t + '\n'),
			err: (t) => (stderr += t + '\n'),
			write: (t) => {
				stdout += t;
			}
		},
		env
	);
	return { code, stdout, stderr };
}

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-cli-fr-'));
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
});
afterEach(() => {
	delete process.env.DATABASE_PATH;
	rmSync(dir, { recursive: true, force: true });
});

describe('the language of the command line', () => {
	test('--lang wins over the environment; then LC_ALL, LC_MESSAGES, LANG; else English', () => {
		expect(cliLocale(['import', '--lang', 'fr', 'a.csv'], {})).toEqual({
			locale: 'fr',
			argv: ['import', 'a.csv']
		});
		expect(cliLocale(['--lang=en', 'help'], { LANG: 'fr_FR.UTF-8' }).locale).toBe('en');
		expect(cliLocale(['help'], { LANG: 'fr_FR.UTF-8' }).locale).toBe('fr');
		expect(cliLocale(['help'], { LANG: 'fr_CA' }).locale).toBe('fr');
		expect(cliLocale(['help'], { LANG: 'en_GB.UTF-8', LC_MESSAGES: 'fr_FR' }).locale).toBe('fr');
		expect(cliLocale(['help'], { LC_ALL: 'C', LANG: 'fr_FR.UTF-8' }).locale).toBe('en');
		expect(cliLocale(['help'], { LANG: 'C.UTF-8' }).locale).toBe('en');
		expect(cliLocale(['help'], {}).locale).toBe('en');
	});

	test('a --lang the product does not speak is a usage error, exit 2', async () => {
		const r = await cpas(['import', '--lang', 'de', BAD]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--lang takes fr or en, not "de".');
	});
});

describe('cpas import in French', () => {
	test('--lang fr: a refused file, exit 1, the same JSON with a French message', async () => {
		await cpas(['import', ...ALL]);
		const en = await cpas(['import', BAD, '--json']);
		const fr = await cpas(['import', '--lang', 'fr', BAD, '--json']);
		expect([en.code, fr.code]).toEqual([1, 1]);
		const [enReport, frReport] = [JSON.parse(en.stdout), JSON.parse(fr.stdout)];
		const { message: enMessage, ...enWhere } = enReport.files[0].errors[0];
		const { message: frMessage, ...frWhere } = frReport.files[0].errors[0];
		expect(frWhere).toEqual(enWhere);
		expect(frWhere).toEqual({ line: 3, column: 'period', value: '2024-Q5' });
		expect(Object.keys(frReport)).toEqual(Object.keys(enReport));
		expect(Object.keys(frReport.files[0])).toEqual(Object.keys(enReport.files[0]));
		expect(enMessage).toMatch(/^"2024-Q5" is not a period: quarters run Q1 to Q4\./);
		expect(frMessage).toMatch(
			/^«\u00a02024-Q5\u00a0» n’est pas une période\u00a0: les trimestres vont de Q1 à Q4\./
		);
	});

	test('LANG=fr_FR.UTF-8: the text output is French, exit codes unchanged', async () => {
		const env = { LANG: 'fr_FR.UTF-8' };
		const dry = await cpas(['import', ...ALL, '--dry-run'], env);
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain('areas.csv\u00a0: areas, lignes\u00a0: 4 — insérées\u00a0: 4');
		expect(dry.stdout).toContain('Essai à blanc\u00a0: les fichiers sont valides');
		const bad = await cpas(['import', BAD], env);
		expect(bad.code).toBe(1);
		expect(bad.stdout).toContain(
			'erreur\u00a0: ligne 3, colonne period, valeur «\u00a02024-Q5\u00a0»'
		);
		expect(bad.stdout).toContain('Refusé\u00a0: rien n’a été écrit.');
		const missing = await cpas(['import', join(dir, 'nope.csv')], env);
		expect(missing.code).toBe(1);
		expect(missing.stdout).toContain('ce fichier n’existe pas');
	});

	test('English by default, as before', async () => {
		const r = await cpas(['import', BAD]);
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('error: line 3, column period, value "2024-Q5": "2024-Q5" is not');
		expect(r.stdout).toContain('Refused: nothing was written.');
	});

	test('the help is French with LANG=fr_FR.UTF-8, and documents --lang in both languages', async () => {
		const fr = await cpas(['help'], { LANG: 'fr_FR.UTF-8' });
		expect(fr.code).toBe(0);
		expect(fr.stdout).toMatch(/^Usage\u00a0: npm run --silent cpas -- COMMANDE/);
		expect(fr.stdout).toContain('Chaque commande accepte --lang fr|en');
		const en = await cpas(['help']);
		expect(en.stdout).toContain('Every command takes --lang fr|en');
		const unknown = await cpas(['nope', '--lang', 'fr']);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/^Commande inconnue\u00a0: «\u00a0nope\u00a0»\./);
	});
});

describe('the other commands in French', () => {
	test('series: the table reads in French; --json is the same in both languages', async () => {
		await cpas(['import', ...ALL]);
		const fr = await cpas(['series', 'K1', '--by', 'quarter', '--lang', 'fr']);
		expect(fr.code).toBe(0);
		expect(fr.stdout).toContain('K1 — toute la mission, par quarter');
		expect(fr.stdout).toMatch(/période\s+réel\s+cible\s+statut/);
		const en = await cpas(['series', 'K1', '--by', 'quarter']);
		expect(en.stdout).toContain('K1 — whole mission, by quarter');
		const enJson = await cpas(['series', 'K1', '--json']);
		const frJson = await cpas(['series', 'K1', '--json', '--lang', 'fr']);
		expect(frJson.stdout).toBe(enJson.stdout);
	});

	test('usage errors of other commands are French, exit 2', async () => {
		const env = { LC_ALL: 'fr_FR.UTF-8' };
		const exported = await cpas(['export'], env);
		expect(exported.code).toBe(2);
		expect(exported.stderr).toMatch(/^export demande un type\u00a0: observations/);
		const user = await cpas(['user', 'add', 'x'], env);
		expect(user.code).toBe(2);
		expect(user.stderr).toMatch(/^user add demande --role/);
	});
});
