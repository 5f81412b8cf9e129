/**
 * The sources store (lists/sources.ts) on a real in-memory database: names unique ignoring
 * case, retire and restore, a rule set replaced whole, rules read back as the shared shape.
 */
import { describe, expect, test } from 'vitest';
import type { ListRule } from '../../../src/lib/domain/lists/rule';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { NotAllowed } from '../../../src/lib/server/permissions';
import {
	createSource,
	describeSource,
	listSources,
	loadSource,
	loadSources,
	replaceRuleSet,
	setSourceRetired,
	unknownSourceMessage,
	type RuleToStore
} from '../../../src/lib/server/lists/sources';
import { freshDb, importBasic } from '../../helpers/db';

const planner: Actor = { username: 'amina', role: 'planner', cleared: false };
const viewer: Actor = { username: 'victor', role: 'viewer', cleared: false };

function idOf(db: Db, table: 'indicators' | 'areas', code: string): number {
	return (db.$client.prepare(`SELECT id FROM ${table} WHERE code = ?`).get(code) as { id: number })
		.id;
}

const incidents: ListRule = {
	source: 'Incidents',
	indicatorCode: 'K1',
	value: { kind: 'count' },
	dateColumn: 'event_date',
	areaColumn: 'admin1',
	where: [{ column: 'event_type', negated: false, values: ['Attack', 'Abduction'] }],
	dimensions: [{ dimension: 'sex', column: 'victim_sex' }],
	weightColumn: null,
	unlocatedArea: 'N',
	verification: 'unverified'
};

const survey: ListRule = {
	...incidents,
	indicatorCode: 'K2',
	value: { kind: 'share', column: 'group_safety/feel_safe', values: ['yes', 'rather yes'] },
	where: [],
	dimensions: [],
	weightColumn: 'weight',
	unlocatedArea: null,
	verification: null
};

function toStore(db: Db, rule: ListRule): RuleToStore {
	return {
		rule,
		indicatorId: idOf(db, 'indicators', rule.indicatorCode),
		unlocatedAreaId: rule.unlocatedArea ? idOf(db, 'areas', rule.unlocatedArea) : null
	};
}

describe('sources', () => {
	test('are created once, named ignoring case, listed by name', () => {
		const db = freshDb();
		expect(createSource(db, planner, { name: 'ucdp-ged', description: ' UCDP events ' })).toEqual({
			ok: true,
			name: 'ucdp-ged'
		});
		expect(createSource(db, planner, { name: 'ACLED' }).ok).toBe(true);
		const again = createSource(db, planner, { name: 'UCDP-GED' });
		expect(again).toEqual({
			ok: false,
			errors: { name: 'A source called "ucdp-ged" exists (names ignore case).' }
		});
		expect(createSource(db, planner, { name: 'bad name' })).toMatchObject({
			ok: false,
			errors: { name: expect.stringContaining('letters, digits') }
		});
		expect(listSources(db).map((s) => [s.name, s.description, s.createdBy, s.rules])).toEqual([
			['ACLED', '', 'amina', 0],
			['ucdp-ged', 'UCDP events', 'amina', 0]
		]);
		// the database itself refuses a second name differing in case
		expect(() =>
			db.$client
				.prepare(
					"INSERT INTO list_sources (name, created_by, changed_by) VALUES ('acled', 'x', 'x')"
				)
				.run()
		).toThrow(/UNIQUE/);
	});

	test('only planners and administrators change them', () => {
		const db = freshDb();
		expect(() => createSource(db, viewer, { name: 'x' })).toThrow(NotAllowed);
		createSource(db, planner, { name: 'x' });
		expect(() => setSourceRetired(db, viewer, 'x', true)).toThrow(NotAllowed);
		expect(() => describeSource(db, viewer, 'x', 'y')).toThrow(NotAllowed);
	});

	test('retired, a source takes no lists and is not listed, until restored', () => {
		const db = freshDb();
		createSource(db, planner, { name: 'alerts' });
		expect(setSourceRetired(db, planner, 'ALERTS', true)).toEqual({ ok: true, name: 'alerts' });
		expect(loadSource(db, 'alerts')).toBeNull();
		expect(listSources(db)).toEqual([]);
		expect(listSources(db, { retired: true })[0]).toMatchObject({
			name: 'alerts',
			retiredBy: 'amina',
			retiredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
		});
		expect(createSource(db, planner, { name: 'Alerts' })).toMatchObject({
			ok: false,
			errors: { name: expect.stringContaining('restore it instead') }
		});
		setSourceRetired(db, planner, 'alerts', false);
		expect(loadSource(db, 'Alerts')).toEqual({ name: 'alerts', rules: [] });
	});

	test('an unknown source is refused naming the known ones', () => {
		const db = freshDb();
		expect(unknownSourceMessage(db, 'x')).toBe(
			'Unknown source "x". No source has been described yet.'
		);
		createSource(db, planner, { name: 'b' });
		createSource(db, planner, { name: 'a' });
		expect(unknownSourceMessage(db, 'x')).toBe('Unknown source "x". Known sources: a, b.');
		expect(describeSource(db, planner, 'x', 'd')).toEqual({
			ok: false,
			errors: { form: 'Unknown source "x". Known sources: a, b.' }
		});
		expect(loadSource(db, 'x')).toBeNull();
	});
});

describe('rule sets', () => {
	test('are replaced whole, and read back as written', async () => {
		const db = freshDb();
		await importBasic(db);
		const first = db.transaction((tx) =>
			replaceRuleSet(tx, planner, 'Incidents', [toStore(db, incidents), toStore(db, survey)], null)
		);
		expect(first).toEqual({
			source: 'Incidents',
			created: true,
			restored: false,
			inserted: 2,
			updated: 0,
			unchanged: 0,
			removed: []
		});
		expect(loadSource(db, 'incidents')).toEqual({ name: 'Incidents', rules: [incidents, survey] });
		expect(loadSources(db)).toEqual([{ name: 'Incidents', rules: [incidents, survey] }]);

		// the same set again changes nothing; a changed rule is updated, a missing one removed
		expect(
			replaceRuleSet(db, planner, 'INCIDENTS', [toStore(db, incidents), toStore(db, survey)], null)
		).toMatchObject({
			inserted: 0,
			updated: 0,
			unchanged: 2,
			removed: []
		});
		const counted: ListRule = { ...incidents, where: [], verification: null, unlocatedArea: null };
		expect(replaceRuleSet(db, planner, 'incidents', [toStore(db, counted)], null)).toMatchObject({
			source: 'Incidents',
			created: false,
			inserted: 0,
			updated: 1,
			unchanged: 0,
			removed: ['K2']
		});
		expect(loadSource(db, 'Incidents')?.rules).toEqual([counted]);
		expect(listSources(db)[0]).toMatchObject({ name: 'Incidents', rules: 1, changedBy: 'amina' });
	});

	test('a rules file for a retired source restores it', async () => {
		const db = freshDb();
		await importBasic(db);
		createSource(db, planner, { name: 'Incidents' });
		setSourceRetired(db, planner, 'Incidents', true);
		expect(
			replaceRuleSet(db, LOCAL_ADMINISTRATOR, 'incidents', [toStore(db, incidents)], null)
		).toMatchObject({
			created: false,
			restored: true,
			inserted: 1
		});
		expect(loadSource(db, 'Incidents')?.rules).toHaveLength(1);
	});
});
