/**
 * The audit log records one entry per write, in the write's transaction: each write capability
 * driven once, and exactly the entry it should leave (who, what, about what, before → after).
 */
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import { addArea, editArea, setPopulation } from '../../../src/lib/server/areas/edit';
import { addCaveat, deleteCaveat, updateCaveat } from '../../../src/lib/server/caveats/caveats';
import type { Db } from '../../../src/lib/server/db';
import { adoptIndicator } from '../../../src/lib/server/framework/adopt';
import {
	createIndicator,
	editIndicator,
	findStoredIndicator,
	indicatorFields,
	type IndicatorFields
} from '../../../src/lib/server/framework/indicators';
import {
	createNode,
	editNode,
	findNode,
	moveNode,
	nodeFields,
	type NodeFields
} from '../../../src/lib/server/framework/nodes';
import {
	reinstateIndicator,
	reinstateNode,
	retireIndicator,
	retireNode
} from '../../../src/lib/server/framework/retire';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { undoBatch } from '../../../src/lib/server/imports/undo';
import { saveSource } from '../../../src/lib/server/imports/workspace/sources';
import { createCycle } from '../../../src/lib/server/reports/cycles/create';
import { issueCycle, refreezeCycle } from '../../../src/lib/server/reports/cycles/issue';
import { rateResult } from '../../../src/lib/server/reports/cycles/rate';
import { addRecommendation } from '../../../src/lib/server/reports/cycles/recommend';
import { updateActionPoint } from '../../../src/lib/server/action-points/update';
import { issueRbbReport } from '../../../src/lib/server/reports/rbb/issue';
import { setRbbLanguage } from '../../../src/lib/server/reports/rbb/language';
import { saveRbbText } from '../../../src/lib/server/reports/rbb/save-text';
import { entriesAfter, nothingRecordedBy, onlyEntryOf } from '../../helpers/audit';
import { BASIC, csv, freshDb, importBasic } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const planner: Actor = { username: 'amina.planner', role: 'planner', cleared: false };
const spu: Actor = { username: 'spu-officer', role: 'spu', cleared: false };

async function basic(): Promise<Db> {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	return db;
}

