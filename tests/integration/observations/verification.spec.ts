import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import {
	createIndicator,
	findStoredIndicator,
	missionTargets
} from '../../../src/lib/server/framework/indicators';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { undoBatch } from '../../../src/lib/server/imports/undo';
import { setVerification } from '../../../src/lib/server/observations/verify';
import { NotAllowed } from '../../../src/lib/server/permissions';
import { csv, freshDb, importBasic, tableCounts } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const planner: Actor = { username: 'pat', role: 'planner', cleared: false };
const verifier: Actor = { username: 'vera', role: 'verifier', cleared: false };
const spu: Actor = { username: 'spu-officer', role: 'spu', cleared: false };

/** The basic mission: K1 2024-01 N1 = 5 verified (line 2), K1 2024-02 N1 = 7 unverified. */
async function mission(): Promise<Db> {
	const db = freshDb();
	await importBasic(db);
	return db;
}

function figure(db: Db, month: string, area = 'N1') {
	return db.$client
		.prepare(
			`SELECT o.id, o.value, o.verification, o.batch_id AS batch, o.source_line AS line
			 FROM observations o JOIN indicators i ON i.id = o.indicator_id
			 JOIN areas a ON a.id = o.area_id
			 WHERE i.code = 'K1' AND o.period = ? AND a.code = ? AND o.dimension_set_id =
			 (SELECT id FROM dimension_sets WHERE key = '{}')`
		)
		.get(month, area) as
		| { id: number; value: number; verification: string | null; batch: number; line: number }
		| undefined;
}

function auditEntries(db: Db, action: string) {
	return (
		db.$client
			.prepare('SELECT actor, subject, detail FROM audit_log WHERE action = ? ORDER BY id')
			.all(action) as { actor: string; subject: string; detail: string }[]
	).map((e) => ({ ...e, detail: JSON.parse(e.detail) as Record<string, unknown> }));
}

const errorsOf = (report: Awaited<ReturnType<typeof importFiles>>) =>
	report.files.flatMap((f) => f.errors);

describe('marking figures verified or unverified', () => {
	test('a verifier marks figures, in one audit entry per batch with before and after', async () => {
		const db = await mission();
		const feb = figure(db, '2024-02')!;
		const jan = figure(db, '2024-01')!;
		const result = setVerification(db, verifier, [feb.id, jan.id], 'verified');
		expect(result).toEqual({
			ok: true,
			changed: 1,
			unchanged: 1,
			message: '1 figure marked verified; 1 already was.'
		});
		// provenance stays: the value still comes from that file and line
		expect(figure(db, '2024-02')).toEqual({ ...feb, verification: 'verified' });
		expect(auditEntries(db, 'verification.change')).toEqual([
			{
				actor: 'vera',
				subject: String(feb.batch),
				detail: {
					figures: [feb.id],
					before: { [`#${feb.id} K1 2024-02 N1`]: 'unverified' },
					after: { [`#${feb.id} K1 2024-02 N1`]: 'verified' }
				}
			}
		]);

		expect(setVerification(db, verifier, [jan.id, feb.id], 'unverified')).toMatchObject({
			ok: true,
			changed: 2,
			message: '2 figures marked unverified.'
		});
		expect(figure(db, '2024-01')?.verification).toBe('unverified');
		expect(auditEntries(db, 'verification.change')).toHaveLength(2);
	});

	test('nothing to change records nothing', async () => {
		const db = await mission();
		const jan = figure(db, '2024-01')!;
		expect(setVerification(db, verifier, [jan.id], 'verified')).toMatchObject({
			ok: true,
			changed: 0,
			message: 'Nothing to change: the figure was already verified.'
		});
		expect(auditEntries(db, 'verification.change')).toEqual([]);
	});

	test('an unknown figure or a target refuses the whole request', async () => {
		const db = await mission();
		const feb = figure(db, '2024-02')!;
		expect(setVerification(db, verifier, [feb.id, 9999], 'verified')).toEqual({
			ok: false,
			message: 'There is no figure #9999: it may have been deleted by an undo. Nothing was marked.'
		});
		const target = (
			db.$client.prepare("SELECT id FROM observations WHERE value_type = 'target'").get() as {
				id: number;
			}
		).id;
		expect(setVerification(db, verifier, [feb.id, target], 'verified').ok).toBe(false);
		expect(figure(db, '2024-02')?.verification).toBe('unverified');
		expect(auditEntries(db, 'verification.change')).toEqual([]);
	});

	test('only verifiers and administrators may', async () => {
		const db = await mission();
		const feb = figure(db, '2024-02')!;
		expect(() => setVerification(db, planner, [feb.id], 'verified')).toThrow(NotAllowed);
		expect(() => setVerification(db, spu, [feb.id], 'verified')).toThrow(NotAllowed);
		expect(setVerification(db, admin, [feb.id], 'verified').ok).toBe(true);
	});

	test('undoing the batch that replaced a verified value brings back that value and its mark', async () => {
		const db = await mission();
		const feb = figure(db, '2024-02')!;
		setVerification(db, verifier, [feb.id], 'verified');
		const report = await importFiles(db, planner, [
			csv('fix.csv', 'indicator_code,period,area_code,value,verification\nK1,2024-02,N1,8,\n')
		]);
		expect(figure(db, '2024-02')).toMatchObject({ value: 8, verification: null });
		expect(undoBatch(db, planner, report.files[0]!.batchId!).ok).toBe(true);
		expect(figure(db, '2024-02')).toMatchObject({ value: 7, verification: 'verified' });
	});
});

