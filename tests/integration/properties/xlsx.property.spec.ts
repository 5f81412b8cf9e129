/**
 * Workbooks (.xlsx): a small generated workbook — text, numbers, dates, formulas, rich text,
 * blank rows — is staged and its sheet read back as the cells a planner sees, on the lines a
 * spreadsheet shows; a damaged one (cut short, bytes changed, a part replaced by garbage) is
 * refused with a message at staging or reading, never a throw.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { restoreFormulaText } from '../../../src/lib/domain/spreadsheet-text';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { CsvRecord, TableHeader } from '../../../src/lib/server/imports/read-table';
import { readStaged } from '../../../src/lib/server/imports/workspace/read-staged';
import { stageFile } from '../../../src/lib/server/imports/workspace/stage-file';
import { dropStaged } from '../../../src/lib/server/imports/workspace/staging';
import { freshDb } from '../../helpers/db';
import { propertyTest } from '../../helpers/properties';

let folder: string;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'cpas-xlsx-properties-'));
	process.env.CPAS_STAGING_DIR = join(folder, 'staging');
});
afterAll(() => {
	rmSync(folder, { recursive: true, force: true });
	delete process.env.CPAS_STAGING_DIR;
});

/** A cell as written to the workbook, and the text a planner sees in it. */
interface Cell {
	value: ExcelJS.CellValue;
	numFmt?: string;
	text: string;
}

const printable = fc.string({
	unit: fc.constantFrom(...'abcXYZ019 ,;"\'=-é€中\n'),
	maxLength: 10
});

const cell: fc.Arbitrary<Cell> = fc.oneof(
	{ weight: 4, arbitrary: printable.map((s) => ({ value: s, text: s })) },
	{
		weight: 3,
		arbitrary: fc
			.tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.constantFrom(1, 10, 100))
			.map(([n, d]) => ({ value: n / d, text: String(n / d) }))
	},
	{
		weight: 1,
		arbitrary: fc
			.tuple(
				fc.integer({ min: 0, max: 20_000 }),
				fc.constantFrom('yyyy-mm-dd', 'mmm-yy', 'dd/mm/yyyy')
			)
			.map(([days, numFmt]) => {
				const date = new Date(Date.UTC(1995, 0, 1) + days * 86_400_000);
				const iso = date.toISOString();
				return {
					value: date,
					numFmt,
					text: numFmt.includes('d') ? iso.slice(0, 10) : iso.slice(0, 7)
				};
			})
	},
	{
		weight: 1,
		arbitrary: fc
			.integer({ min: 0, max: 999 })
			.map((n) => ({ value: { formula: `${n}+0`, result: n }, text: String(n) }))
	},
	{
		weight: 1,
		arbitrary: fc.array(printable, { minLength: 1, maxLength: 3 }).map((parts) => ({
			value: { richText: parts.map((text) => ({ text, font: { bold: true } })) },
			text: parts.join('')
		}))
	},
	{ weight: 1, arbitrary: fc.constant({ value: null, text: '' }) }
);

const headerName = fc
	.string({ unit: fc.constantFrom(...'abcdefgh _-'), minLength: 1, maxLength: 8 })
	.filter((h) => h.trim() !== '');

const workbook = fc.record({
	header: fc.uniqueArray(headerName, {
		minLength: 1,
		maxLength: 5,
		selector: (h) =>
			h
				.trim()
				.toLowerCase()
				.replace(/[\s\-_]+/g, '_')
	}),
	/** rows after the header, with the gap (blank rows) before each */
	rows: fc.array(fc.tuple(fc.nat(2), fc.array(cell, { maxLength: 6 })), { maxLength: 8 }),
	/** blank rows above the header */
	above: fc.nat(2)
});

type Damage =
	| { kind: 'none' }
	| { kind: 'cut'; at: number }
	| { kind: 'bytes'; at: number[]; byte: number }
	| { kind: 'part'; part: string; garbage: string };

const damage: fc.Arbitrary<Damage> = fc.oneof(
	{ weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('bytes' as const),
			at: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
			byte: fc.integer({ min: 0, max: 255 })
		})
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('part' as const),
			part: fc.constantFrom(
				'xl/workbook.xml',
				'xl/_rels/workbook.xml.rels',
				'xl/worksheets/sheet1.xml',
				'xl/sharedStrings.xml',
				'xl/styles.xml'
			),
			garbage: fc.oneof(
				fc.constantFrom('', '<', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c>'),
				fc.string({ maxLength: 30 })
			)
		})
	}
);

async function damaged(bytes: Uint8Array, d: Damage): Promise<Uint8Array> {
	if (d.kind === 'cut') return bytes.subarray(0, d.at % bytes.length);
	if (d.kind === 'bytes') {
		const out = new Uint8Array(bytes);
		for (const at of d.at) out[at % out.length] = d.byte;
		return out;
	}
	if (d.kind === 'part') {
		const zip = await JSZip.loadAsync(bytes);
		zip.file(d.part, d.garbage);
		return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
	}
	return bytes;
}

propertyTest(
	'xlsx',
	'a workbook reads back as its cells on their lines; a damaged one is refused, never a throw',
	{ short: 25, share: 1 },
	() => {
		const db = freshDb();
		return fc.asyncProperty(workbook, damage, async (book, d) => {
			const written = new ExcelJS.Workbook();
			const sheet = written.addWorksheet('Data');
			let row = 1 + book.above;
			sheet.getRow(row).values = book.header;
			const expected: CsvRecord[] = [];
			const width = book.header.length;
			for (const [gap, cells] of book.rows) {
				row += 1 + gap;
				const r = sheet.getRow(row);
				cells.forEach((c, i) => {
					const target = r.getCell(i + 1);
					target.value = c.value;
					if (c.numFmt) target.numFmt = c.numFmt;
				});
				if (cells.every((c) => c.text.trim() === '')) continue;
				const values = Array.from({ length: width }, (_, i) =>
					restoreFormulaText((cells[i]?.text ?? '').trim())
				);
				expected.push({ line: row - book.above, values });
			}
			const bytes = await damaged(new Uint8Array(await written.xlsx.writeBuffer()), d);
			const staged = await stageFile(db, LOCAL_ADMINISTRATOR, 'book.xlsx', bytes);
			if ('message' in staged) {
				expect(d.kind).not.toBe('none');
				expect(staged.status).toBe(400);
				expect(staged.message).toMatch(/\w/);
				return;
			}
			try {
				let header: TableHeader | null = null;
				const records: CsvRecord[] = [];
				const problem = await readStaged(
					{ ...staged, sheet: staged.sheets[0] ?? null },
					{ header: (h) => void (header = h), record: (r) => void records.push(r) }
				);
				if (d.kind === 'none') {
					expect(problem).toBeNull();
					expect(staged.sheets).toEqual(['Data']);
					expect((header as TableHeader | null)?.rawHeaders).toEqual(
						book.header.map((h) => h.trim())
					);
					expect(records).toEqual(expected);
				} else if (problem) {
					expect(problem.message).toMatch(/\w/);
					if (problem.line !== null) expect(problem.line).toBeGreaterThanOrEqual(1);
				}
			} finally {
				await dropStaged(staged.id);
			}
		});
	}
);
