/**
 * A file dropped on /import taken as a list (lists/staged-list.ts), on a real database and real
 * files on disk: recognised by its header, an unknown area spelling offered for mapping, the
 * check per rule with each figure's status, the import, the spelling then kept with the source.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ListRule } from '../../../src/lib/domain/lists/rule';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { analyse } from '../../../src/lib/server/imports/workspace/mapping';
import { stageFile } from '../../../src/lib/server/imports/workspace/stage-file';
import { saveStaged, type StagedFile } from '../../../src/lib/server/imports/workspace/staging';
import { areaSpellings } from '../../../src/lib/server/lists/area-spellings';
import { replaceRuleSet } from '../../../src/lib/server/lists/sources';
import { commitList, listStep, previewList } from '../../../src/lib/server/lists/staged-list';
import { freshDb, importBasic } from '../../helpers/db';

let staging: string;
beforeAll(() => {
	staging = mkdtempSync(join(tmpdir(), 'cpas-staging-test-'));
	process.env.CPAS_STAGING_DIR = staging;
});
afterAll(() => {
	rmSync(staging, { recursive: true, force: true });
	delete process.env.CPAS_STAGING_DIR;
});

const planner: Actor = { username: 'amina', role: 'planner', cleared: false };

const attacks: ListRule = {
	source: 'incidents',
	indicatorCode: 'K1',
	value: { kind: 'count' },
	dateColumn: 'date',
	areaColumn: 'territory',
	where: [{ column: 'type', negated: false, values: ['Attack'] }],
	dimensions: [],
	weightColumn: null,
	unlocatedArea: null,
	verification: null
};

async function withSource(): Promise<Db> {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	const k1 = (
		db.$client.prepare("SELECT id FROM indicators WHERE code = 'K1'").get() as {
			id: number;
		}
	).id;
	db.transaction((tx) =>
		replaceRuleSet(
			tx,
			planner,
			'incidents',
			[{ rule: attacks, indicatorId: k1, unlocatedAreaId: null }],
			null
		)
	);
	return db;
}

const LIST = [
	'date,territory,type,summary',
	'2024-03-02,North One,Attack,Shots fired at the market',
	'2024-03-05,Nord Un,Attack,Village burnt',
	'2024-03-09,N2,Theft,Goats stolen'
].join('\n');

async function staged(name: string, bytes: Uint8Array): Promise<StagedFile> {
	const file = await stageFile(freshDb(), LOCAL_ADMINISTRATOR, name, bytes);
	if ('message' in file) throw new Error(file.message);
	return file;
}

describe('a list dropped on the import page', () => {
	test('is recognised, its unknown area offered, checked per rule, imported, its spelling kept', async () => {
		const db = await withSource();
		let file = await staged('incidents.csv', new TextEncoder().encode(LIST));
		const analysis = await analyse(db, planner, file);
		const step = listStep(db, planner, file, analysis);
		expect(step.source).toBe('incidents');
		expect(step.chosen).toBe(false);
		expect(step.fit?.missing).toEqual([]);
		expect(step.areaColumns).toEqual([
			{
				header: 'territory',
				unknown: [
					{ value: 'Nord Un', message: expect.stringContaining('matches no area'), chosen: null }
				]
			}
		]);

		// checked without the spelling mapped: refused, naming line, column and value
		file = { ...file, list: { source: 'incidents', spellings: {} } };
		await saveStaged(file);
		const refused = await previewList(db, planner, file);
		expect(refused.errors[0]).toMatchObject({ line: 3, column: 'territory', value: 'Nord Un' });

		file = { ...file, list: { source: 'incidents', spellings: { 'Nord Un': 'N1' } } };
		await saveStaged(file);
		expect(listStep(db, planner, file, analysis).areaColumns[0]!.unknown[0]!.chosen).toBe('N1');
		const preview = await previewList(db, planner, file);
		expect(preview.errors).toEqual([]);
		expect(preview.kind).toBe('list');
		expect(preview.rules).toEqual([{ indicator: 'K1', matched: 2, figures: 2 }]);
		const rule = preview.preview!.rules[0]!;
		expect(rule.indicator).toBe('K1');
		expect(rule.shown.map((f) => [f.period, f.area, f.status, f.new])).toEqual(
			expect.arrayContaining([
				['2024-03', 'N1', expect.any(String), 2],
				['2024-03', 'N2', expect.any(String), 0]
			])
		);
		expect(areaSpellings(db, 'incidents')).toEqual([]); // a check keeps nothing

		const report = await commitList(db, planner, file);
		expect(report.errors).toEqual([]);
		expect(report.batchId).toBeGreaterThan(0);
		const batch = db.$client
			.prepare('SELECT kind, sha256 FROM import_batches WHERE id = ?')
			.get(report.batchId) as { kind: string; sha256: string };
		expect(batch).toEqual({ kind: 'list', sha256: file.sha256 });
		expect(areaSpellings(db, 'incidents')).toEqual([{ written: 'Nord Un', area: 'N1' }]);

		// the next export of the source maps the spelling by itself
		const next = await staged('incidents-2.csv', new TextEncoder().encode(LIST));
		const again = listStep(db, planner, next, await analyse(db, planner, next));
		expect(again.areaColumns).toEqual([]);
	});

	test('a workbook is read from its chosen sheet; a source chosen by hand says what the file lacks', async () => {
		const db = await withSource();
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Incidents');
		for (const line of LIST.split('\n')) sheet.addRow(line.split(','));
		let file = await staged('incidents.xlsx', new Uint8Array(await book.xlsx.writeBuffer()));
		file = {
			...file,
			sheet: 'Incidents',
			list: { source: 'incidents', spellings: { 'Nord Un': 'N1' } }
		};
		await saveStaged(file);
		const preview = await previewList(db, planner, file);
		expect(preview.errors).toEqual([]);
		expect(preview.rules).toEqual([{ indicator: 'K1', matched: 2, figures: 2 }]);

		const other = await staged(
			'other.csv',
			new TextEncoder().encode('when,where\n2024-01-01,N1\n')
		);
		const chosen = { ...other, list: { source: 'incidents', spellings: {} } };
		const step = listStep(db, planner, chosen, await analyse(db, planner, chosen));
		expect(step.recognition.recognised).toBeNull();
		expect(step.chosen).toBe(true);
		expect(step.fit?.missing.map((m) => m.column)).toEqual(['date', 'territory', 'type']);
		const refused = await previewList(db, planner, chosen);
		expect(refused.errors[0]!.message).toMatch(/date/);
	});
});
