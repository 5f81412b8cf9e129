/**
 * The planner's import workflow on a real SQLite database and real files on disk: staging,
 * column and value mapping, the preview (a dry run of the importer), committing whole or only
 * the valid rows, saved sources, and Excel workbooks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { commitStaged, previewStaged } from '../../../src/lib/server/imports/workspace/check';
import { analyse, kindOf, mappingStep } from '../../../src/lib/server/imports/workspace/mapping';
import { progressOf } from '../../../src/lib/server/imports/workspace/progress';
import { stageFile } from '../../../src/lib/server/imports/workspace/stage-file';
import { saveStaged, type StagedFile } from '../../../src/lib/server/imports/workspace/staging';
import { freshDb, importBasic, tableCounts } from '../../helpers/db';

let staging: string;
beforeAll(() => {
	staging = mkdtempSync(join(tmpdir(), 'cpas-staging-test-'));
	process.env.CPAS_STAGING_DIR = staging;
});
afterAll(() => {
	rmSync(staging, { recursive: true, force: true });
	delete process.env.CPAS_STAGING_DIR;
});

const text = (s: string) => new TextEncoder().encode(s);

async function staged(name: string, bytes: Uint8Array): Promise<StagedFile> {
	const file = await stageFile(freshDb(), LOCAL_ADMINISTRATOR, name, bytes);
	if ('message' in file) throw new Error(file.message);
	return file;
}

/** Stages a file and applies the mapping the page would propose. */
async function proposed(db: Db, name: string, content: string) {
	const file = await staged(name, text(content));
	const analysis = await analyse(db, LOCAL_ADMINISTRATOR, file);
	const step = mappingStep(db, LOCAL_ADMINISTRATOR, file, analysis);
	return { file, analysis, step };
}

async function seeded(): Promise<Db> {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	return db;
}

const FRENCH = [
	'Indicateur;Période;Région;Sexe;Valeur',
	'K1;2024-03;North One;F;6',
	'',
	'K1;2024-03;North One;H;x',
	'K1;2024-03;Nowhere;F;2',
	'K1;2024-01;N2;F;9'
].join('\n');

