/**
 * The floor a list import is measured against: papaparse streaming the same list, the rows
 * counted into figures by a plain Map (the six rules of generate-list-file.ts written out by
 * hand, no checks), the zeros of the covered months, and a plain better-sqlite3 upsert of the
 * same figures into a table with a unique natural key, in one transaction — nothing else.
 * Usage: tsx scripts/bench/floor-lists.ts FILE DATABASE
 */
import Database from 'better-sqlite3';
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const [file, path] = process.argv.slice(2);
if (!file || !path) throw new Error('usage: floor-lists.ts FILE DATABASE');

const figures = new Map<string, number>();
const add = (key: string, n: number) => figures.set(key, (figures.get(key) ?? 0) + n);
const months = new Set<string>();
const areas = new Set<string>();
let rows = 0;
await new Promise<void>((resolve, reject) => {
	Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8' }) as unknown as File, {
		step({ data }) {
			if (rows++ === 0 || data.length < 7) return; // header, trailing blank line
			const [, date, area, type, sex, fatalities] = data as string[];
			const month = date!.slice(0, 7);
			months.add(month);
			areas.add(area!);
			const t = type!.trim().toLowerCase();
			const at = `${month}|${area}`;
			if (t === 'attack') add(`ATT|${at}|${sex || 'unknown'}`, 1);
			if (t === 'abduction') add(`ABD|${at}|`, 1);
			if (t === 'looting') add(`LOOT|${at}|`, 1);
			if (t === 'clash' || t === 'armed clash') add(`CLASH|${at}|`, 1);
			if (t !== 'threat') add(`FAT|${at}|`, Number(fatalities));
			if (t === 'threat' || t === 'other') add(`THR|${at}|`, 1);
		},
		complete: () => resolve(),
		error: reject
	});
});
// no event is a zero: every month and area a rule matched nothing in
for (const indicator of ['ATT', 'ABD', 'LOOT', 'CLASH', 'FAT', 'THR']) {
	for (const month of months) {
		for (const area of areas) {
			const at = `${indicator}|${month}|${area}|`;
			if (indicator === 'ATT') {
				if (!['female', 'male', 'unknown'].some((s) => figures.has(at + s))) figures.set(at, 0);
			} else if (!figures.has(at)) figures.set(at, 0);
		}
	}
}

const db = new Database(path);
db.pragma('journal_mode = WAL');
db.exec(`CREATE TABLE IF NOT EXISTS figures (
	indicator_code TEXT NOT NULL, period TEXT NOT NULL, area_code TEXT NOT NULL,
	sex TEXT NOT NULL, value REAL, UNIQUE (indicator_code, period, area_code, sex))`);
const upsert = db.prepare(`INSERT INTO figures VALUES (?, ?, ?, ?, ?)
	ON CONFLICT DO UPDATE SET value = excluded.value`);
db.exec('BEGIN');
for (const [key, value] of figures) {
	const [indicator, month, area, sex] = key.split('|');
	upsert.run(indicator, month, area, sex, value);
}
db.exec('COMMIT');
console.log(JSON.stringify({ rows: rows - 1, figures: figures.size }));
