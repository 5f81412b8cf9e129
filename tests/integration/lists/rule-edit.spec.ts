/**
 * The rules editor's writes and the sample it reads, on a real database and real files: a rule
 * saved through the importer (refused by field), changed, moved to another indicator, removed;
 * a sample list read for its columns and short values, and deleted at once.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../../src/lib/server/actor';
import { readSample } from '../../../src/lib/server/lists/sample';
import { saveRule, type RuleInput } from '../../../src/lib/server/lists/rule-edit';
import { createSource, loadSource, removeRule } from '../../../src/lib/server/lists/sources';
import { entriesAfter, lastId } from '../../helpers/audit';
import { freshDb, importBasic } from '../../helpers/db';

const planner: Actor = { username: 'amina', role: 'planner', cleared: false };

const blank: RuleInput = {
	indicator_code: '',
	value: '',
	date_column: '',
	area_column: '',
	where: '',
	dimensions: '',
	weight_column: '',
	unlocated_area: '',
	verification: ''
};

async function withSource() {
	const db = freshDb();
	await importBasic(db);
	createSource(db, planner, { name: 'incidents' });
	return db;
}

describe('saving a rule', () => {
	test('adds it, changes it, moves it to another indicator, and removes it', async () => {
		const db = await withSource();
		const rule = {
			...blank,
			indicator_code: 'K1',
			value: 'count',
			date_column: 'event_date',
			area_column: 'admin1',
			where: 'event_type=Attack'
		};
		expect(await saveRule(db, planner, 'INCIDENTS', rule, null)).toEqual({
			ok: true,
			source: 'incidents',
			indicator: 'K1'
		});
		expect(
			await saveRule(db, planner, 'incidents', { ...rule, value: 'sum(fatalities)' }, 'K1')
		).toMatchObject({ ok: true });
		expect(loadSource(db, 'incidents')?.rules.map((r) => [r.indicatorCode, r.value.kind])).toEqual([
			['K1', 'sum']
		]);

		// a second rule keeps the first
		const survey = {
			...blank,
			indicator_code: 'K2',
			value: 'share(safe=yes)',
			date_column: 'd',
			area_column: 'a'
		};
		await saveRule(db, planner, 'incidents', survey, null);
		expect(loadSource(db, 'incidents')?.rules.map((r) => r.indicatorCode)).toEqual(['K1', 'K2']);

		// K2's rule may not take K1, which has its own
		expect(
			await saveRule(db, planner, 'incidents', { ...survey, indicator_code: 'K1' }, 'K2')
		).toMatchObject({
			ok: false,
			errors: { indicator_code: expect.stringContaining('has a rule for K1 already') }
		});

		const mark = lastId(db);
		expect(removeRule(db, planner, 'incidents', 'K2')).toEqual({ ok: true, name: 'incidents' });
		expect(entriesAfter(db, mark)).toMatchObject([
			{ action: 'list-source.rules', subject: 'incidents', detail: { removed: ['K2'] } }
		]);
		expect(removeRule(db, planner, 'incidents', 'K2')).toMatchObject({ ok: false });
		expect(loadSource(db, 'incidents')?.rules.map((r) => r.indicatorCode)).toEqual(['K1']);
	});

	test('is refused by field, as the importer finds, and nothing is written', async () => {
		const db = await withSource();
		const result = await saveRule(
			db,
			planner,
			'incidents',
			{
				...blank,
				indicator_code: 'K1',
				value: 'share(x=1)',
				date_column: '',
				area_column: 'a',
				weight_column: 'w'
			},
			null
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				value: expect.stringContaining('share needs an indicator of measure percent'),
				date_column: 'date_column is required.'
			}
		});
		expect(loadSource(db, 'incidents')?.rules).toEqual([]);
		expect(await saveRule(db, planner, 'nope', { ...blank, indicator_code: 'K1' }, null)).toEqual({
			ok: false,
			errors: { form: 'Unknown source "nope". Known sources: incidents.' }
		});
	});
});

describe('a sample list', () => {
	let staging: string;
	beforeAll(() => {
		staging = mkdtempSync(join(tmpdir(), 'cpas-sample-'));
		process.env.CPAS_STAGING_DIR = staging;
	});
	afterAll(() => {
		delete process.env.CPAS_STAGING_DIR;
		rmSync(staging, { recursive: true, force: true });
	});

	test('gives its columns and their short values, and leaves nothing on disk', async () => {
		const db = freshDb();
		const rows = ['event_date,Province,event_type,victim_name,notes'];
		for (let i = 0; i < 60; i++) {
			rows.push(
				`2025-01-${String((i % 28) + 1).padStart(2, '0')},${i % 2 ? 'North' : 'South'},${['Attack', 'Looting'][i % 2]},Person ${i},${'x'.repeat(i % 3 ? 10 : 90)}`
			);
		}
		const result = await readSample(
			db,
			planner,
			'list.csv',
			new TextEncoder().encode(rows.join('\n'))
		);
		expect(result).toEqual({
			ok: true,
			sample: {
				file: 'list.csv',
				rows: 60,
				columns: [
					{ name: 'event_date', values: expect.any(Array), many: false },
					{ name: 'Province', values: ['North', 'South'], many: false },
					{ name: 'event_type', values: ['Attack', 'Looting'], many: false },
					// a personal-data column's values are never read out
					{ name: 'victim_name', values: [], many: true },
					// a value longer than a category: text
					{ name: 'notes', values: [], many: true }
				]
			}
		});
		expect(readdirSync(staging).filter((f) => !f.startsWith('.'))).toEqual(
			readdirSync(staging).filter((f) => f === 'spool')
		);
	});

	test('an empty or binary file is refused with a message', async () => {
		const db = freshDb();
		expect(await readSample(db, planner, 'empty.csv', new Uint8Array())).toEqual({
			ok: false,
			message: '"empty.csv" is empty.'
		});
		const binary = await readSample(db, planner, 'x.csv', new Uint8Array([0, 1, 2, 0, 5]));
		expect(binary.ok).toBe(false);
	});
});
