/**
 * The `rules` kind (formats.md §5.1) through the one importer, on a real in-memory database:
 * recognised before the other kinds, applied after indicators, a file replacing the whole rule
 * set of each source it names, counts of rules, dry run, audit, and the export taken back
 * unchanged. Each refusal has its broken fixture in refusals.spec.ts.
 */
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { exportKind } from '../../../src/lib/server/exports/export-files';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { listSources, loadSource, setSourceRetired } from '../../../src/lib/server/lists/sources';
import { entriesAfter, lastId } from '../../helpers/audit';
import { csv, freshDb, importBasic } from '../../helpers/db';

const HEADER =
	'source,indicator_code,value,date_column,area_column,where,dimensions,weight_column,unlocated_area,verification';
const INCIDENTS_K1 =
	'incidents,K1,count,event_date,admin1,event_type=Attack|Abduction,sex=victim_sex,,N,unverified';
const SURVEY_K2 = 'survey,K2,share(group_safety/feel_safe=yes),today,province,,,weight,,';

const planner: Actor = { username: 'amina', role: 'planner', cleared: false };

function rulesFile(...rows: string[]) {
	return csv('rules.csv', [HEADER, ...rows].join('\n') + '\n');
}

async function importRulesText(db: Db, rows: string[], options = {}, actor = planner) {
	const report = await importFiles(db, actor, [rulesFile(...rows)], options);
	return { report, file: report.files[0]! };
}

async function exportRules(db: Db): Promise<string> {
	const result = exportKind(db, LOCAL_ADMINISTRATOR, 'rules');
	if (!result.ok) throw new Error(result.message);
	return [...result.chunks].join('');
}

