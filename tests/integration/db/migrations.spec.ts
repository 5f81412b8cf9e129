/**
 * Migrations on a database that already holds figures: a migration that rebuilds a table
 * figures refer to (a CHECK widened for a new kind of file) must keep every row and every
 * reference, which SQLite allows only with foreign keys off (db/index.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { createDb } from '../../../src/lib/server/db';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { BASIC } from '../../helpers/db';

const DRIZZLE = join(import.meta.dirname, '../../../drizzle');
let dir: string | undefined;

afterEach(() => {
	delete process.env.CPAS_MIGRATIONS;
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = undefined;
});

/** The project's migrations up to (not including) the one tagged `before`. */
function migrationsBefore(before: string): string {
	const folder = join(dir!, 'drizzle');
	cpSync(DRIZZLE, folder, { recursive: true });
	const journalPath = join(folder, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
	const at = journal.entries.findIndex((e) => e.tag === before);
	expect(at).toBeGreaterThan(0);
	journal.entries = journal.entries.slice(0, at);
	writeFileSync(journalPath, JSON.stringify(journal));
	return folder;
}

/**
 * A database on the migrations before `before`, holding the BASIC mission. Today's importer
 * writes today's columns, so the mission is imported into a current database and its rows
 * copied column by column into the older one, whatever later migrations added.
 */
async function olderMission(file: string, before: string) {
	process.env.CPAS_MIGRATIONS = migrationsBefore(before);
	const older = createDb(file);
	delete process.env.CPAS_MIGRATIONS;
	const currentFile = join(dir!, 'current.sqlite');
	const current = createDb(currentFile);
	expect((await importFiles(current, LOCAL_ADMINISTRATOR, BASIC)).ok).toBe(true);
	current.$client.close();
	const client = older.$client;
	client.pragma('foreign_keys = OFF');
	client.prepare('ATTACH DATABASE ? AS current').run(currentFile);
	// tables of both: a table a later migration dropped (recommendations) stays empty
	const tables = client
		.prepare(
			"SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name IN (SELECT name FROM current.sqlite_master WHERE type = 'table')"
		)
		.pluck()
		.all() as string[];
	client.transaction(() => {
		for (const table of tables) {
			const columns = (client.pragma(`main.table_info(${table})`) as { name: string }[])
				.map((c) => `"${c.name}"`)
				.join(', ');
			client.prepare(`DELETE FROM main."${table}"`).run();
			client
				.prepare(
					`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM current."${table}"`
				)
				.run();
		}
	})();
	client.prepare('DETACH DATABASE current').run();
	client.pragma('foreign_keys = ON');
	return older;
}

/** Rows as they were: only the columns the older row had (later migrations add columns). */
function asBefore(rows: unknown[], before: unknown[]): unknown[] {
	return rows.map((row, i) =>
		Object.fromEntries(
			Object.keys(before[i] as object).map((k) => [k, (row as Record<string, unknown>)[k]])
		)
	);
}

test('the rules kind’s migration keeps the batches, figures and their references', async () => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-migrate-'));
	const file = join(dir, 'cpas.sqlite');
	const older = await olderMission(file, '0010_rules_file_kind');
	const count = (db: typeof older, table: string) =>
		(db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
	const before = { batches: count(older, 'import_batches'), figures: count(older, 'observations') };
	expect(before.figures).toBeGreaterThan(0);
	older.$client.close();

	delete process.env.CPAS_MIGRATIONS;
	const db = createDb(file);
	try {
		expect(count(db, 'import_batches')).toBe(before.batches);
		expect(count(db, 'observations')).toBe(before.figures);
		expect(db.$client.pragma('foreign_key_check')).toEqual([]);
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		// the widened CHECK takes a rules batch and still refuses what is no kind
		const insert = db.$client.prepare(
			"INSERT INTO import_batches (file_name, sha256, size_bytes, kind, rows, inserted, updated, unchanged, actor) VALUES ('r.csv', '', 0, ?, 0, 0, 0, 0, 'x')"
		);
		expect(() => insert.run('rules')).not.toThrow();
		expect(() => insert.run('pictures')).toThrow(/CHECK/);
		// and a figure still cannot point at a batch that does not exist
		expect(() =>
			db.$client
				.prepare(
					'UPDATE observations SET batch_id = 999999 WHERE id = (SELECT min(id) FROM observations)'
				)
				.run()
		).toThrow(/FOREIGN KEY/);
	} finally {
		db.$client.close();
	}
});

test('the average measure’s migration keeps the indicators, their figures and references', async () => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-migrate-'));
	const file = join(dir, 'cpas.sqlite');
	const older = await olderMission(file, '0012_average_measure');
	const indicators = (db: typeof older) =>
		db.$client.prepare('SELECT * FROM indicators ORDER BY id').all();
	const figures = (db: typeof older) =>
		(db.$client.prepare('SELECT count(*) AS n FROM observations').get() as { n: number }).n;
	const before = { indicators: indicators(older), figures: figures(older) };
	expect(before.figures).toBeGreaterThan(0);
	// before it, the CHECK refused the measure
	const average = (db: typeof older, code: string) =>
		db.$client
			.prepare(
				`INSERT INTO indicators (code, title, result_id, category, direction, measure)
				 SELECT ?, 'Days to respond', id, 'capacity', 'decrease', 'average' FROM results LIMIT 1`
			)
			.run(code);
	expect(() => average(older, 'D0')).toThrow(/CHECK/);
	older.$client.close();

	delete process.env.CPAS_MIGRATIONS;
	const db = createDb(file);
	try {
		expect(asBefore(indicators(db), before.indicators)).toEqual(before.indicators);
		expect(figures(db)).toBe(before.figures);
		expect(db.$client.pragma('foreign_key_check')).toEqual([]);
		expect(() => average(db, 'D1')).not.toThrow();
		expect(() =>
			db.$client.prepare("UPDATE indicators SET measure = 'median' WHERE code = 'D1'").run()
		).toThrow(/CHECK/);
		// a figure still cannot point at an indicator that does not exist
		expect(() =>
			db.$client
				.prepare(
					'UPDATE observations SET indicator_id = 999999 WHERE id = (SELECT min(id) FROM observations)'
				)
				.run()
		).toThrow(/FOREIGN KEY/);
	} finally {
		db.$client.close();
	}
});