describe('imports', () => {
	test('one entry per committed file batch, with its file name, SHA-256 and counts', async () => {
		const db = freshDb();
		const report = await importBasic(db);
		const entries = entriesAfter(db, 0);
		expect(entries.map((e) => [e.actor, e.action, e.subject])).toEqual(
			report.files
				.map((f) => f.batchId!)
				.sort((a, b) => a - b)
				.map((id) => ['local-admin', 'import', String(id)])
		);
		const batch = db.$client
			.prepare("SELECT id, sha256 FROM import_batches WHERE file_name = 'observations.csv'")
			.get() as { id: number; sha256: string };
		expect(batch.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(entries.find((e) => e.subject === String(batch.id))!.detail).toEqual({
			file: 'observations.csv',
			kind: 'observations',
			sha256: batch.sha256,
			sizeBytes: BASIC[3]!.bytes.length,
			rows: 9,
			inserted: 9,
			updated: 0,
			unchanged: 0,
			skipped: 0
		});
	});

	test('none for a dry run, nor for a refused import', async () => {
		const db = await basic();
		await nothingRecordedBy(db, () =>
			importFiles(
				db,
				admin,
				[csv('o.csv', 'indicator_code,period,area_code,value\nK1,2024-03,N1,2\n')],
				{
					dryRun: true
				}
			)
		);
		// a good file refused with a bad one: nothing written, nothing recorded
		await nothingRecordedBy(db, async () => {
			const report = await importFiles(db, admin, [
				csv('good.csv', 'indicator_code,period,area_code,value\nK1,2024-03,N1,2\n'),
				csv('bad.csv', 'indicator_code,period,area_code,value\nK1,2024-13,N1,2\n')
			]);
			expect(report.ok).toBe(false);
			expect(report.files[0]!.errors).toEqual([]);
		});
	});

	test('undoing a batch: one entry with what the undo did', async () => {
		const db = await basic();
		const report = await importFiles(db, planner, [
			csv('fix.csv', 'indicator_code,period,area_code,value\nK1,2024-03,N1,2\nK1,2024-01,N1,6\n')
		]);
		const id = report.files[0]!.batchId!;
		const entry = await onlyEntryOf(db, () => expect(undoBatch(db, planner, id).ok).toBe(true));
		expect(entry).toMatchObject({ actor: 'amina.planner', action: 'undo', subject: String(id) });
		expect(entry.detail).toEqual({
			file: 'fix.csv',
			kind: 'observations',
			deleted: 1,
			restored: 1,
			keptLater: 0,
			laterBatches: []
		});
		// refused: already undone
		await nothingRecordedBy(db, () => expect(undoBatch(db, planner, id).ok).toBe(false));
	});
});

describe('the framework editor', () => {
	const node: NodeFields = {
		result_code: 'PO1-OC2',
		result_level: 'outcome',
		result_title: 'Communities alert early',
		parent_result: 'PO1-IM1',
		driver_of_change: '',
		critical_condition: 'Alert networks work',
		component: 'Civil Affairs',
		tier: 'I',
		description: ''
	};

	test('a node created, edited, moved, retired and reinstated: one entry each', async () => {
		const db = await basic();
		const created = await onlyEntryOf(db, async () =>
			expect(await createNode(db, spu, node)).toEqual({ ok: true })
		);
		expect(created).toMatchObject({
			actor: 'spu-officer',
			action: 'framework.node.create',
			subject: 'PO1-OC2',
			detail: { after: node }
		});
		expect(created.detail.batches).toEqual([expect.any(Number)]);

		const { result_code: _c, result_level: _l, parent_result: _p, ...rest } = node;
		const edited = await onlyEntryOf(db, () =>
			editNode(db, spu, 'PO1-OC2', { ...rest, result_title: 'Communities alert in time' })
		);
		expect(edited).toMatchObject({
			action: 'framework.node.update',
			subject: 'PO1-OC2',
			detail: {
				before: { result_title: 'Communities alert early' },
				after: { result_title: 'Communities alert in time', tier: 'I' }
			}
		});

		await importFiles(db, admin, [
			csv(
				'f.csv',
				'result_code,result_level,result_title,parent_result\nPO1-IM2,impact,Displacement falls,PO1\n'
			)
		]);
		const moved = await onlyEntryOf(db, () => moveNode(db, spu, 'PO1-OC2', 'PO1-IM2'));
		expect(moved).toMatchObject({
			action: 'framework.node.move',
			detail: { before: { parent_result: 'PO1-IM1' }, after: { parent_result: 'PO1-IM2' } }
		});

		const retired = await onlyEntryOf(db, () =>
			expect(retireNode(db, spu, 'PO1-OC2').ok).toBe(true)
		);
		expect(retired).toMatchObject({
			action: 'framework.node.retire',
			subject: 'PO1-OC2',
			detail: {
				before: { retired: false },
				after: { retired: true },
				nodesBelow: [],
				indicators: []
			}
		});
		const reinstated = await onlyEntryOf(db, () =>
			expect(reinstateNode(db, spu, 'PO1-OC2').ok).toBe(true)
		);
		expect(reinstated).toMatchObject({
			action: 'framework.node.reinstate',
			detail: { before: { retired: true }, after: { retired: false } }
		});
		expect(nodeFields(db, findNode(db, 'PO1-OC2')!).result_title).toBe('Communities alert in time');
	});

	test('retiring a node with everything below it: one entry naming what went with it', async () => {
		const db = await basic();
		const entry = await onlyEntryOf(db, () =>
			expect(retireNode(db, admin, 'PO1-IM1', { withEverythingBelow: true }).ok).toBe(true)
		);
		expect(entry.detail).toEqual({
			before: { retired: false },
			after: { retired: true },
			nodesBelow: ['PO1-OC1'],
			indicators: ['1.2.1', 'K1', 'K2']
		});
	});

	test('nothing for an edit refused, even when its dry run found the importer’s problems too', async () => {
		const db = await basic();
		await nothingRecordedBy(db, async () =>
			expect((await createNode(db, spu, { ...node, result_code: 'PO1-OC1' })).ok).toBe(false)
		);
		await nothingRecordedBy(db, async () =>
			expect((await createNode(db, spu, { ...node, parent_result: 'NOPE' })).ok).toBe(false)
		);
	});

	const indicator: IndicatorFields = {
		indicator_code: 'PO1-K9',
		indicator_title: 'Number of community alert networks in place',
		result_code: 'PO1-OC1',
		category: 'capacity',
		direction: 'increase',
		measure: 'count',
		aggregation: 'last',
		frequency: 'year',
		dimensions: '',
		baseline_value: '',
		baseline_period: '',
		tier: 'II',
		unit: 'networks',
		data_source: 'Civil Affairs mapping',
		component: 'Civil Affairs',
		definition: '',
		sensitivity: ''
	};

	test('an indicator created, edited (a target changed), retired and reinstated', async () => {
		const db = await basic();
		const created = await onlyEntryOf(db, () =>
			createIndicator(db, planner, indicator, [{ period: '2025', value: '5' }])
		);
		expect(created).toMatchObject({
			actor: 'amina.planner',
			action: 'indicator.create',
			subject: 'PO1-K9',
			detail: { after: { indicator_title: indicator.indicator_title, 'target 2025': '5' } }
		});
		expect(created.detail).not.toHaveProperty('before');
		expect(created.detail.batches).toHaveLength(2);

		const { indicator_code: _, ...rest } = indicator;
		const edited = await onlyEntryOf(db, async () =>
			expect(
				await editIndicator(db, planner, 'PO1-K9', { ...rest, unit: 'alert networks' }, [
					{ period: '2025', value: '6' }
				])
			).toEqual({ ok: true })
		);
		expect(edited).toMatchObject({
			action: 'indicator.update',
			subject: 'PO1-K9',
			detail: {
				before: { unit: 'networks', 'target 2025': '5' },
				after: { unit: 'alert networks', 'target 2025': '6' }
			}
		});

		const retired = await onlyEntryOf(db, () => retireIndicator(db, planner, 'PO1-K9'));
		expect(retired).toMatchObject({
			action: 'indicator.retire',
			subject: 'PO1-K9',
			detail: { before: { retired: false }, after: { retired: true } }
		});
		await nothingRecordedBy(db, () =>
			expect(retireIndicator(db, planner, 'PO1-K9').ok).toBe(false)
		);
		const back = await onlyEntryOf(db, () => reinstateIndicator(db, planner, 'PO1-K9'));
		expect(back).toMatchObject({
			action: 'indicator.reinstate',
			detail: { before: { retired: true }, after: { retired: false } }
		});
		expect(findStoredIndicator(db, 'PO1-K9')!.retired).toBe(false);
	});

	test('adopting a DPO indicator is an indicator created, with the standard code it came from', async () => {
		const db = await basic();
		const { indicator_title: _, ...fields } = { ...indicator, indicator_code: 'PO1-K10' };
		const entry = await onlyEntryOf(db, async () =>
			expect(await adoptIndicator(db, planner, '2.2.1', fields, ['territories'], [])).toEqual({
				ok: true
			})
		);
		const stored = findStoredIndicator(db, 'PO1-K10')!;
		expect(entry).toMatchObject({
			action: 'indicator.create',
			subject: 'PO1-K10',
			detail: { dpoCode: '2.2.1', after: indicatorFields('PO1-OC1', stored) }
		});
	});
});

describe('areas', () => {
	test('an area added, edited and given a population: one areas.edit entry each', async () => {
		const db = await basic();
		const added = await onlyEntryOf(db, () =>
			addArea(db, planner, {
				code: 'S1',
				name: 'South One',
				parent: 'S',
				level: 'territory',
				population: '',
				year: ''
			})
		);
		expect(added).toMatchObject({
			actor: 'amina.planner',
			action: 'areas.edit',
			subject: 'S1',
			detail: { before: null, after: { name: 'South One', parent: 'S', level: 'territory' } }
		});
		const edited = await onlyEntryOf(db, () =>
			editArea(db, planner, { code: 'S1', name: 'South 1', parent: 'S', level: 'territory' })
		);
		expect(edited.detail).toMatchObject({
			before: { name: 'South One' },
			after: { name: 'South 1' }
		});
		const population = await onlyEntryOf(db, () =>
			setPopulation(db, planner, { code: 'N1', population: '120000', year: '2024' })
		);
		expect(population.detail).toMatchObject({
			before: { 'population 2024': 100000 },
			after: { 'population 2024': 120000 }
		});
	});
});

describe('caveats', () => {
	test('created, changed and deleted, with the text before and after', async () => {
		const db = await basic();
		const input = { indicator: 'K1', area: 'N1', period: '2024-Q1', text: 'Roads cut by floods.' };
		let id = 0;
		const created = await onlyEntryOf(db, () => {
			const r = addCaveat(db, planner, input);
			if (r.ok) id = r.id;
		});
		expect(created).toEqual({
			id: created.id,
			at: created.at,
			actor: 'amina.planner',
			action: 'caveat.create',
			subject: String(id),
			detail: { after: input }
		});
		const changed = await onlyEntryOf(db, () =>
			updateCaveat(db, planner, id, { ...input, text: 'Roads cut by floods in March.' })
		);
		expect(changed).toMatchObject({
			action: 'caveat.update',
			subject: String(id),
			detail: {
				before: { text: 'Roads cut by floods.' },
				after: { text: 'Roads cut by floods in March.' }
			}
		});
		await nothingRecordedBy(db, () =>
			expect(updateCaveat(db, planner, id, { ...input, text: ' ' }).ok).toBe(false)
		);
		const deleted = await onlyEntryOf(db, () => expect(deleteCaveat(db, planner, id)).toBe(true));
		expect(deleted).toMatchObject({
			action: 'caveat.delete',
			subject: String(id),
			detail: { before: { ...input, text: 'Roads cut by floods in March.' } }
		});
		await nothingRecordedBy(db, () => expect(deleteCaveat(db, planner, id)).toBe(false));
	});
});

describe('RBB reports', () => {
	test('a text saved (before → after), then the report issued', async () => {
		const db = await basic();
		const first = await onlyEntryOf(db, () =>
			expect(saveRbbText(db, spu, 'FY2023/24', { section: 'PO1' }, ' A year. ').ok).toBe(true)
		);
		expect(first).toMatchObject({
			actor: 'spu-officer',
			action: 'rbb.text.save',
			subject: 'FY2023/24',
			detail: { section: 'PO1', before: { text: null }, after: { text: 'A year.' } }
		});
		const second = await onlyEntryOf(db, () =>
			saveRbbText(db, spu, 'FY2023/24', { indicator: 'K1' }, 'Fewer incidents.')
		);
		expect(second.detail).toEqual({
			indicator: 'K1',
			before: { text: null },
			after: { text: 'Fewer incidents.' }
		});
		const third = await onlyEntryOf(db, () =>
			saveRbbText(db, spu, 'FY2023/24', { section: 'PO1' }, 'A better year.')
		);
		expect(third.detail).toMatchObject({
			before: { text: 'A year.' },
			after: { text: 'A better year.' }
		});
		const language = await onlyEntryOf(db, () =>
			expect(setRbbLanguage(db, spu, 'FY2023/24', 'fr').ok).toBe(true)
		);
		expect(language).toMatchObject({
			action: 'rbb.language',
			subject: 'FY2023/24',
			detail: { before: { locale: 'en' }, after: { locale: 'fr' } }
		});
		const issued = await onlyEntryOf(db, () =>
			expect(issueRbbReport(db, spu, 'FY2023/24').ok).toBe(true)
		);
		expect(issued).toMatchObject({
			action: 'rbb.issue',
			subject: 'FY2023/24',
			detail: {
				before: { status: 'draft' },
				after: { status: 'issued' },
				frozenSeries: 3,
				locale: 'fr'
			}
		});
		await nothingRecordedBy(db, () =>
			expect(saveRbbText(db, spu, 'FY2023/24', { section: 'PO1' }, 'Too late').ok).toBe(false)
		);
	});
});

describe('assessment cycles and recommendations', () => {
	test('created, frozen again, rated (before → after), recommended on, issued, followed up', async () => {
		const db = await basic();
		const created = await onlyEntryOf(db, () =>
			expect(createCycle(db, spu, { code: '2024h1', ratingScale: '' }).ok).toBe(true)
		);
		expect(created).toEqual({
			...created,
			actor: 'spu-officer',
			action: 'cycle.create',
			subject: '2024-H1',
			detail: {
				periodStart: '2024-01-01',
				periodEnd: '2024-06-30',
				ratingScale: ['progressing', 'stalled', 'regressing'],
				frozenSeries: 3
			}
		});
		const frozen = await onlyEntryOf(db, () => refreezeCycle(db, spu, '2024-H1'));
		expect(frozen).toMatchObject({
			action: 'cycle.freeze',
			subject: '2024-H1',
			detail: { frozenSeries: 3 }
		});

		const rating = { result: 'PO1', rating: 'stalled', narrative: 'Little change.' };
		const rated = await onlyEntryOf(db, () => rateResult(db, spu, '2024-H1', rating));
		expect(rated).toMatchObject({
			action: 'cycle.rate',
			subject: '2024-H1',
			detail: {
				result: 'PO1',
				before: null,
				after: { rating: 'stalled', narrative: 'Little change.' }
			}
		});
		const rerated = await onlyEntryOf(db, () =>
			rateResult(db, spu, '2024-H1', { ...rating, rating: 'progressing' })
		);
		expect(rerated.detail).toEqual({
			result: 'PO1',
			before: { rating: 'stalled', narrative: 'Little change.' },
			after: { rating: 'progressing', narrative: 'Little change.' }
		});
		await nothingRecordedBy(db, () =>
			expect(rateResult(db, spu, '2024-H1', { ...rating, rating: 'superb' }).ok).toBe(false)
		);

		let reference = '';
		const recommended = await onlyEntryOf(db, () => {
			const r = addRecommendation(db, spu, '2024-H1', {
				text: 'Extend the alert network',
				owner: 'POC Unit',
				deadline: '2024-09-30',
				status: '',
				result: 'PO1'
			});
			if (r.ok) reference = r.reference;
		});
		// a recommendation is an action point of its cycle ('recommendation.create' and
		// 'recommendation.status' remain only in entries written before action points)
		expect(recommended).toMatchObject({
			action: 'action.create',
			subject: reference,
			detail: {
				after: {
					origin: 'assessment_cycle',
					cycle: '2024-H1',
					decision: 'Extend the alert network',
					owner: 'POC Unit',
					deadline: '2024-09-30',
					status: 'open',
					results: ['PO1']
				}
			}
		});

		const issued = await onlyEntryOf(db, () => issueCycle(db, spu, '2024-H1'));
		expect(issued).toMatchObject({
			action: 'cycle.issue',
			subject: '2024-H1',
			detail: { before: { status: 'draft' }, after: { status: 'issued' }, unrated: ['PO1-OC1'] }
		});
		await nothingRecordedBy(db, () => expect(issueCycle(db, spu, '2024-H1').ok).toBe(false));

		const followed = await onlyEntryOf(db, () =>
			updateActionPoint(db, spu, reference, { status: 'done', note: 'Network extended.' })
		);
		expect(followed).toMatchObject({
			action: 'action.status',
			subject: reference,
			detail: { before: { status: 'open' }, after: { status: 'done' }, note: 'Network extended.' }
		});
		const noted = await onlyEntryOf(db, () =>
			updateActionPoint(db, spu, reference, { status: 'done', note: 'Checked in August.' })
		);
		expect(noted).toMatchObject({ action: 'action.note', subject: reference });
		await nothingRecordedBy(db, () =>
			expect(updateActionPoint(db, spu, 'AP-9999', { status: 'done', note: '' }).ok).toBe(false)
		);
		await nothingRecordedBy(db, () =>
			expect(updateActionPoint(db, spu, reference, { status: 'dropped', note: ' ' }).ok).toBe(false)
		);
	});
});

describe('saved import sources', () => {
	test('saved, then saved again with another mapping: before → after', async () => {
		const db = await basic();
		const mapping = {
			kind: 'observations' as const,
			columns: { Indicator: 'indicator_code', Month: 'period', Count: 'value' },
			values: {}
		};
		const saved = await onlyEntryOf(db, () =>
			saveSource(db, planner, 'Incident database', 'count|indicator|month', mapping)
		);
		expect(saved).toMatchObject({
			actor: 'amina.planner',
			action: 'source.save',
			subject: 'Incident database',
			detail: { before: null, after: { headerSignature: 'count|indicator|month' } }
		});
		const again = await onlyEntryOf(db, () =>
			saveSource(db, planner, 'Incident database', 'count|indicator|month', {
				...mapping,
				values: { area_code: { Nord: 'N' } }
			})
		);
		expect(again.detail).toMatchObject({
			before: { valueMap: '{}' },
			after: { valueMap: JSON.stringify({ area_code: { Nord: 'N' } }) }
		});
	});
});

describe('append-only', () => {
	test('the database refuses to change or remove an entry', async () => {
		const db = await basic();
		const client = db.$client;
		expect(() => client.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(
			/append-only: an entry cannot be changed/
		);
		expect(() => client.prepare('DELETE FROM audit_log').run()).toThrow(
			/append-only: an entry cannot be removed/
		);
		expect(entriesAfter(db, 0).every((e) => e.actor === 'local-admin')).toBe(true);
		expect(entriesAfter(db, 0)).toHaveLength(4);
	});

	test('a write whose entry cannot be recorded is not made: both are in one transaction', async () => {
		const db = await basic();
		const count = (table: string) =>
			(db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
		const figures = count('observations');
		db.$client.exec(
			"CREATE TEMP TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END"
		);
		expect(() =>
			addCaveat(db, planner, { indicator: 'K1', area: null, period: '2024', text: 'Floods.' })
		).toThrow(/audit log unavailable/);
		expect(count('caveats')).toBe(0);
		await expect(
			importFiles(db, planner, [
				csv('o.csv', 'indicator_code,period,area_code,value\nK1,2024-03,N1,2\n')
			])
		).rejects.toThrow(/audit log unavailable/);
		expect([count('observations'), count('import_batches')]).toEqual([figures, 4]);
		expect(() => retireIndicator(db, planner, 'K1')).toThrow(/audit log unavailable/);
		expect(findStoredIndicator(db, 'K1')!.retired).toBe(false);
	});
});