describe('verification in a non-verifier’s import', () => {
	const header = 'indicator_code,period,area_code,value,verification\n';

	test('a new figure or an unverified one made verified is refused on the verification cell', async () => {
		const db = await mission();
		const before = tableCounts(db);
		const report = await importFiles(db, planner, [
			csv('v.csv', `${header}K1,2024-03,N1,4,verified\nK1,2024-02,N1,7,verified\n`)
		]);
		const refusal = {
			column: 'verification',
			value: 'verified',
			message: 'Only a verifier may mark figures verified; leave it blank or unverified.'
		};
		expect(errorsOf(report)).toEqual([
			{ line: 2, ...refusal },
			{ line: 3, ...refusal }
		]);
		expect(tableCounts(db)).toEqual(before);
	});

	test('a verified figure with a new value keeps no "verified" from the planner', async () => {
		const db = await mission();
		const report = await importFiles(db, planner, [
			csv('v.csv', `${header}K1,2024-01,N1,6,verified\n`)
		]);
		expect(errorsOf(report)).toMatchObject([{ line: 2, column: 'verification' }]);
	});

	test('an unchanged verified line (an export imported back) is fine', async () => {
		const db = await mission();
		const report = await importFiles(db, planner, [
			csv('v.csv', `${header}K1,2024-01,N1,5,verified\n`)
		]);
		expect(errorsOf(report)).toEqual([]);
		expect(report.files[0]).toMatchObject({ unchanged: 1 });
	});

	test('blank or unverified is always allowed', async () => {
		const db = await mission();
		const report = await importFiles(db, planner, [
			csv('v.csv', `${header}K1,2024-01,N1,5,unverified\nK1,2024-03,N1,4,\n`)
		]);
		expect(report.ok).toBe(true);
		expect(figure(db, '2024-01')?.verification).toBe('unverified');
	});

	test('a verified figure changed by a file without the column keeps its mark, with a warning', async () => {
		const db = await mission();
		const report = await importFiles(db, planner, [
			csv('v.csv', 'indicator_code,period,area_code,value\nK1,2024-03,N1,4\nK1,2024-01,N1,6\n')
		]);
		expect(report.ok).toBe(true);
		expect(report.files[0]!.warnings).toEqual([
			{
				line: 3,
				column: 'verification',
				value: 'verified',
				message:
					'1 figure marked verified changed (the first on line 3) and is still marked verified: ask a verifier to review it, or import it with verification "unverified".'
			}
		]);
		expect(figure(db, '2024-01')).toMatchObject({ value: 6, verification: 'verified' });
	});

	test('an administrator (the command line) imports verified figures', async () => {
		const db = await mission();
		const report = await importFiles(db, admin, [
			csv('v.csv', `${header}K1,2024-03,N1,4,verified\n`)
		]);
		expect(report.ok).toBe(true);
		expect(report.files[0]!.warnings).toEqual([]);
	});
});

