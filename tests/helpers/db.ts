import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LOCAL_ADMINISTRATOR } from '../../src/lib/server/actor';
import { createDb, type Db } from '../../src/lib/server/db';
import { importFiles, type IncomingFile } from '../../src/lib/server/imports/import-files';

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
