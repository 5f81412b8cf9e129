/**
 * The floor an import is measured against: papaparse streaming plus a plain better-sqlite3
 * upsert of the same rows into a table with a unique natural key, in one transaction, and
 * nothing else — no validation, no history, no counts.
 * Usage: tsx scripts/bench/floor-import.ts FILE DATABASE
 */
import Database from 'better-sqlite3';
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const [file, path] = process.argv.slice(2);
if (!file || !path) throw new Error('usage: floor-import.ts FILE DATABASE');

const db = new Database(path);
db.pragma('journal_mode = WAL');
db.exec(`CREATE TABLE IF NOT EXISTS figures (
	indicator_code TEXT NOT NULL, period TEXT NOT NULL, area_code TEXT NOT NULL,
	sex TEXT NOT NULL, age TEXT NOT NULL, value REAL,
	UNIQUE (indicator_code, period, area_code, sex, age))`);
const upsert = db.prepare(`INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?)
	ON CONFLICT DO UPDATE SET value = excluded.value`);

let rows = 0;
db.exec('BEGIN');
await new Promise<void>((resolve, reject) => {
	Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8' }) as unknown as File, {
		step({ data }) {
			if (rows++ === 0 || data.length < 6) return; // header, trailing blank line
			upsert.run(data[0], data[1], data[2], data[4], data[5], Number(data[3]));
		},
		complete: () => resolve(),
		error: reject
	});
});
db.exec('COMMIT');
console.log(JSON.stringify({ rows: rows - 1 }));