describe('mapping a file with its own headers', () => {
	test('French headers and local values are proposed, and the preview checks every line', async () => {
		const db = await seeded();
		const before = tableCounts(db);
		const { file, analysis, step } = await proposed(db, 'incidents.csv', FRENCH);
		expect(analysis.rows).toBe(4);
		expect(step.kind).toBe('observations');
		expect(step.mapping.columns).toEqual({
			Indicateur: 'indicator_code',
			Période: 'period',
			Région: 'area_code',
			Sexe: 'sex',
			Valeur: 'value'
		});
		const regions = step.valueColumns.find((c) => c.target === 'area_code')!;
		expect(regions.unknown).toEqual([
			{ value: 'North One', suggestion: 'N1' },
			{ value: 'Nowhere', suggestion: null }
		]);
		const sexes = step.valueColumns.find((c) => c.target === 'sex')!;
		expect(sexes.unknown).toEqual([
			{ value: 'F', suggestion: 'female' },
			{ value: 'H', suggestion: 'male' }
		]);

		const mapping = {
			columns: step.mapping.columns,
			values: { area_code: { 'North One': 'N1' }, sex: { F: 'female', H: 'male' } }
		};
		const preview = await previewStaged(db, LOCAL_ADMINISTRATOR, file, mapping);
		// lines as in the planner's file: the blank line 3 still counts
		expect(preview.errors.map((e) => [e.line, e.column, e.value])).toEqual([
			[4, 'value', 'x'],
			[5, 'area_code', 'Nowhere']
		]);
		expect(preview).toMatchObject({ rows: 4, inserted: 1, updated: 1, unchanged: 0 });
		expect(preview.changes).toEqual([
			{ line: 6, period: '2024-01', column: 'value', old: 3, new: 9 }
		]);
		expect(tableCounts(db)).toEqual(before);
	});

	test('a file with errors is not committed whole; nothing is written', async () => {
		const db = await seeded();
		const before = tableCounts(db);
		const { file, step } = await proposed(db, 'incidents.csv', FRENCH);
		const mapping = { ...step.mapping, kind: 'observations' as const };
		const report = await commitStaged(db, LOCAL_ADMINISTRATOR, file, mapping, {
			validOnly: false,
			saveAs: 'Never saved'
		});
		expect(report.batchId).toBeUndefined();
		expect(report.errors.length).toBeGreaterThan(0);
		expect(tableCounts(db)).toEqual(before);
		expect(db.$client.prepare('SELECT COUNT(*) AS n FROM import_sources').get()).toEqual({ n: 0 });
	});

	test('only the valid rows: the others are kept with the batch, which records the upload', async () => {
		const db = await seeded();
		const { file, step } = await proposed(db, 'incidents.csv', FRENCH);
		const mapping = { ...step.mapping, kind: 'observations' as const };
		const report = await commitStaged(db, LOCAL_ADMINISTRATOR, file, mapping, {
			validOnly: true,
			saveAs: 'Incident database, monthly export'
		});
		expect(report.errors).toEqual([]);
		expect(report).toMatchObject({ rows: 2, inserted: 1, updated: 1 });
		const batch = db.$client
			.prepare('SELECT sha256, size_bytes, file_name FROM import_batches WHERE id = ?')
			.get(report.batchId);
		expect(batch).toEqual({
			sha256: file.sha256,
			size_bytes: file.sizeBytes,
			file_name: 'incidents.csv'
		});
		const skipped = db.$client
			.prepare(
				'SELECT line, "column", value FROM import_skipped_rows WHERE batch_id = ? ORDER BY line'
			)
			.raw(true)
			.all(report.batchId);
		expect(skipped).toEqual([
			[4, 'value', 'x'],
			[5, 'area_code', 'Nowhere']
		]);
		// provenance points at the planner's line
		const lines = db.$client
			.prepare('SELECT source_line FROM observations WHERE batch_id = ? ORDER BY source_line')
			.raw(true)
			.all(report.batchId);
		expect(lines).toEqual([[2], [6]]);

		// the next file from the same source is mapped the same way, values included
		const next = await proposed(
			db,
			'incidents-april.csv',
			'INDICATEUR;periode;Region;Sexe;Valeur\nK1;2024-04;North One;F;1\n'
		);
		expect(next.step.source).toBe('Incident database, monthly export');
		expect(next.step.mapping.values).toEqual({
			area_code: { 'North One': 'N1' },
			sex: { F: 'female', H: 'male' }
		});
		const again = await previewStaged(db, LOCAL_ADMINISTRATOR, next.file, next.step.mapping);
		expect(again).toMatchObject({ errors: [], inserted: 1 });
	});

	test('only the valid rows cannot be taken when a problem concerns the whole file', async () => {
		const db = await seeded();
		const before = tableCounts(db);
		const { file, step } = await proposed(db, 'incidents.csv', FRENCH);
		// the period left out: still observations by its header, but no line can stand on its own
		const columns = { ...step.mapping.columns, Période: null };
		const report = await commitStaged(
			db,
			LOCAL_ADMINISTRATOR,
			file,
			{ ...step.mapping, columns, kind: 'observations' },
			{ validOnly: true, saveAs: null }
		);
		expect(report.batchId).toBeUndefined();
		expect(report.errors[0]!.message).toMatch(/concern the whole file/);
		expect(tableCounts(db)).toEqual(before);
	});

	test('two headers on one column, or a mapping that makes no kind', async () => {
		const db = await seeded();
		const { step } = await proposed(db, 'odd.csv', 'Reporter;Phone\nA;1\n');
		expect(step.kind).toBeNull();
		expect(kindOf({ columns: { a: 'indicator_code', b: 'period', c: 'value' }, values: {} })).toBe(
			'observations'
		);
	});
});

test('a long check reports how many rows it has read, for the progress bar', async () => {
	const db = await seeded();
	const lines = ['Indicator,Month,Province,Total'];
	for (let i = 0; i < 12_000; i++)
		lines.push(
			`K1,${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},N1,${i % 7}`
		);
	const { file, step } = await proposed(db, 'long.csv', lines.join('\n'));
	const seen: number[] = [];
	const watching = setInterval(() => {
		const p = progressOf(file.id);
		if (p) seen.push(p.done);
	}, 1);
	const report = await previewStaged(db, LOCAL_ADMINISTRATOR, file, step.mapping);
	clearInterval(watching);
	expect(report).toMatchObject({ errors: [], rows: 12_000 });
	expect(Math.max(...seen)).toBeGreaterThanOrEqual(5000);
	expect(progressOf(file.id)).toBeNull();
});