describe('a rules file', () => {
	test('is recognised by its columns, though it has indicator_code and value', async () => {
		const db = freshDb();
		await importBasic(db);
		const { report, file } = await importRulesText(db, [INCIDENTS_K1, SURVEY_K2]);
		expect(report.ok).toBe(true);
		expect(file).toMatchObject({
			kind: 'rules',
			rows: 2,
			inserted: 2,
			updated: 0,
			unchanged: 0,
			errors: [],
			warnings: []
		});
		expect(loadSource(db, 'INCIDENTS')).toEqual({
			name: 'incidents',
			rules: [
				{
					source: 'incidents',
					indicatorCode: 'K1',
					value: { kind: 'count' },
					dateColumn: 'event_date',
					areaColumn: 'admin1',
					where: [{ column: 'event_type', negated: false, values: ['Attack', 'Abduction'] }],
					dimensions: [{ dimension: 'sex', column: 'victim_sex' }],
					weightColumn: null,
					unlocatedArea: 'N',
					verification: 'unverified'
				}
			]
		});
		expect(loadSource(db, 'survey')?.rules[0]).toMatchObject({
			value: { kind: 'share', column: 'group_safety/feel_safe', values: ['yes'] },
			weightColumn: 'weight'
		});
	});

	test('only the required columns are needed; headers read as any file’s', async () => {
		const db = freshDb();
		await importBasic(db);
		const report = await importFiles(db, planner, [
			csv('r.csv', 'Source;Indicator Code;VALUE;Date-Column;area column\nalerts;K1;COUNT;d;a\n')
		]);
		expect(report.files[0]).toMatchObject({ kind: 'rules', inserted: 1, errors: [] });
		expect(loadSource(db, 'alerts')?.rules[0]).toMatchObject({
			value: { kind: 'count' },
			where: [],
			dimensions: [],
			weightColumn: null,
			unlocatedArea: null,
			verification: null
		});
	});

	test('is applied after the indicators of the same call, whatever the order given', async () => {
		const db = freshDb();
		await importBasic(db);
		const report = await importFiles(db, planner, [
			rulesFile('incidents,K9,sum(fatalities),event_date,admin1,,,,,'),
			csv(
				'indicators.csv',
				'indicator_code,indicator_title,result_code,category,direction,measure\nK9,Deaths,PO1-IM1,situation,decrease,count\n'
			)
		]);
		expect(report.ok).toBe(true);
		expect(report.files.map((f) => f.kind)).toEqual(['rules', 'indicators']);
		expect(loadSource(db, 'incidents')?.rules.map((r) => r.indicatorCode)).toEqual(['K9']);
	});

	test('gives the whole rule set of each source it names, and only of those', async () => {
		const db = freshDb();
		await importBasic(db);
		await importRulesText(db, [INCIDENTS_K1, SURVEY_K2]);

		// the same again: unchanged; an identical duplicate row is one rule
		const same = await importRulesText(db, [INCIDENTS_K1, INCIDENTS_K1, SURVEY_K2]);
		expect(same.file).toMatchObject({ rows: 3, inserted: 0, updated: 0, unchanged: 2 });

		// incidents now counts K1 by a sum: updated
		const changed = await importRulesText(db, [
			'Incidents,K1,sum(fatalities),event_date,admin1,,,,,'
		]);
		expect(changed.file).toMatchObject({ inserted: 0, updated: 1, unchanged: 0, errors: [] });
		expect(loadSource(db, 'incidents')?.rules[0]?.value).toEqual({
			kind: 'sum',
			column: 'fatalities'
		});
		// survey was not named: untouched
		expect(loadSource(db, 'survey')?.rules).toHaveLength(1);

		// survey's set without K2 is a set without that rule: removed, with a warning naming it
		const moved = await importRulesText(db, ['survey,K1,count,today,province,,,,,']);
		expect(moved.file).toMatchObject({ inserted: 1, updated: 0, unchanged: 0 });
		expect(moved.file.warnings).toEqual([
			{
				line: null,
				column: 'source',
				value: 'survey',
				message:
					'This file gives the whole rule set of source survey, so its rule for K2 is removed (figures already written stay).'
			}
		]);
		expect(loadSource(db, 'survey')?.rules.map((r) => r.indicatorCode)).toEqual(['K1']);
	});

	test('a dry run reports what would change and writes nothing', async () => {
		const db = freshDb();
		await importBasic(db);
		const mark = lastId(db);
		const { report, file } = await importRulesText(db, [INCIDENTS_K1, SURVEY_K2], {
			dryRun: true
		});
		expect(report).toMatchObject({ ok: true, dryRun: true });
		expect(file).toMatchObject({ inserted: 2 });
		expect(listSources(db, { retired: true })).toEqual([]);
		expect(entriesAfter(db, mark)).toEqual([]);
	});

	test('a file with one bad row writes nothing, and counts what would have been written', async () => {
		const db = freshDb();
		await importBasic(db);
		const { report, file } = await importRulesText(db, [
			INCIDENTS_K1,
			SURVEY_K2,
			'survey,K1,count,today,province,,,,,maybe'
		]);
		expect(report.ok).toBe(false);
		expect(file.errors).toEqual([
			expect.objectContaining({ line: 4, column: 'verification', value: 'maybe' })
		]);
		// the sound source counts; the one with a bad row is not replaced
		expect(file.inserted).toBe(1);
		expect(listSources(db)).toEqual([]);
	});

	test('is audited: who, which source, counts', async () => {
		const db = freshDb();
		await importBasic(db);
		await importRulesText(db, [INCIDENTS_K1]);
		const mark = lastId(db);
		await importRulesText(db, ['incidents,K1,count,event_date,admin1,,,,,', SURVEY_K2]);
		const entries = entriesAfter(db, mark);
		expect(entries.map((e) => [e.actor, e.action, e.subject])).toEqual([
			['amina', 'list-source.rules', 'incidents'],
			['amina', 'list-source.rules', 'survey'],
			['amina', 'import', expect.any(String)]
		]);
		expect(entries[0]!.detail).toMatchObject({ inserted: 0, updated: 1, removed: [] });
		expect(entries[1]!.detail).toMatchObject({ inserted: 1, created: true });
		expect(entries[2]!.detail).toMatchObject({ kind: 'rules', rows: 2, inserted: 1, updated: 1 });
	});

	test('restores a retired source it names, saying so', async () => {
		const db = freshDb();
		await importBasic(db);
		await importRulesText(db, [INCIDENTS_K1]);
		setSourceRetired(db, planner, 'incidents', true);
		const { file } = await importRulesText(db, [INCIDENTS_K1]);
		expect(file).toMatchObject({ unchanged: 1 });
		expect(file.warnings[0]?.message).toContain('restores it');
		expect(loadSource(db, 'incidents')).not.toBeNull();
	});

	test('is a planner’s or an administrator’s import', async () => {
		const db = freshDb();
		await importBasic(db);
		const spu: Actor = { username: 'sam', role: 'spu', cleared: false };
		const { report, file } = await importRulesText(db, [INCIDENTS_K1], {}, spu);
		expect(report.ok).toBe(false);
		expect(file.errors[0]?.message).toBe(
			"sam (spu) may not import rules: that is a planner's work. Nothing was imported."
		);
		expect(listSources(db)).toEqual([]);
	});
});

describe('the rules export', () => {
	test('writes every source’s rules in the import format, which imports back unchanged', async () => {
		const db = freshDb();
		await importBasic(db);
		await importRulesText(db, [
			SURVEY_K2,
			INCIDENTS_K1,
			'incidents,K2,"share( q = a | b )",event_date,admin1,"type != x ; y=1","",w,,verified'
		]);
		const text = await exportRules(db);
		expect(text).toBe(
			[
				HEADER,
				'incidents,K1,count,event_date,admin1,event_type=Attack|Abduction,sex=victim_sex,,N,unverified',
				'incidents,K2,share(q=a|b),event_date,admin1,type!=x;y=1,,w,,verified',
				'survey,K2,share(group_safety/feel_safe=yes),today,province,,,weight,,',
				''
			].join('\n')
		);
		const back = await importFiles(db, planner, [csv('rules.csv', text)]);
		expect(back.files[0]).toMatchObject({
			kind: 'rules',
			rows: 3,
			inserted: 0,
			updated: 0,
			unchanged: 3,
			errors: [],
			warnings: []
		});
		expect(await exportRules(db)).toBe(text);
	});

	test('is only the header when no source has rules', async () => {
		const db = freshDb();
		expect(await exportRules(db)).toBe(`${HEADER}\n`);
	});
});