test('the milestone measure’s migrations keep the indicators and figures, and add empty stages', async () => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-migrate-'));
	const file = join(dir, 'cpas.sqlite');
	const older = await olderMission(file, '0017_milestone');
	const indicators = (db: typeof older) =>
		db.$client.prepare('SELECT * FROM indicators ORDER BY id').all();
	const figures = (db: typeof older) =>
		(db.$client.prepare('SELECT count(*) AS n FROM observations').get() as { n: number }).n;
	const before = { indicators: indicators(older), figures: figures(older) };
	expect(before.figures).toBeGreaterThan(0);
	const milestone = (db: typeof older, code: string) =>
		db.$client
			.prepare(
				`INSERT INTO indicators (code, title, result_id, category, direction, measure)
				 SELECT ?, 'Stage of the plan', id, 'capacity', 'increase', 'milestone' FROM results LIMIT 1`
			)
			.run(code);
	expect(() => milestone(older, 'M0')).toThrow(/CHECK/);
	older.$client.close();

	delete process.env.CPAS_MIGRATIONS;
	const db = createDb(file);
	try {
		expect(asBefore(indicators(db), before.indicators)).toEqual(before.indicators);
		const stages = db.$client.prepare('SELECT stages, stages_fr FROM indicators').all();
		expect(stages.every((s) => JSON.stringify(s) === '{"stages":null,"stages_fr":null}')).toBe(
			true
		);
		expect(figures(db)).toBe(before.figures);
		expect(db.$client.pragma('foreign_key_check')).toEqual([]);
		expect(() => milestone(db, 'M1')).not.toThrow();
		expect(() =>
			db.$client.prepare("UPDATE indicators SET measure = 'stage' WHERE code = 'M1'").run()
		).toThrow(/CHECK/);
	} finally {
		db.$client.close();
	}
});
