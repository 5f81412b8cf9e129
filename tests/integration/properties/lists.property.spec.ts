/**
 * Lists through `importLists` (formats.md §5.2–§5.3), against a real SQLite database holding a
 * small mission and the `incidents` source (tests/fixtures/lists): generated incident logs,
 * mostly well formed, with random mistakes — impossible or day-first dates, unknown or blank
 * areas, text among the deaths, a column gone. Whatever the list: never a throw; accepted, or
 * refused with every error located; a refusal or a dry run writes nothing; an accepted list
 * imported again changes nothing; and each rule's `matched` is the rows its `where` lets
 * through, counted here directly.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { importLists } from '../../../src/lib/server/lists/import-lists';
import { FIXTURES, freshDb } from '../../helpers/db';
import { propertyTest } from '../../helpers/properties';
import { databaseHash, expectLocated } from './import-checks';

const MISSION = ['areas.csv', 'framework.csv', 'indicators.csv', 'rules.csv'].map((f) => ({
	name: f,
	bytes: readFileSync(join(FIXTURES, 'lists', f))
}));

const HEADER = ['id', 'date', 'area', 'type', 'victim_sex', 'deaths', 'notes'] as const;

async function missionDb(): Promise<Db> {
	const db = freshDb();
	const report = await importFiles(db, LOCAL_ADMINISTRATOR, MISSION);
	if (!report.ok) throw new Error(JSON.stringify(report.files.map((f) => f.errors)));
	return db;
}

const goodDate = fc
	.record({ y: fc.integer({ min: 2022, max: 2024 }), m: fc.integer({ min: 1, max: 12 }) })
	.chain(({ y, m }) =>
		fc
			.integer({ min: 1, max: new Date(Date.UTC(y, m, 0)).getUTCDate() })
			.chain((d) =>
				fc.constantFrom(
					`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
					`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T10:00:00Z`,
					`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} 08:30`
				)
			)
	);
const badDate = fc.constantFrom('2024-02-30', '03/04/2024', '2024-13-01', 'yesterday', '', '2024');
/** Areas by code and by name as a list writes them; Mahagi is the name two areas share. */
const goodArea = fc.constantFrom('N1', 'n2', 'North One', ' north two ', 'S1', 'South One', 'S2');
const badArea = fc.constantFrom('Nowhere', 'Mahagi', '', 'N', 'S');
const type = fc.constantFrom('attack', 'ATTACK ', 'abduction', 'looting', '', 'Attack');
const sex = fc.constantFrom('female', 'male', 'Female', '');
const goodDeaths = fc.oneof(fc.nat({ max: 20 }).map(String), fc.constant(''));
const badDeaths = fc.constantFrom('abc', '-3', '1e400', 'two');
const notes = fc.constantFrom('', 'Armed men came at dawn', 'a "quoted" note, with a comma');

/** One row: mostly good cells, now and then a mistake. */
const row = fc.record({
	date: fc.oneof({ weight: 20, arbitrary: goodDate }, { weight: 1, arbitrary: badDate }),
	area: fc.oneof({ weight: 20, arbitrary: goodArea }, { weight: 1, arbitrary: badArea }),
	type,
	sex,
	deaths: fc.oneof({ weight: 20, arbitrary: goodDeaths }, { weight: 1, arbitrary: badDeaths }),
	notes
});

type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;

function csvCell(text: string): string {
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The list as an export writes it, with a column dropped now and then. */
function listFile(rows: readonly Row[], dropped: number | null): string {
	const columns = HEADER.filter((_, i) => i !== dropped);
	const lines = [columns.join(',')];
	rows.forEach((r, i) => {
		const cells: Record<(typeof HEADER)[number], string> = {
			id: String(i + 1),
			date: r.date,
			area: r.area,
			type: r.type,
			victim_sex: r.sex,
			deaths: r.deaths,
			notes: r.notes
		};
		lines.push(columns.map((c) => csvCell(cells[c])).join(','));
	});
	return lines.join('\n') + '\n';
}

propertyTest(
	'lists',
	'a list is accepted, or refused with located errors and nothing written; matched is counted right',
	{ short: 40, share: 1 },
	() => {
		let db: Db | null = null;
		let uses = 0;
		return fc.asyncProperty(
			fc.array(row, { minLength: 0, maxLength: 30 }),
			fc.option(fc.integer({ min: 0, max: HEADER.length - 1 }), { freq: 8 }),
			fc.boolean(),
			async (rows, dropped, dryRun) => {
				if (!db || uses++ >= 100) {
					db?.$client.close();
					db = await missionDb();
					uses = 1;
				}
				const text = listFile(rows, dropped);
				const file = { name: 'incidents.csv', bytes: new TextEncoder().encode(text) };
				const before = databaseHash(db);
				const report = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [file], {
					dryRun
				});
				const [result] = report.files;
				expect(result!.kind).toBe('list');
				const header = HEADER.filter((_, i) => i !== dropped);
				const lines = new Set(rows.map((_, i) => i + 2));
				// a refusal may name a column the rules read that the file lacks
				const contract = [...HEADER];
				for (const error of result!.errors) expectLocated(error, { file, lines, header, contract });
				expect(report.ok).toBe(result!.errors.length === 0);
				if (!report.ok || dryRun) {
					expect(databaseHash(db), 'a refusal or a dry run wrote nothing').toBe(before);
				}
				if (!report.ok) return;
				// every column the rules read is there, so each rule saw every row
				const civ = rows.filter((r) =>
					['attack', 'abduction'].includes(r.type.trim().toLowerCase())
				).length;
				expect(result!.rules).toEqual([
					expect.objectContaining({ indicator: 'CIV', matched: civ }),
					expect.objectContaining({ indicator: 'DEATHS', matched: rows.length })
				]);
				if (dryRun) return;
				const again = await importLists(db, LOCAL_ADMINISTRATOR, 'incidents', [file]);
				expect(again.files[0]).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
			}
		);
	}
);