describe('which files a role imports', () => {
	test('the SPU imports framework and indicators files, but not figures or areas', async () => {
		const db = await mission();
		const framework = await importFiles(db, spu, [
			csv(
				'framework.csv',
				'result_code,result_level,result_title,parent_result\nPO1-OC2,outcome,Communities alert,PO1-IM1\n'
			),
			csv(
				'indicators.csv',
				'indicator_code,indicator_title,result_code,category,direction,measure\nK9,Alerts,PO1-OC2,capacity,increase,count\n'
			)
		]);
		expect(errorsOf(framework)).toEqual([]);
		const batch = db.$client
			.prepare('SELECT actor FROM import_batches ORDER BY id DESC LIMIT 1')
			.get() as { actor: string };
		expect(batch.actor).toBe('spu-officer');

		const before = tableCounts(db);
		const figures = await importFiles(db, spu, [
			csv('k1.csv', 'indicator_code,period,area_code,value\nK1,2024-03,N1,4\n'),
			csv('areas.csv', 'area_code,area_name\nE,East\n')
		]);
		expect(errorsOf(figures)).toEqual([
			{
				line: null,
				column: null,
				value: null,
				message:
					"spu-officer (spu) may not import observations: that is a planner's work. Nothing was imported."
			},
			{
				line: null,
				column: null,
				value: null,
				message:
					"spu-officer (spu) may not import areas: that is a planner's work. Nothing was imported."
			}
		]);
		expect(tableCounts(db)).toEqual(before);
	});

	test('the SPU sets an indicator’s targets in the editor', async () => {
		const db = await mission();
		const result = await createIndicator(
			db,
			spu,
			{
				indicator_code: 'K9',
				indicator_title: 'Alerts answered',
				result_code: 'PO1-IM1',
				category: 'capacity',
				direction: 'increase',
				measure: 'count',
				aggregation: '',
				frequency: 'year',
				dimensions: '',
				baseline_value: '',
				baseline_period: '',
				tier: '',
				unit: '',
				data_source: '',
				component: '',
				definition: '',
				sensitivity: ''
			},
			[{ period: '2025', value: '40' }]
		);
		expect(result).toEqual({ ok: true });
		expect(missionTargets(db, findStoredIndicator(db, 'K9')!.id)).toEqual([
			{ period: '2025', value: '40' }
		]);
	});

	test('a file of targets only refuses actuals', async () => {
		const db = await mission();
		const report = await importFiles(
			db,
			spu,
			[csv('t.csv', 'indicator_code,period,value,value_type\nK1,2025,3,target\nK1,2025,3,\n')],
			{ targetsOnly: true }
		);
		expect(errorsOf(report)).toEqual([
			{ line: 3, column: 'value_type', value: '', message: 'Only targets may be set here.' }
		]);
	});

	test('a verifier or a viewer imports nothing', async () => {
		const db = await mission();
		const file = csv('k1.csv', 'indicator_code,period,area_code,value\nK1,2024-03,N1,4\n');
		for (const role of ['verifier', 'viewer', 'leadership'] as const)
			expect(() => importFiles(db, { ...planner, role }, [file])).toThrow(NotAllowed);
	});
});