describe('Excel workbooks', () => {
	async function workbook(): Promise<Uint8Array> {
		const book = new ExcelJS.Workbook();
		const notes = book.addWorksheet('Notes');
		notes.addRow(['Exported from the incident database']);
		const data = book.addWorksheet('Incidents');
		data.addRow(['Indicator', 'Month', 'Province', 'Total']);
		const row = data.addRow(['K1', new Date(Date.UTC(2024, 4, 1)), 'N1', 12]);
		row.getCell(2).numFmt = 'mmm-yy';
		data.addRow([]);
		data.addRow(['K1', '2024-06', 'N1', { formula: '5+6', result: 11 }]);
		return new Uint8Array(await book.xlsx.writeBuffer());
	}

	test('the sheet is chosen, dates showing no day are months, formulas give their result', async () => {
		const db = await seeded();
		const file = await staged('export.xlsx', await workbook());
		expect(file.sheets).toEqual(['Notes', 'Incidents']);
		expect(file.sheet).toBeNull();
		const chosen = { ...file, sheet: 'Incidents' };
		await saveStaged(chosen);
		const analysis = await analyse(db, LOCAL_ADMINISTRATOR, chosen);
		expect(analysis.headers).toEqual(['Indicator', 'Month', 'Province', 'Total']);
		expect(analysis.sample).toEqual([
			['K1', '2024-05', 'N1', '12'],
			['K1', '2024-06', 'N1', '11']
		]);
		const step = mappingStep(db, LOCAL_ADMINISTRATOR, chosen, analysis);
		expect(step.kind).toBe('observations');
		const report = await commitStaged(
			db,
			LOCAL_ADMINISTRATOR,
			chosen,
			{ ...step.mapping, kind: 'observations' },
			{
				validOnly: false,
				saveAs: null
			}
		);
		expect(report).toMatchObject({ errors: [], inserted: 2 });
		const lines = db.$client
			.prepare(
				'SELECT period, value, source_line FROM observations WHERE batch_id = ? ORDER BY source_line'
			)
			.raw(true)
			.all(report.batchId);
		expect(lines).toEqual([
			['2024-05', 12, 2],
			['2024-06', 11, 4]
		]);
	});

	test('a file that is not a workbook is refused with a message to act on', async () => {
		const refused = await stageFile(
			freshDb(),
			LOCAL_ADMINISTRATOR,
			'broken.xlsx',
			text('not a zip')
		);
		expect(refused).toMatchObject({
			message: expect.stringContaining('could not be read as an Excel workbook')
		});
		expect(await stageFile(freshDb(), LOCAL_ADMINISTRATOR, 'old.xls', text('x'))).toMatchObject({
			message: expect.stringContaining('save it as .xlsx')
		});
	});
});

describe('a file with HXL tags on the import page', () => {
	test('its columns are proposed as its tags say, and it imports by them', async () => {
		const db = await seeded();
		const { file, analysis, step } = await proposed(
			db,
			'hdx.csv',
			[
				'Admin 2 P-Code,Indicator,Reporting period,Value',
				'#adm2+code,#indicator+code,#date+reported,#indicator+value+num',
				'N1,K1,2024-04,6'
			].join('\n')
		);
		expect(analysis.tags).toEqual([
			'#adm2+code',
			'#indicator+code',
			'#date+reported',
			'#indicator+value+num'
		]);
		expect(step.kind).toBe('observations');
		expect(step.mapping.columns).toEqual({
			'Admin 2 P-Code': 'area_code',
			Indicator: 'indicator_code',
			'Reporting period': 'period',
			Value: 'value'
		});
		const report = await previewStaged(db, LOCAL_ADMINISTRATOR, file, step.mapping);
		// the tag row travels into the mapped copy: the record is still line 3
		expect(report).toMatchObject({ kind: 'observations', rows: 1, inserted: 1, errors: [] });
	});
});
