import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LOCAL_ADMINISTRATOR } from '../../src/lib/server/actor';
import { createDb, type Db } from '../../src/lib/server/db';
import { importFiles, type IncomingFile } from '../../src/lib/server/imports/import-files';
import type { FileKind } from '../../src/lib/domain/vocabulary';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A fresh, migrated in-memory database: real SQLite, nothing mocked. */
export function freshDb(): Db {
	return createDb(':memory:');
}

export function fixture(...path: string[]): IncomingFile {
	const full = join(FIXTURES, ...path);
	return { name: basename(full), bytes: readFileSync(full) };
}

export function csv(name: string, text: string): IncomingFile {
	return { name, bytes: new TextEncoder().encode(text) };
}

export const BASIC = ['areas.csv', 'framework.csv', 'indicators.csv', 'observations.csv'].map((f) =>
	fixture('basic', f)
);

export function importBasic(db: Db) {
	return importFiles(db, LOCAL_ADMINISTRATOR, BASIC);
}

/** Row counts of every table that an import writes. */
/** The id of the latest import batch (of one kind, when given); batch ids grow with time. */
export function latestBatchId(db: Db, kind?: FileKind): number {
	const row = kind
		? db.$client.prepare('SELECT max(id) AS id FROM import_batches WHERE kind = ?').get(kind)
		: db.$client.prepare('SELECT max(id) AS id FROM import_batches').get();
	const { id } = row as { id: number | null };
	if (id === null) throw new Error(`No import batch${kind ? ` of ${kind}` : ''} yet.`);
	return id;
}

export function tableCounts(db: Db): Record<string, number> {
	const tables = [
		'areas',
		'area_populations',
		'results',
		'indicators',
		'observations',
		'observation_history',
		'indicator_dimension_sets',
		'import_batches'
	];
	return Object.fromEntries(
		tables.map((t) => [
			t,
			(db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
		])
	);
}
