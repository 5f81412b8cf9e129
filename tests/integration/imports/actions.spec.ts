/**
 * The `actions` file kind (docs/formats.md "Action points") through the one importer: a
 * meeting's minutes become action points, refused whole with line, column and value in both
 * languages, tried without writing (dry run), exported in the import format, and imported
 * again without duplicates. Real SQLite.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { actionPointsWorkbook } from '../../../src/lib/server/action-points/export';
import { sourceFromPath } from '../../../src/lib/server/imports/source';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { exportKind } from '../../../src/lib/server/exports/export-files';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { detectKind } from '../../../src/lib/server/imports/detect-kind';
import { listActionPoints } from '../../../src/lib/server/action-points/list';
import { updateActionPoint } from '../../../src/lib/server/action-points/update';
import { csv, fixture, freshDb, importBasic } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const spu: Actor = { username: 'spu-1', role: 'spu', cleared: false };
const MINUTES = fixture('actions', 'minutes.csv');
const broken = (name: string) => fixture('actions', 'broken', name);

async function basicDb(): Promise<Db> {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	return db;
}

function exported(db: Db, actor: Actor = admin): string {
	const result = exportKind(db, actor, 'actions');
	if (!result.ok) throw new Error(result.message);
	return [...result.chunks].join('');
}

const count = (db: Db) =>
	(db.$client.prepare('SELECT count(*) AS n FROM action_points').get() as { n: number }).n;

describe('importing minutes', () => {
	test('recognised by its decision column; each row an action point with its links', async () => {
		expect(detectKind(['origin', 'decision', 'owner', 'deadline'], [])).toBe('actions');
		const db = await basicDb();
		const report = await importFiles(db, spu, [MINUTES]);
		expect(report.ok).toBe(true);
		expect(report.files[0]).toMatchObject({ kind: 'actions', rows: 3, inserted: 3 });
		const points = listActionPoints(db, admin, '2026-03-20');
		expect(
			points.map((p) => [p.reference, p.origin, p.owner, p.area?.code ?? null, p.status])
		).toEqual([
			['AP-0002', 'smg_p_meeting', 'Force', 'N2', 'in_progress'],
			['AP-0001', 'jpt_mission', 'Civil Affairs', 'N1', 'open'],
			['AP-0003', 'early_warning_review', 'JOC', null, 'open']
		]);
		expect(points[0]!.links.map((l) => `${l.kind}:${l.code}`)).toEqual([
			'result:PO1',
			'result:PO1-IM1',
			'indicator:1.2.1',
			'indicator:K2'
		]);
		// the import is audited as one import and one entry per action point
		const actions = db.$client
			.prepare('SELECT action FROM audit_log ORDER BY id DESC LIMIT 4')
			.pluck()
			.all()
			.reverse();
		expect(actions).toEqual(['action.create', 'action.create', 'action.create', 'import']);
	});

	test('a dry run writes nothing', async () => {
		const db = await basicDb();
		const report = await importFiles(db, spu, [MINUTES], { dryRun: true });
		expect(report).toMatchObject({ ok: true, dryRun: true });
		expect(report.files[0]!.inserted).toBe(3);
		expect(count(db)).toBe(0);
	});

	test('leadership and viewers may not import action points', async () => {
		const db = await basicDb();
		for (const role of ['leadership', 'viewer'] as const) {
			const who: Actor = { username: role, role, cleared: false };
			expect(() => importFiles(db, who, [MINUTES])).toThrow(/may not/);
		}
		const verifier: Actor = { username: 'v', role: 'verifier', cleared: false };
		expect(() => importFiles(db, verifier, [MINUTES])).toThrow(/may not/);
		expect(count(db)).toBe(0);
	});
});

describe('exported and imported again', () => {
	test('the export imports back unchanged: no duplicate, same bytes', async () => {
		const db = await basicDb();
		await importFiles(db, spu, [MINUTES]);
		updateActionPoint(db, spu, 'AP-0003', {
			status: 'dropped',
			note: 'The cluster stopped meeting.'
		});
		const first = exported(db);
		expect(first.split('\n')[0]).toBe(
			'reference,origin,origin_reference,cycle,decision,owner,area_code,deadline,status,drop_reason,result_codes,indicator_codes'
		);
		expect(first).toContain('AP-0003,early_warning_review');
		expect(first).toContain('The cluster stopped meeting.');
		const again = await importFiles(db, spu, [csv('actions.csv', first)]);
		expect(again.files[0]).toMatchObject({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
		expect(count(db)).toBe(3);
		expect(exported(db)).toBe(first);
		// the same minutes again (no references) find their action points too
		const minutes = await importFiles(db, spu, [MINUTES]);
		expect(minutes.files[0]).toMatchObject({ inserted: 0 });
		expect(count(db)).toBe(3);
	});

	test('a changed row of an export updates its action point, with its history', async () => {
		const db = await basicDb();
		await importFiles(db, spu, [MINUTES]);
		const edited = exported(db)
			.replace('AP-0001,jpt_mission', 'AP-0001,jpt_mission')
			.replace(/(AP-0001,[^\n]*),open,/, '$1,done,');
		const report = await importFiles(db, spu, [csv('actions.csv', edited)]);
		expect(report.files[0]).toMatchObject({ updated: 1, unchanged: 2 });
		const point = listActionPoints(db, admin, '2026-03-20').find((p) => p.reference === 'AP-0001');
		expect(point?.status).toBe('done');
	});

	test('an uncleared export leaves restricted links out; importing it keeps them', async () => {
		const db = await basicDb();
		db.$client.prepare("UPDATE indicators SET sensitivity = 'restricted' WHERE code = 'K2'").run();
		await importFiles(db, admin, [MINUTES]);
		const uncleared = exported(db, spu);
		expect(uncleared).not.toContain('K2');
		await importFiles(db, spu, [csv('actions.csv', uncleared)]);
		const kept = listActionPoints(db, admin, '2026-03-20').find((p) => p.reference === 'AP-0002');
		expect(kept?.links.map((l) => l.code)).toContain('K2');
	});
});

describe('refusals name line, column and value, in both languages', () => {
	const cases: [string, string, string, RegExp, RegExp][] = [
		[
			'dropped-without-reason.csv',
			'drop_reason',
			'',
			/Say why it is dropped/,
			/pourquoi il est abandonné/
		],
		[
			'unknown-origin.csv',
			'origin',
			'security_council',
			/"security_council" is no origin/,
			/n’est pas une origine/
		],
		[
			'deadline-not-iso.csv',
			'deadline',
			'30/06/2026',
			/is not a date; write YYYY-MM-DD/,
			/AAAA-MM-JJ/
		],
		[
			'unknown-indicator.csv',
			'indicator_codes',
			'K1;Z9',
			/No indicator you may see has the code\(s\) Z9/,
			/Aucun indicateur/
		],
		[
			'malformed-reference.csv',
			'reference',
			'AP-12',
			/"AP-12" is no action point reference/,
			/n’est pas une référence/
		],
		['cycle-origin-without-cycle.csv', 'cycle', '', /Name the assessment cycle/, /Nommez le cycle/]
	];
	for (const [file, column, value, english, french] of cases) {
		test(file, async () => {
			const db = await basicDb();
			const en = await importFiles(db, spu, [broken(file)]);
			expect(en.ok).toBe(false);
			const [error] = en.files[0]!.errors;
			expect(error).toMatchObject({ line: 2, column, value });
			expect(error!.message).toMatch(english);
			const fr = await inLocale('fr', () => importFiles(db, spu, [broken(file)]));
			expect(fr.files[0]!.errors[0]!.message).toMatch(french);
			expect(count(db)).toBe(0);
		});
	}

	test('owner-column-missing.csv: the header lacks a required column', async () => {
		const db = await basicDb();
		const report = await importFiles(db, spu, [broken('owner-column-missing.csv')]);
		expect(report.files[0]!.kind).toBe('actions');
		expect(report.files[0]!.errors[0]).toMatchObject({ line: 1, column: 'owner' });
	});

	test('one bad row refuses the whole file', async () => {
		const db = await basicDb();
		const text = `${MINUTES.bytes.toString()}other,,Bad row,POC Unit,,2026-13-01,,,\n`;
		const report = await importFiles(db, spu, [csv('minutes.csv', text)]);
		expect(report.ok).toBe(false);
		expect(report.files[0]!.errors.map((e) => [e.line, e.column])).toEqual([[5, 'deadline']]);
		expect(count(db)).toBe(0);
	});
});

describe('minutes kept as a workbook', () => {
	test('the xlsx export imports back unchanged; a workbook of another kind stays refused', async () => {
		const db = await basicDb();
		await importFiles(db, spu, [MINUTES]);
		const dir = mkdtempSync(join(tmpdir(), 'cpas-actions-xlsx-'));
		try {
			const path = join(dir, 'minutes.xlsx');
			writeFileSync(path, await actionPointsWorkbook(listActionPoints(db, admin, '2026-03-20')));
			const report = await importFiles(db, spu, [sourceFromPath(path)]);
			expect(report.files[0]).toMatchObject({ kind: 'actions', rows: 3, unchanged: 3 });
			const other = join(dir, 'areas.xlsx');
			const book = new ExcelJS.Workbook();
			book.addWorksheet('areas').addRow(['area_code', 'area_name']);
			await book.xlsx.writeFile(other);
			const refused = await importFiles(db, spu, [sourceFromPath(other)]);
			expect(refused.files[0]!.errors[0]!.message).toMatch(/not a text file/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
