/**
 * Recognising a dropped file as a list of a saved source (lists/recognise.ts), on a real
 * database: the source whose rules name columns the header carries, names matched as the
 * importer matches them (case, KoboToolbox group paths), ties and misses left to the planner.
 */
import { describe, expect, test } from 'vitest';
import type { ListRule } from '../../../src/lib/domain/lists/rule';
import type { Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { NotAllowed } from '../../../src/lib/server/permissions';
import { missingColumnsText, recogniseList } from '../../../src/lib/server/lists/recognise';
import { replaceRuleSet } from '../../../src/lib/server/lists/sources';
import { freshDb, importBasic } from '../../helpers/db';

const planner: Actor = { username: 'amina', role: 'planner', cleared: false };
const viewer: Actor = { username: 'victor', role: 'viewer', cleared: false };

const incidents: ListRule = {
	source: 'incidents',
	indicatorCode: 'K1',
	value: { kind: 'count' },
	dateColumn: 'event_date',
	areaColumn: 'admin1',
	where: [{ column: 'event_type', negated: false, values: ['Attack'] }],
	dimensions: [{ dimension: 'sex', column: 'victim_sex' }],
	weightColumn: null,
	unlocatedArea: null,
	verification: null
};

const survey: ListRule = {
	...incidents,
	source: 'survey',
	indicatorCode: 'K2',
	value: { kind: 'share', column: 'feel_safe', values: ['yes'] },
	dateColumn: '_submission_time',
	areaColumn: 'province',
	where: [],
	dimensions: [],
	weightColumn: 'weight'
};

function store(db: Db, name: string, rules: ListRule[]) {
	const id = (code: string) =>
		(db.$client.prepare('SELECT id FROM indicators WHERE code = ?').get(code) as { id: number }).id;
	db.transaction((tx) =>
		replaceRuleSet(
			tx,
			planner,
			name,
			rules.map((rule) => ({ rule, indicatorId: id(rule.indicatorCode), unlocatedAreaId: null })),
			null
		)
	);
}

async function withSources(): Promise<Db> {
	const db = freshDb();
	await importBasic(db);
	store(db, 'incidents', [incidents]);
	store(db, 'survey', [survey]);
	return db;
}

describe('recogniseList', () => {
	test('names the source whose rules name columns the header all carries, ignoring case', async () => {
		const db = await withSources();
		const headers = ['Event_Date', 'ADMIN1', 'event_type', 'victim_sex', 'notes'];
		const found = recogniseList(db, planner, headers);
		expect(found.recognised).toBe('incidents');
		expect(found.fits[0]).toEqual({ source: 'incidents', columns: 4, missing: [] });
		expect(found.fits[1]!.source).toBe('survey');
		expect(found.fits[1]!.missing.map((m) => m.column)).toEqual([
			'_submission_time',
			'province',
			'feel_safe',
			'weight'
		]);
	});

	test('finds a survey question inside its KoboToolbox group', async () => {
		const db = await withSources();
		const headers = [
			'_submission_time',
			'group_where/province',
			'group_safety/feel_safe',
			'weight'
		];
		expect(recogniseList(db, planner, headers).recognised).toBe('survey');
	});

	test('recognises none when a column is missing, and says which rule reads it', async () => {
		const db = await withSources();
		const found = recogniseList(db, planner, ['event_date', 'admin1', 'event_type']);
		expect(found.recognised).toBeNull();
		expect(missingColumnsText(found.fits[0]!)).toBe(
			'the rule for K1 reads column victim_sex, which the file lacks'
		);
	});

	test('a question two groups ask is ambiguous, not recognised', async () => {
		const db = await withSources();
		const headers = ['_submission_time', 'province', 'a/feel_safe', 'b/feel_safe', 'weight'];
		const found = recogniseList(db, planner, headers);
		expect(found.recognised).toBeNull();
		expect(missingColumnsText(found.fits[0]!)).toContain(
			'could be any of a/feel_safe, b/feel_safe'
		);
	});

	test('two sources fitting equally well recognise none; the more particular one wins', async () => {
		const db = await withSources();
		store(db, 'copy', [{ ...incidents, source: 'copy' }]);
		const headers = ['event_date', 'admin1', 'event_type', 'victim_sex'];
		expect(recogniseList(db, planner, headers).recognised).toBeNull();
		store(db, 'copy', [{ ...incidents, source: 'copy', where: [] }]);
		expect(recogniseList(db, planner, headers).recognised).toBe('incidents');
	});

	test('is for those who import', async () => {
		const db = await withSources();
		expect(() => recogniseList(db, viewer, [])).toThrow(NotAllowed);
	});
});
