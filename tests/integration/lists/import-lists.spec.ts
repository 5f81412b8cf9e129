/**
 * Lists become figures (formats.md §5.2–§5.3) on a real in-memory database: the report, the
 * zeros, writing as observations do (same list again: nothing changes), replacing within the
 * coverage, provenance, undo, audit, several files, the preview, and the refusals.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { undoBatch } from '../../../src/lib/server/imports/undo';
import { listFigureProvenance } from '../../../src/lib/server/observations/provenance';
import { importLists } from '../../../src/lib/server/lists/import-lists';
import { csv, freshDb, latestBatchId, tableCounts } from '../../helpers/db';
import { listMission, listRule, storeRules, storedFigures } from '../../helpers/lists';

const LOG = `id,date,area,type,victim_sex,deaths,notes
1,2024-01-03,N1,attack,female,2,Shots fired near the market
2,2024-01-20T10:00:00Z,north one,Attack ,male,,
3,2024-01-21 08:00,N2,looting,,1,
4,2024-03-02,N1,ATTACK,Female,4,
5,2024-03-05,North Two,abduction,female,0,
`;

let db: Db;

beforeEach(async () => {
	db = freshDb();
	await listMission(db);
	storeRules(db, 'incidents', [
		listRule(
			'CIV',
			{ kind: 'count' },
			{
				where: [{ column: 'type', negated: false, values: ['attack', 'abduction'] }],
				dimensions: [{ dimension: 'sex', column: 'victim_sex' }]
			}
		),
		listRule('DEATHS', { kind: 'sum', column: 'deaths' }, { verification: 'unverified' })
	]);
});

function list(text: string, name = 'log.csv') {
	return csv(name, text);
}

describe('a list through its source (formats.md §5.2)', () => {
	test('the report: kind list, rows read, figures counted, per rule matched and figures', async () => {
		const report = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(LOG)]);
		expect(report.ok).toBe(true);
		const [file] = report.files;
		expect(file).toMatchObject({
			file: 'log.csv',
			kind: 'list',
			rows: 5,
			inserted: 9,
			updated: 0,
			unchanged: 0,
			removed: 0,
			errors: [],
			rules: [
				{ indicator: 'CIV', matched: 4, figures: 7 },
				{ indicator: 'DEATHS', matched: 5, figures: 2 }
			]
		});
		expect(storedFigures(db, 'CIV')).toEqual([
			'2024-01 N1 {sex:female} = 1',
			'2024-01 N1 {sex:male} = 1',
			'2024-01 N2 {} = 0',
			'2024-02 N1 {} = 0',
			'2024-02 N2 {} = 0',
			'2024-03 N1 {sex:female} = 1',
			'2024-03 N2 {sex:female} = 1'
		]);
		expect(storedFigures(db, 'DEATHS')).toEqual(['2024-Q1 N1 {} = 6', '2024-Q1 N2 {} = 1']);
	});

	test("figures carry the source, the rule's verification and the rows behind them", async () => {
		await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(LOG)]);
		const rows = db.$client
			.prepare(
				`SELECT i.code, o.period, o.source, o.verification, o.list_rows AS rows, o.value_type AS type
				 FROM observations o JOIN indicators i ON i.id = o.indicator_id ORDER BY i.code, o.id`
			)
			.all() as {
			code: string;
			source: string;
			verification: string | null;
			rows: number;
			type: string;
		}[];
		expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['incidents']));
		expect(new Set(rows.map((r) => r.type))).toEqual(new Set(['actual']));
		expect(rows.filter((r) => r.code === 'DEATHS').map((r) => [r.verification, r.rows])).toEqual([
			['unverified', 3],
			['unverified', 2]
		]);
		expect(rows.filter((r) => r.code === 'CIV').every((r) => r.verification === null)).toBe(true);
	});

	test("provenance keeps the rows behind each figure, the file's SHA-256 and the source", async () => {
		await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(LOG)]);
		const sha = createHash('sha256').update(LOG).digest('hex');
		const loaded = listFigureProvenance(db, LOCAL_ADMINISTRATOR, 'DEATHS', {});
		if (!loaded.ok) throw new Error(loaded.message);
		expect(loaded.figures.map((f) => [f.area, f.listRows, f.fileName, f.sha256, f.source])).toEqual(
			[
				['N1', 3, 'log.csv', sha, 'incidents'],
				['N2', 2, 'log.csv', sha, 'incidents']
			]
		);
	});

	test('the same list again: 0 inserted, 0 updated, every figure unchanged', async () => {
		await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(LOG)]);
		const again = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(LOG)]);
		expect(again.files[0]).toMatchObject({ inserted: 0, updated: 0, unchanged: 9, removed: 0 });
	});

	test('a corrected export replaces within its coverage only, counting what it removes', async () => {
		await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(LOG)]);
		// an older figure of the rule, outside the new list's coverage, stays
		const earlier = `id,date,area,type,victim_sex,deaths
9,2023-12-30,S,attack,male,1
`;
		await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(earlier, 'december.csv')]);
		// event 2 deleted (January N1 male gone), event 5 now looting (March N2 becomes 0)
		const corrected = LOG.split('\n')
			.filter((l) => !l.startsWith('2,'))
			.join('\n')
			.replace('North Two,abduction', 'North Two,looting');
		const report = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(corrected)]);
		expect(report.ok).toBe(true);
		expect(report.files[0]).toMatchObject({
			removed: 2,
			rules: [{ matched: 2, figures: 6 }, { figures: 2 }]
		});
		expect(storedFigures(db, 'CIV')).toEqual([
			'2023-12 S {sex:male} = 1',
			'2024-01 N1 {sex:female} = 1',
			'2024-01 N2 {} = 0',
			'2024-02 N1 {} = 0',
			'2024-02 N2 {} = 0',
			'2024-03 N1 {sex:female} = 1',
			'2024-03 N2 {} = 0'
		]);
	});

	test('covered areas include those where the rule holds figures: events all deleted become 0', async () => {
		await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(LOG)]);
		const onlyN1 = LOG.split('\n')
			.filter((l) => !/,N2,|North Two/.test(l))
			.join('\n');
		const report = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(onlyN1)]);
		expect(report.ok).toBe(true);
		expect(storedFigures(db, 'CIV').filter((f) => f.includes(' N2 '))).toEqual([
			'2024-01 N2 {} = 0',
			'2024-02 N2 {} = 0',
			'2024-03 N2 {} = 0'
		]);
		expect(storedFigures(db, 'DEATHS')).toContain('2024-Q1 N2 {} = 0');
	});

	test('undo puts back what the list changed and removed, and deletes what it added', async () => {
		await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(LOG)]);
		const before = { civ: storedFigures(db, 'CIV'), deaths: storedFigures(db, 'DEATHS') };
		const corrected = LOG.replace(
			'2024-03-05,North Two,abduction',
			'2024-04-05,North Two,abduction'
		);
		const report = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(corrected)]);
		expect(report.files[0]!.removed).toBeGreaterThan(0);
		const undone = undoBatch(db, LOCAL_ADMINISTRATOR, latestBatchId(db));
		expect(undone.ok).toBe(true);
		expect(storedFigures(db, 'CIV')).toEqual(before.civ);
		expect(storedFigures(db, 'DEATHS')).toEqual(before.deaths);
	});

	test('a dry run reports and writes nothing', async () => {
		const counts = tableCounts(db);
		const report = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(LOG)], {
			dryRun: true
		});
		expect(report).toMatchObject({ ok: true, dryRun: true });
		expect(report.files[0]!.inserted).toBe(9);
		expect(tableCounts(db)).toEqual(counts);
	});

	test('several files: one after another in one transaction, each with its own coverage', async () => {
		const january = LOG.split('\n')
			.filter((l) => !l.includes('2024-03'))
			.join('\n');
		const march = `id,date,area,type,victim_sex,deaths
4,2024-03-02,N1,attack,female,4
`;
		const report = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [
			list(january, 'january.csv'),
			list(march, 'march.csv')
		]);
		expect(report.ok).toBe(true);
		// march covers March alone: January's figures stay; February was never covered by it
		expect(storedFigures(db, 'CIV')).toEqual([
			'2024-01 N1 {sex:female} = 1',
			'2024-01 N1 {sex:male} = 1',
			'2024-01 N2 {} = 0',
			'2024-03 N1 {sex:female} = 1'
		]);
		const bad = `id,date,area,type,victim_sex,deaths
4,2024-03-32,N1,attack,female,4
`;
		const refused = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [
			list(LOG, 'good.csv'),
			list(bad, 'bad.csv')
		]);
		expect(refused.ok).toBe(false);
		expect(refused.files[0]!.errors).toEqual([]);
		expect(storedFigures(db, 'CIV')).toHaveLength(4);
	});

	test('the audit log says who, which source and the counts, never a cell', async () => {
		await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(LOG)]);
		const entries = db.$client
			.prepare(`SELECT action, detail FROM audit_log WHERE action = 'import'`)
			.all()
			.filter((e) => (e as { detail: string }).detail.includes('"list"')) as {
			action: string;
			detail: string;
		}[];
		expect(entries).toHaveLength(1);
		const detail = JSON.parse(entries[0]!.detail);
		expect(detail).toMatchObject({
			file: 'log.csv',
			kind: 'list',
			source: 'incidents',
			rows: 5,
			inserted: 9,
			removed: 0,
			rules: [
				{ indicator: 'CIV', matched: 4, figures: 7 },
				{ indicator: 'DEATHS', matched: 5, figures: 2 }
			]
		});
		expect(entries[0]!.detail).not.toMatch(/Shots|market|attack/i);
	});

	test('the preview: per rule, figures with their status, old and new', async () => {
		await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(LOG)]);
		const corrected = LOG.replace('2024-01-21 08:00,N2,looting', '2024-01-21 08:00,N2,attack')
			.replace('2,2024-01-20T10:00:00Z,north one,Attack ,male,,\n', '')
			.replace('N1,ATTACK,Female,4', 'N1,ATTACK,Female,5');
		const report = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(corrected)], {
			dryRun: true,
			preview: true
		});
		const preview = report.files[0]!.preview!;
		expect(preview.source).toBe('incidents');
		const civ = preview.rules[0]!;
		expect(civ).toMatchObject({
			indicator: 'CIV',
			indicatorTitle: 'Attacks on civilians',
			matched: 4,
			coveredFrom: '2024-01',
			coveredTo: '2024-03',
			counts: { new: 1, changed: 0, unchanged: 5, removed: 2 },
			leftOut: 0
		});
		expect(civ.shown.slice(0, 3)).toEqual([
			expect.objectContaining({
				period: '2024-01',
				area: 'N1',
				dimensions: { sex: 'male' },
				status: 'removed',
				old: 1,
				new: null
			}),
			expect.objectContaining({
				period: '2024-01',
				area: 'N2',
				dimensions: {},
				status: 'removed',
				old: 0,
				new: null
			}),
			expect.objectContaining({
				period: '2024-01',
				area: 'N2',
				dimensions: { sex: 'unknown' },
				status: 'new',
				old: null,
				new: 1,
				rows: 1
			})
		]);
		const deaths = preview.rules[1]!;
		expect(deaths.counts).toEqual({ new: 0, changed: 1, unchanged: 1, removed: 0 });
		expect(deaths.shown[0]).toMatchObject({
			period: '2024-Q1',
			area: 'N1',
			status: 'changed',
			old: 6,
			new: 7
		});
	});
});

describe('refusals: nothing written, each naming line, column and value', () => {
	test('an unknown source names the known ones', async () => {
		const report = await importLists(db, LOCAL_ADMINISTRATOR, 'acled', [list(LOG)]);
		expect(report.ok).toBe(false);
		expect(report.files[0]!.errors[0]).toMatchObject({
			line: null,
			column: 'source',
			value: 'acled'
		});
		expect(report.files[0]!.errors[0]!.message).toMatch(
			/Unknown source "acled".*Known sources: incidents/
		);
	});

	test('the source is found ignoring case', async () => {
		const report = await importLists(db, LOCAL_ADMINISTRATOR, 'INCIDENTS', [list(LOG)]);
		expect(report.ok).toBe(true);
	});

	test('a column a rule names and the file lacks names the rule and the column', async () => {
		const report = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [
			list(LOG.replace('victim_sex', 'sex'))
		]);
		expect(report.ok).toBe(false);
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({ line: 1, column: 'victim_sex', value: null })
		]);
		expect(report.files[0]!.errors[0]!.message).toMatch(/incidents → CIV.*"victim_sex"/);
	});

	test('personal data: a name of §1.0 refuses the list; other _name headers are allowed', async () => {
		const withVictim = LOG.replace('notes', 'victim_name');
		const refused = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(withVictim)]);
		expect(refused.files[0]!.errors[0]).toMatchObject({ line: 1, column: 'victim_name' });
		expect(refused.files[0]!.errors[0]!.message).toMatch(/personal data.*Remove the column/s);
		const inGroup = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [
			list(LOG.replace('notes', 'group_contact/phone'))
		]);
		expect(inGroup.files[0]!.errors[0]).toMatchObject({ column: 'group_contact/phone' });
		const conflict = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [
			list(LOG.replace('notes', 'conflict_name'))
		]);
		expect(conflict.ok).toBe(true);
	});

	test('bad rows: each error once, with its line, column and value; "" for a blank', async () => {
		const counts = tableCounts(db);
		const bad = `id,date,area,type,victim_sex,deaths
1,15/01/2024,N1,attack,female,2
2,2024-01-20,Atlantis,attack,male,1
3,2024-01-21,,attack,male,1
4,2024-01-22,N1,attack,male,two
`;
		const report = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [list(bad)]);
		expect(report.ok).toBe(false);
		expect(report.files[0]!.errors.map((e) => [e.line, e.column, e.value])).toEqual([
			[2, 'date', '15/01/2024'],
			[3, 'area', 'Atlantis'],
			[4, 'area', ''],
			[5, 'deaths', 'two']
		]);
		expect(tableCounts(db)).toEqual(counts);
	});

	test("a planner outside their scope may not write the list's figures", async () => {
		const planner: Actor = {
			username: 'sam',
			role: 'planner',
			cleared: false,
			scope: { components: [], areas: ['S'] }
		} as Actor;
		const report = await importLists(db, planner, 'incidents', [list(LOG)]);
		expect(report.ok).toBe(false);
		expect(report.files[0]!.errors[0]!.message).toMatch(/scope|area/i);
	});
});
