/**
 * The `sites` file kind (docs/formats.md "Sites: where the mission stands") through the one
 * importer: recognised from its header without taking another kind's files, written in one
 * batch, refused whole with line, column and value, undone through the import history, and
 * exported in its import format so that the export imports back unchanged. Real SQLite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { exportKind } from '../../../src/lib/server/exports/export-files';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { undoBatch } from '../../../src/lib/server/imports/undo';
import { sitesOpenDuring } from '../../../src/lib/server/maps/sites';
import { NotAllowed } from '../../../src/lib/server/permissions';
import { listSites } from '../../../src/lib/server/sites/list';
import { FIXTURES, csv, fixture, freshDb, importBasic, latestBatchId } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const viewer: Actor = { username: 'viewer', role: 'viewer', cleared: false };
const planner: Actor = { username: 'planner', role: 'planner', cleared: false };
const HEADER = 'site_code,site_name,site_type,latitude,longitude,opened,closed,sensitivity';
const SITES = fixture('sites', 'sites.csv');

interface SiteRecord {
	code: string;
	name: string;
	type: string;
	latitude: number;
	longitude: number;
	opened: string | null;
	closed: string | null;
	sensitivity: string;
	batch_id: number | null;
}

function stored(db: Db): SiteRecord[] {
	return db.$client
		.prepare(
			'SELECT code, name, type, latitude, longitude, opened, closed, sensitivity, batch_id FROM sites ORDER BY code'
		)
		.all() as SiteRecord[];
}

function exported(db: Db, actor: Actor = admin): string {
	const result = exportKind(db, actor, 'sites');
	if (!result.ok) throw new Error(result.message);
	return [...result.chunks].join('');
}

let db: Db;
beforeEach(() => {
	db = freshDb();
});

describe('a sites file', () => {
	test('is recognised from site_code and imported in one batch', async () => {
		const report = await importFiles(db, admin, [SITES]);
		expect(report.ok).toBe(true);
		expect(report.files[0]).toMatchObject({ kind: 'sites', rows: 4, inserted: 4, updated: 0 });
		expect(report.files[0]!.warnings).toEqual([]);
		const batch = latestBatchId(db, 'sites');
		expect(stored(db)).toEqual([
			{
				code: 'BAM-TOB',
				name: 'Bambari temporary operating base',
				type: 'temporary_base',
				latitude: 5.7622,
				longitude: 20.6705,
				opened: '2019-02-01',
				closed: '2021-06-30',
				sensitivity: 'internal',
				batch_id: batch
			},
			expect.objectContaining({ code: 'BGF-HQ', opened: '2014-04-10', closed: null }),
			// no dates: open as far as the records go; blank sensitivity: the default, internal
			expect.objectContaining({ code: 'KGA-OTH', opened: null, sensitivity: 'internal' }),
			expect.objectContaining({
				code: 'NDL-UNPOL',
				name: 'Ndélé police post',
				sensitivity: 'restricted'
			})
		]);
	});

	test('a dry run reports the same and writes nothing', async () => {
		const report = await importFiles(db, admin, [SITES], { dryRun: true });
		expect(report).toMatchObject({ ok: true, dryRun: true });
		expect(report.files[0]).toMatchObject({ kind: 'sites', inserted: 4 });
		expect(stored(db)).toEqual([]);
	});

	test('a planner imports sites; a viewer may not', async () => {
		expect((await importFiles(db, planner, [SITES])).ok).toBe(true);
		expect(() => importFiles(freshDb(), viewer, [SITES])).toThrow(NotAllowed);
	});

	test('imported with the mission, it is applied after areas, whatever the order given', async () => {
		const basic = ['areas.csv', 'framework.csv', 'indicators.csv', 'observations.csv'].map((f) =>
			fixture('basic', f)
		);
		const report = await importFiles(db, admin, [SITES, ...basic]);
		expect(report.ok).toBe(true);
		const kinds = db.$client.prepare('SELECT kind FROM import_batches ORDER BY id').pluck().all();
		expect(kinds).toEqual(['areas', 'framework', 'indicators', 'observations', 'sites']);
		// reports keep the callers' order
		expect(report.files.map((f) => f.kind)).toEqual([
			'sites',
			'areas',
			'framework',
			'indicators',
			'observations'
		]);
	});

	test('identical duplicate rows count once; two descriptions of one site are both named', async () => {
		const same = `${HEADER}\nA,Alpha,base,4,18,,,\nA,Alpha,base,4,18,,,\n`;
		const ok = await importFiles(db, admin, [csv('same.csv', same)]);
		expect(ok.files[0]).toMatchObject({ rows: 2, inserted: 1 });
		const two = `${HEADER}\nB,Bravo,base,4,18,,,\nB,Bravo,police_post,4,18,,,\n`;
		const refused = (await importFiles(db, admin, [csv('two.csv', two)])).files[0]!;
		expect(refused.errors.map((e) => [e.line, e.column, e.value])).toEqual([
			[2, 'site_code', 'B'],
			[3, 'site_code', 'B']
		]);
		expect(refused.errors[1]!.message).toMatch(/\bline 2\b/);
	});

	test('a missing required column is refused on line 1, naming it', async () => {
		const report = await importFiles(db, admin, [
			csv('no-type.csv', 'site_code,site_name,latitude,longitude\nA,Alpha,4,18\n')
		]);
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({ line: 1, column: 'site_type', value: null })
		]);
	});

	test('bad cells are refused with line, column and value, in English and in French', async () => {
		const text = [
			HEADER,
			'A,Alpha,base,4.1,18.2,2024-02-30,,', // not a day
			'B,Bravo,base,4.1,200,,,', // longitude out of range
			'C,Charlie,base,4.1,18.2,15/03/2024,,', // not ISO
			'D,Delta,base,,18.2,,,', // blank latitude
			'E,Echo,base,4.1,18.2,,,secret' // unknown sensitivity
		].join('\n');
		const file = csv('cells.csv', text);
		const en = (await importFiles(db, admin, [file])).files[0]!;
		const where = en.errors.map((e) => [e.line, e.column, e.value]);
		expect(where).toEqual([
			[2, 'opened', '2024-02-30'],
			[3, 'longitude', '200'],
			[4, 'opened', '15/03/2024'],
			[5, 'latitude', ''],
			[6, 'sensitivity', 'secret']
		]);
		expect(en.errors[0]!.message).toContain('February 2024 has 29 days');
		expect(en.errors[1]!.message).toContain('between -180 (west) and 180 (east)');
		const fr = (await inLocale('fr', () => importFiles(db, admin, [file]))).files[0]!;
		expect(fr.errors.map((e) => [e.line, e.column, e.value])).toEqual(where);
		expect(fr.errors[1]!.message).toBe(
			'«\u00a0200\u00a0» n’est pas une longitude\u00a0: une longitude est comprise entre -180 (ouest) et 180 (est), en degrés décimaux.'
		);
		expect(stored(db)).toEqual([]);
	});

	test('closed before opened is refused, also against the stored date a file leaves alone', async () => {
		await importFiles(db, admin, [csv('a.csv', `${HEADER}\nA,Alpha,base,4,18,2022-01-01,,\n`)]);
		const closing =
			'site_code,site_name,site_type,latitude,longitude,closed\nA,Alpha,base,4,18,2021-12-31\n';
		const refused = (await importFiles(db, admin, [csv('closing.csv', closing)])).files[0]!;
		expect(refused.errors).toEqual([
			expect.objectContaining({ line: 2, column: 'closed', value: '2021-12-31' })
		]);
		expect(refused.errors[0]!.message).toContain('2022-01-01');
		// the same day is fine: open for one day
		const oneDay = closing.replace('2021-12-31', '2022-01-01');
		expect((await importFiles(db, admin, [csv('one-day.csv', oneDay)])).ok).toBe(true);
	});

	test('absent columns keep the stored values; blank ones clear them', async () => {
		await importFiles(db, admin, [SITES]);
		const renamed =
			'site_code,site_name,site_type,latitude,longitude\nNDL-UNPOL,Ndélé UNPOL,police_post,8.4109,20.6473\n';
		const report = await importFiles(db, admin, [csv('renamed.csv', renamed)]);
		expect(report.files[0]).toMatchObject({ updated: 1 });
		expect(stored(db).find((s) => s.code === 'NDL-UNPOL')).toMatchObject({
			name: 'Ndélé UNPOL',
			opened: '2020-09-15',
			sensitivity: 'restricted'
		});
		const cleared = `${HEADER}\nBGF-HQ,Bangui force headquarters,base,4.3612,18.5550,,,public\n`;
		await importFiles(db, admin, [csv('cleared.csv', cleared)]);
		expect(stored(db).find((s) => s.code === 'BGF-HQ')!.opened).toBeNull();
	});

	test('making a restricted site readable by everyone is accepted with a warning naming it', async () => {
		await importFiles(db, admin, [SITES]);
		const lowered = `${HEADER}\nNDL-UNPOL,Ndélé police post,police_post,8.4109,20.6473,2020-09-15,,internal\n`;
		const report = await importFiles(db, admin, [csv('lowered.csv', lowered)]);
		expect(report.ok).toBe(true);
		expect(report.files[0]!.warnings).toEqual([
			expect.objectContaining({ line: 2, column: 'sensitivity', value: 'internal' })
		]);
		expect(report.files[0]!.warnings[0]!.message).toContain('NDL-UNPOL');
	});
});

describe('which kind a header makes', () => {
	const kindOf = async (header: string) =>
		(await importFiles(freshDb(), admin, [csv('f.csv', `${header}\n`)], { dryRun: true })).files[0]!
			.kind;

	test('site_code makes a sites file', async () => {
		expect(await kindOf(HEADER)).toBe('sites');
		expect(await kindOf('Site Code,Site Name,Site Type,Latitude,Longitude')).toBe('sites');
	});

	test('no other kind is taken: files that were areas, figures or framework stay so', async () => {
		expect(await kindOf('area_code,area_name,site_code,latitude,longitude')).toBe('areas');
		expect(await kindOf('indicator_code,period,value,site_code')).toBe('observations');
		expect(await kindOf('result_code,result_level,result_title,site_code')).toBe('framework');
		expect(await kindOf('site_name,latitude,longitude')).toBeNull();
	});
});

describe('undo through the import history', () => {
	test('an import that added sites is undone by deleting them', async () => {
		await importFiles(db, admin, [SITES]);
		const result = undoBatch(db, admin, latestBatchId(db, 'sites'));
		expect(result).toMatchObject({ ok: true, counts: { deleted: 4, restored: 0, keptLater: 0 } });
		expect(result.message).toContain('4');
		expect(stored(db)).toEqual([]);
		expect(undoBatch(db, admin, latestBatchId(db, 'sites'))).toMatchObject({
			ok: false,
			problem: 'already_undone'
		});
	});

	test('an import that changed sites gives back the versions it replaced', async () => {
		await importFiles(db, admin, [SITES]);
		const before = stored(db);
		const changed = `${HEADER}\nBAM-TOB,Bambari TOB,temporary_base,5.7622,20.6705,2019-02-01,2022-01-31,restricted\nNEW,New post,police_post,6,20,2024-01-01,,\n`;
		const report = await importFiles(db, admin, [csv('changed.csv', changed)]);
		expect(report.files[0]).toMatchObject({ inserted: 1, updated: 1 });
		const result = undoBatch(db, admin, latestBatchId(db, 'sites'));
		expect(result).toMatchObject({ ok: true, counts: { deleted: 1, restored: 1, keptLater: 0 } });
		expect(stored(db)).toEqual(before);
	});

	test('a site a later import changed keeps the later version; undoing both gives the first', async () => {
		await importFiles(db, admin, [SITES]);
		const first = stored(db);
		const line = (name: string) =>
			`${HEADER}\nBGF-HQ,${name},base,4.3612,18.5550,2014-04-10,,public\n`;
		await importFiles(db, admin, [csv('second.csv', line('HQ two'))]);
		const second = latestBatchId(db, 'sites');
		await importFiles(db, admin, [csv('third.csv', line('HQ three'))]);
		const third = latestBatchId(db, 'sites');

		const undoSecond = undoBatch(db, admin, second);
		expect(undoSecond).toMatchObject({
			ok: true,
			counts: { deleted: 0, restored: 0, keptLater: 1 }
		});
		expect(stored(db).find((s) => s.code === 'BGF-HQ')!.name).toBe('HQ three');
		// the third's undo skips the undone second: the site as if neither had been imported
		expect(undoBatch(db, admin, third)).toMatchObject({ ok: true, counts: { restored: 1 } });
		expect(stored(db)).toEqual(first);
	});

	test("the undo message is in the reader's language", async () => {
		await importFiles(db, admin, [SITES]);
		const batch = latestBatchId(db, 'sites');
		const result = inLocale('fr', () => undoBatch(db, admin, batch));
		expect(result.message).toMatch(/^Importation n° \d+ annulée/);
	});
});

describe('export', () => {
	test('round trips: the export imports back with 0 inserted and 0 updated', async () => {
		await importFiles(db, admin, [SITES]);
		const text = exported(db);
		expect(text.split('\n')[0]).toBe(HEADER);
		const again = await importFiles(db, admin, [csv('sites-export.csv', text)]);
		expect(again.files[0]).toMatchObject({
			kind: 'sites',
			rows: 4,
			inserted: 0,
			updated: 0,
			unchanged: 4
		});
		// and into an empty database it gives the same sites
		const other = freshDb();
		await importFiles(other, admin, [csv('sites-export.csv', text)]);
		expect(exported(other)).toBe(text);
	});

	test('the export of the demo-like mission plus sites leaves other kinds as they were', async () => {
		await importBasic(db);
		const areas = exportKind(db, admin, 'areas');
		await importFiles(db, admin, [SITES]);
		const after = exportKind(db, admin, 'areas');
		if (!areas.ok || !after.ok) throw new Error('export failed');
		expect([...after.chunks].join('')).toBe([...areas.chunks].join(''));
	});

	test("a restricted site is absent from an uncleared reader's export and map", async () => {
		await importFiles(db, admin, [SITES]);
		expect(exported(db)).toContain('NDL-UNPOL');
		const theirs = exported(db, viewer);
		expect(theirs).not.toContain('NDL-UNPOL');
		expect(theirs).not.toContain('Ndélé');
		expect(theirs).toContain('BGF-HQ');
		expect(listSites(db, viewer).map((s) => s.code)).toEqual(['BAM-TOB', 'BGF-HQ', 'KGA-OTH']);
		expect(listSites(db, admin).map((s) => s.code)).toContain('NDL-UNPOL');
		const open = sitesOpenDuring(db, viewer, '2020-01-01', '2024-12-31').map((s) => s.code);
		expect(open).toEqual(['BAM-TOB', 'BGF-HQ', 'KGA-OTH']);
		expect(sitesOpenDuring(db, admin, '2022-01-01', '2022-12-31').map((s) => s.code)).toEqual([
			'BGF-HQ',
			'KGA-OTH',
			'NDL-UNPOL'
		]);
	});

	test('the fixtures named for their mistake stay single mistakes', () => {
		for (const name of [
			'sites-latitude-out-of-range.csv',
			'sites-closed-before-opened.csv',
			'sites-unknown-type.csv'
		]) {
			const lines = readFileSync(join(FIXTURES, 'broken', name), 'utf8')
				.trim()
				.split('\n');
			expect(lines[0]).toBe(HEADER);
			expect(lines).toHaveLength(3);
		}
	});
});
