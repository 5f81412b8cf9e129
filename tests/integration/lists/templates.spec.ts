/**
 * The templates for public sources: each a rules file that imports cleanly into a mission whose
 * indicators fit it, and that refuses whole, naming each rule, a mission whose indicators differ.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDimensions, parseRuleValue } from '../../../src/lib/domain/lists/rule-text';
import { MEASURES } from '../../../src/lib/domain/vocabulary';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { exportKind } from '../../../src/lib/server/exports/export-files';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { createSource, listSources, loadSource } from '../../../src/lib/server/lists/sources';
import {
	TEMPLATES,
	applyTemplate,
	templateIndicators,
	templateText,
	type RulesTemplate
} from '../../../src/lib/server/lists/templates';
import { csv, fixture, freshDb } from '../../helpers/db';

const planner: Actor = { username: 'amina', role: 'planner', cleared: false };
const FOLDER = join(import.meta.dirname, '../../../src/lib/server/lists/templates');

const MEASURE_FOR = {
	count: 'count',
	sum: 'count',
	share: 'percent',
	mean: 'average',
	days: 'average'
};

/** An indicators file declaring what the template's rules need: measure and dimensions. */
function fittingIndicators(template: RulesTemplate): string {
	const lines = templateText(template)
		.trim()
		.split('\n')
		.slice(1)
		.map((line) => {
			const cells = line
				.match(/("[^"]*"|[^,]*)(,|$)/g)!
				.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
			const value = parseRuleValue(cells[2]!);
			const dims = parseDimensions(cells[6]!);
			if (!value.ok || !dims.ok) throw new Error(`template ${template.id}: ${line}`);
			const measure = MEASURE_FOR[value.value.kind];
			return `${cells[1]},Indicator ${cells[1]},PO1-IM1,situation,decrease,${measure},month,${dims.value.map((d) => d.dimension).join(';')}`;
		});
	return `indicator_code,indicator_title,result_code,category,direction,measure,frequency,dimensions\n${lines.join('\n')}\n`;
}

async function missionFitting(template: RulesTemplate): Promise<Db> {
	const db = freshDb();
	const report = await importFiles(db, LOCAL_ADMINISTRATOR, [
		fixture('basic', 'areas.csv'),
		fixture('basic', 'framework.csv'),
		csv('indicators.csv', fittingIndicators(template))
	]);
	expect(report.ok, JSON.stringify(report.files.map((f) => f.errors))).toBe(true);
	return db;
}

const averageKnown = (MEASURES as readonly string[]).includes('average');
const usesAverage = (t: RulesTemplate) => /\b(days|mean)\(/.test(templateText(t));

describe('each template', () => {
	test('is a file in templates/, named for its id', () => {
		expect(TEMPLATES.map((t) => t.id).sort()).toEqual([
			'acled',
			'alert-register',
			'kobo-perception',
			'ucdp-ged'
		]);
		for (const t of TEMPLATES) {
			expect(templateText(t)).toBe(readFileSync(join(FOLDER, `${t.id}.csv`), 'utf8'));
		}
	});

	// the alert register's 2.2.3 is an average: it fits once the product has that measure
	test.each(TEMPLATES.filter((t) => averageKnown || !usesAverage(t)))(
		'$id imports cleanly into a mission whose indicators fit it, and exports as written',
		async (template) => {
			const db = await missionFitting(template);
			const result = await applyTemplate(db, planner, template.id, template.id);
			expect(result).toEqual({
				ok: true,
				name: template.id,
				rules: templateIndicators(template).length
			});
			const exported = exportKind(db, LOCAL_ADMINISTRATOR, 'rules');
			expect(exported.ok && [...exported.chunks].join('')).toBe(templateText(template));
		}
	);

	test('the command line imports a template file as it is', async () => {
		const template = TEMPLATES.find((t) => t.id === 'acled')!;
		const db = await missionFitting(template);
		const report = await importFiles(db, planner, [
			{ name: 'acled.csv', bytes: readFileSync(join(FOLDER, 'acled.csv')) }
		]);
		expect(report.files[0]).toMatchObject({ kind: 'rules', inserted: 5, errors: [] });
	});
});

describe('applying a template', () => {
	test('to a mission whose indicators differ fails whole, naming each rule, and writes nothing', async () => {
		const db = freshDb();
		// the basic mission has 1.2.1 as a rate per 100,000 and no 1.1.1 or 1.2.3
		await importFiles(
			db,
			LOCAL_ADMINISTRATOR,
			['areas.csv', 'framework.csv', 'indicators.csv'].map((f) => fixture('basic', f))
		);
		const result = await applyTemplate(db, planner, 'ucdp-ged', 'ucdp-ged');
		expect(result.ok).toBe(false);
		const message = !result.ok ? result.errors.form! : '';
		expect(message).toMatch(
			/^The UCDP Georeferenced Event Dataset template does not fit this mission's indicators, so nothing was applied\./
		);
		expect(message).toContain('1.1.1: Unknown indicator "1.1.1"');
		expect(message).toContain(
			'1.2.1: sum needs an indicator of measure count or number; 1.2.1 is a per_100k indicator.'
		);
		expect(message).toContain('1.2.3: Unknown indicator "1.2.3"');
		expect(message).not.toMatch(/\bline\b/);
		expect(listSources(db, { retired: true })).toEqual([]);
	});

	test('with only the rules the mission can take', async () => {
		const db = await missionFitting(TEMPLATES.find((t) => t.id === 'ucdp-ged')!);
		const result = await applyTemplate(db, planner, 'ucdp-ged', 'UCDP', ['1.2.3', '1.1.1']);
		expect(result).toEqual({ ok: true, name: 'UCDP', rules: 2 });
		expect(loadSource(db, 'ucdp')?.rules.map((r) => [r.source, r.indicatorCode])).toEqual([
			['UCDP', '1.1.1'],
			['UCDP', '1.2.3']
		]);
	});

	test('refuses a name taken or malformed, an unknown template, and no rule at all', async () => {
		const db = await missionFitting(TEMPLATES.find((t) => t.id === 'acled')!);
		createSource(db, planner, { name: 'ACLED' });
		expect(await applyTemplate(db, planner, 'acled', 'acled')).toEqual({
			ok: false,
			errors: {
				name: 'A source called "ACLED" exists; a template starts a new source, so choose another name.'
			}
		});
		expect(await applyTemplate(db, planner, 'acled', 'my acled')).toMatchObject({
			ok: false,
			errors: { name: expect.stringContaining('letters, digits') }
		});
		expect(await applyTemplate(db, planner, 'gdelt', 'gdelt')).toMatchObject({
			ok: false,
			errors: { template: expect.stringContaining('ucdp-ged') }
		});
		expect(await applyTemplate(db, planner, 'acled', 'acled-2', [])).toMatchObject({
			ok: false,
			errors: { indicators: expect.any(String) }
		});
		expect(listSources(db).map((s) => [s.name, s.rules])).toEqual([['ACLED', 0]]);
	});
});
