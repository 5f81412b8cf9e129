/**
 * The importer's refusals and warnings in French (issue 15): every broken file of
 * tests/fixtures/broken/ — files of figures, framework, areas, rules and lists — is refused with
 * the same lines, columns and values whether the messages are written in English or in French;
 * only the words change, and the French ones are French.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import type { FileReport, ImportIssue } from '../../../src/lib/server/imports/report';
import { importLists } from '../../../src/lib/server/lists/import-lists';
import { FIXTURES, freshDb, importBasic } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const BROKEN = join(FIXTURES, 'broken');
const file = (path: string) => ({ name: basename(path), bytes: readFileSync(path) });
const csvFiles = (dir: string) =>
	readdirSync(dir)
		.filter((f) => f.endsWith('.csv'))
		.sort();

/** Where each problem is, which must not depend on the language. */
const located = (issues: ImportIssue[]) => issues.map((i) => [i.line, i.column, i.value]);

/** English words no French message should hold once its quoted values are taken out. */
const ENGLISH = /\b(the|is|are|must|cannot|which|should|write|Unknown|column|value is)\b/;
const unquoted = (message: string) => message.replace(/«[^»]*»/g, '');

function expectSameRefusal(en: FileReport, fr: FileReport): void {
	expect(located(fr.errors)).toEqual(located(en.errors));
	expect(located(fr.warnings)).toEqual(located(en.warnings));
	expect(fr.errorCount).toEqual(en.errorCount);
	for (const [i, e] of en.errors.entries()) {
		const french = fr.errors[i]!.message;
		expect(french, e.message).not.toBe(e.message);
		expect(unquoted(french), french).not.toMatch(ENGLISH);
		// the values as the user wrote them, unchanged
		if (e.value) expect(french.includes(e.value) || !e.message.includes(e.value)).toBe(true);
	}
}

describe('files refused in French and in English', () => {
	let mission: Db;
	beforeAll(async () => {
		mission = freshDb();
		await importBasic(mission);
	});

	test.each(csvFiles(BROKEN))('%s', async (name) => {
		const broken = [file(join(BROKEN, name))];
		const en = (await importFiles(mission, admin, broken, { dryRun: true })).files[0]!;
		const fr = (await inLocale('fr', () => importFiles(mission, admin, broken, { dryRun: true })))
			.files[0]!;
		expect(en.errors.length + en.warnings.length).toBeGreaterThan(0);
		expectSameRefusal(en, fr);
	});
});

describe('lists refused in French and in English', () => {
	let mission: Db;
	beforeAll(async () => {
		mission = freshDb();
		const files = ['areas.csv', 'framework.csv', 'indicators.csv', 'rules.csv'];
		const report = await importFiles(
			mission,
			admin,
			files.map((f) => file(join(FIXTURES, 'lists', f)))
		);
		expect(report.ok).toBe(true);
	});

	const sourceOf = (name: string) =>
		/survey|weight|two-groups|respondent/.test(name)
			? 'survey'
			: /alert|mean-column/.test(name)
				? 'alerts'
				: 'incidents';

	test.each(csvFiles(join(BROKEN, 'lists')))('%s', async (name) => {
		const list = [file(join(BROKEN, 'lists', name))];
		const source = sourceOf(name);
		const en = (await importLists(mission, admin, source, list, { dryRun: true })).files[0]!;
		const fr = (
			await inLocale('fr', () => importLists(mission, admin, source, list, { dryRun: true }))
		).files[0]!;
		expect(en.errors.length).toBeGreaterThan(0);
		expectSameRefusal(en, fr);
	});

	test('an unknown source is refused in French, naming the known sources as written', async () => {
		const list = [file(join(BROKEN, 'lists', 'list-blank-date.csv'))];
		const fr = await inLocale('fr', () => importLists(mission, admin, 'nope', list));
		expect(fr.files[0]!.errors[0]!.message).toMatch(/^Source inconnue\u00a0: «\u00a0nope\u00a0»\./);
	});
});

describe('French as a French reader reads it', () => {
	test('a period refusal keeps the value as written and uses French typography', async () => {
		const db = freshDb();
		await importBasic(db);
		const report = await inLocale('fr', () =>
			importFiles(db, admin, [file(join(BROKEN, 'observations-month-13.csv'))], { dryRun: true })
		);
		const error = report.files[0]!.errors[0]!;
		expect(error).toMatchObject({ column: 'period', value: '2024-13' });
		expect(error.message).toBe(
			'«\u00a02024-13\u00a0» n’est pas une période\u00a0: les mois vont de 01 à 12. ' +
				'Formes acceptées\u00a0: une année (2024), un semestre (2024-H1, 2024H1, 2024-S1 ou ' +
				'2024S1), un trimestre (2024-Q3 ou 2024Q3), un mois (2024-07), un jour (2024-07-15), ' +
				'un exercice budgétaire de juillet à juin (FY2024/25 ou 2024/25) ou une plage de jours ' +
				'(2024-01-01/2024-03-31).'
		);
	});

	test('English stays the default outside a French request', async () => {
		const db = freshDb();
		await importBasic(db);
		const report = await importFiles(db, admin, [file(join(BROKEN, 'observations-month-13.csv'))], {
			dryRun: true
		});
		expect(report.files[0]!.errors[0]!.message).toMatch(
			/^"2024-13" is not a period: months run 01 to 12\./
		);
	});
});
