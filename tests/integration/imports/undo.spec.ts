import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { listReplacedFigures } from '../../../src/lib/server/imports/batch-figures';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { undoBatch } from '../../../src/lib/server/imports/undo';
import { csv, freshDb, importBasic, latestBatchId, tableCounts } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const FIRST_PAGE = { after: null, before: null };

/** Imports one observations file and returns its batch id. */
async function importFigures(db: Db, name: string, text: string): Promise<number> {
	const report = await importFiles(db, admin, [csv(name, text)]);
	expect(report.ok, JSON.stringify(report.files[0]?.errors)).toBe(true);
	return latestBatchId(db);
}

/** The stored figure of K1 for a month in area N1, or undefined when there is none. */
function k1(db: Db, month: string) {
	return db.$client
		.prepare(
			`SELECT o.value, o.verification, o.comment, o.batch_id AS batch, o.source_line AS line
			 FROM observations o JOIN indicators i ON i.id = o.indicator_id
			 JOIN areas a ON a.id = o.area_id
			 WHERE i.code = 'K1' AND o.period = ? AND a.code = 'N1' AND o.dimension_set_id =
			 (SELECT id FROM dimension_sets WHERE key = '{}')`
		)
		.get(month) as
		| {
				value: number;
				verification: string | null;
				comment: string | null;
				batch: number;
				line: number;
		  }
		| undefined;
}

function lastBatchOf(db: Db, indicator: string): number | null {
	return (
		db.$client
			.prepare('SELECT last_batch_id AS id FROM indicators WHERE code = ?')
			.get(indicator) as {
			id: number | null;
		}
	).id;
}

function batchRow(db: Db, id: number) {
	return db.$client
		.prepare('SELECT undone_at AS undoneAt, undone_by AS undoneBy FROM import_batches WHERE id = ?')
		.get(id) as { undoneAt: string | null; undoneBy: string | null };
}

/** The basic fixtures, and the id of their observations batch (K1 2024-01 N1 = 5, line 2). */
async function basic(db: Db): Promise<number> {
	await importBasic(db);
	return latestBatchId(db);
}

describe('undoing a batch of figures', () => {
	test('a batch that only inserted figures is undone by deleting them', async () => {
		const db = freshDb();
		const original = await basic(db);
		const before = tableCounts(db);
		const added = await importFigures(
			db,
			'march.csv',
			'indicator_code,period,area_code,value\nK1,2024-03,N1,4\nK1,2024-04,N1,6\n'
		);
		expect(lastBatchOf(db, 'K1')).toBe(added);

		const result = undoBatch(db, admin, added);

		expect(result).toMatchObject({ ok: true, counts: { deleted: 2, restored: 0, keptLater: 0 } });
		expect(result.message).toBe(`Import #${added} undone: 2 figures it had added deleted.`);
		expect(k1(db, '2024-03')).toBeUndefined();
		expect({ ...tableCounts(db), import_batches: before.import_batches }).toEqual(before);
		expect(batchRow(db, added)).toMatchObject({ undoneBy: 'local-admin' });
		expect(batchRow(db, added).undoneAt).toMatch(/^\d{4}-\d\d-\d\dT/);
		// the indicator's freshness goes back to the import whose figures it still holds
		expect(lastBatchOf(db, 'K1')).toBe(original);
	});

	test('a batch that updated figures gives them their previous values back', async () => {
		const db = freshDb();
		const original = await basic(db);
		const fix = await importFigures(
			db,
			'fix.csv',
			'indicator_code,period,area_code,value,comment\nK1,2024-02,N1,7,\nK1,2024-01,N1,6,recount\nK1,2024-03,N1,2,\n'
		);
		expect(k1(db, '2024-01')).toMatchObject({ value: 6, comment: 'recount', batch: fix, line: 3 });

		const result = undoBatch(db, admin, fix);

		expect(result).toMatchObject({ ok: true, counts: { deleted: 1, restored: 1, keptLater: 0 } });
		expect(result.message).toBe(
			`Import #${fix} undone: 1 figure it had added deleted, and 1 figure it had changed given its previous value back.`
		);
		// the stored version, provenance included: its batch and line in the first file
		expect(k1(db, '2024-01')).toEqual({
			value: 5,
			verification: 'verified',
			comment: null,
			batch: original,
			line: 2
		});
		// an unchanged line of the undone file was never its figure: untouched
		expect(k1(db, '2024-02')).toMatchObject({ value: 7, batch: original });
		expect(k1(db, '2024-03')).toBeUndefined();
		// the history keeps what the batch replaced, and shows the figure holds it again
		const replaced = listReplacedFigures(db, admin, fix, FIRST_PAGE);
		expect(replaced.items).toEqual([
			expect.objectContaining({
				indicator: 'K1',
				period: '2024-01',
				area: 'N1',
				previous: {
					value: 5,
					numerator: null,
					denominator: null,
					verification: 'verified',
					line: 2,
					suppressed: null
				},
				previousBatch: { id: original, fileName: 'observations.csv' },
				now: expect.objectContaining({ value: 5, batchId: original })
			})
		]);
		expect(lastBatchOf(db, 'K1')).toBe(original);
	});

	test('the same file imported again after an undo updates again, and undoes again', async () => {
		const db = freshDb();
		const original = await basic(db);
		const text = 'indicator_code,period,area_code,value\nK1,2024-01,N1,6\n';
		const first = await importFigures(db, 'fix.csv', text);
		undoBatch(db, admin, first);
		const again = await importFigures(db, 'fix.csv', text);
		expect(k1(db, '2024-01')).toMatchObject({ value: 6, batch: again });
		expect(undoBatch(db, admin, again)).toMatchObject({ ok: true, counts: { restored: 1 } });
		expect(k1(db, '2024-01')).toMatchObject({ value: 5, batch: original, line: 2 });
		expect(tableCounts(db).observation_history).toBe(2);
	});

	test('a batch is undone once: the second undo is refused and changes nothing', async () => {
		const db = freshDb();
		await basic(db);
		const fix = await importFigures(
			db,
			'fix.csv',
			'indicator_code,period,area_code,value\nK1,2024-01,N1,6\n'
		);
		undoBatch(db, admin, fix);
		const undoneAt = batchRow(db, fix).undoneAt;
		const counts = tableCounts(db);

		const second = undoBatch(db, admin, fix, { confirm: true });

		expect(second).toMatchObject({ ok: false, problem: 'already_undone' });
		expect(second.message).toContain(`Import #${fix} was already undone on`);
		expect(second.message).toContain('by local-admin');
		expect(batchRow(db, fix).undoneAt).toBe(undoneAt);
		expect(tableCounts(db)).toEqual(counts);
	});

	test('an unknown batch is not found', async () => {
		const db = freshDb();
		expect(undoBatch(db, admin, 99)).toMatchObject({
			ok: false,
			problem: 'not_found',
			message: 'There is no import #99.'
		});
	});

	test('only planners and administrators may undo', async () => {
		const db = freshDb();
		const fix = await basic(db);
		const viewer: Actor = { username: 'v', role: 'viewer', cleared: false };
		expect(() => undoBatch(db, viewer, fix)).toThrow('may not import');
		expect(batchRow(db, fix).undoneAt).toBeNull();
	});
});

describe('undoing a batch whose figures a later batch changed', () => {
	/** basic, then A (K1 2024-01 N1: 5 → 6, adds 2024-05), then B (2024-01 → 8) */
	async function twoFixes(db: Db) {
		const original = await basic(db);
		const a = await importFigures(
			db,
			'a.csv',
			'indicator_code,period,area_code,value\nK1,2024-01,N1,6\nK1,2024-05,N1,1\n'
		);
		const b = await importFigures(
			db,
			'b.csv',
			'indicator_code,period,area_code,value\nK1,2024-01,N1,8\n'
		);
		return { original, a, b };
	}

	test('without confirmation nothing is done and the later changes are listed', async () => {
		const db = freshDb();
		const { a, b } = await twoFixes(db);
		const counts = tableCounts(db);

		const result = undoBatch(db, admin, a);

		expect(result).toMatchObject({
			ok: false,
			problem: 'confirmation_required',
			counts: { deleted: 1, restored: 0, keptLater: 1 }
		});
		if (result.ok || result.problem !== 'confirmation_required') throw new Error('unreachable');
		expect(result.later.count).toBe(1);
		expect(result.later.batches).toEqual([
			expect.objectContaining({ id: b, fileName: 'b.csv', actor: 'local-admin', figures: 1 })
		]);
		expect(result.later.figures).toEqual([
			expect.objectContaining({
				indicator: 'K1',
				period: '2024-01',
				area: 'N1',
				dimensions: {},
				valueType: 'actual',
				written: expect.objectContaining({ value: 6 }),
				now: expect.objectContaining({ value: 8, batchId: b })
			})
		]);
		expect(result.message).toBe(
			`1 figure that import #${a} wrote has since been changed by a later import. Undoing it anyway deletes 1 figure it added, and leaves that figure as it is.`
		);
		expect(tableCounts(db)).toEqual(counts);
		expect(batchRow(db, a).undoneAt).toBeNull();
		expect(k1(db, '2024-05')).toMatchObject({ value: 1 });
	});

	test('with confirmation the rest is undone and the later figures are left as they are', async () => {
		const db = freshDb();
		const { a, b } = await twoFixes(db);

		const result = undoBatch(db, admin, a, { confirm: true });

		expect(result).toMatchObject({ ok: true, counts: { deleted: 1, restored: 0, keptLater: 1 } });
		expect(result.message).toBe(
			`Import #${a} undone: 1 figure it had added deleted. 1 figure that a later import changed was left as it is.`
		);
		expect(k1(db, '2024-05')).toBeUndefined();
		expect(k1(db, '2024-01')).toMatchObject({ value: 8, batch: b });
		expect(batchRow(db, a).undoneBy).toBe('local-admin');
		// B still holds its figure: it stays the indicator's latest import
		expect(lastBatchOf(db, 'K1')).toBe(b);
	});

	test('undoing the later batch afterwards skips the undone one and restores the original', async () => {
		const db = freshDb();
		const { original, a, b } = await twoFixes(db);
		undoBatch(db, admin, a, { confirm: true });

		const result = undoBatch(db, admin, b);

		// B replaced A's 6, but A is undone: the figure goes back to what A replaced
		expect(result).toMatchObject({ ok: true, counts: { deleted: 0, restored: 1, keptLater: 0 } });
		expect(k1(db, '2024-01')).toMatchObject({ value: 5, batch: original, line: 2 });
		expect(lastBatchOf(db, 'K1')).toBe(original);
	});

	test('undoing the later batch first, then the earlier one, needs no confirmation', async () => {
		const db = freshDb();
		const { original, a, b } = await twoFixes(db);
		expect(undoBatch(db, admin, b)).toMatchObject({ ok: true, counts: { restored: 1 } });
		expect(k1(db, '2024-01')).toMatchObject({ value: 6, batch: a });

		expect(undoBatch(db, admin, a)).toMatchObject({
			ok: true,
			counts: { deleted: 1, restored: 1, keptLater: 0 }
		});
		expect(k1(db, '2024-01')).toMatchObject({ value: 5, batch: original });
	});

	test('a figure a batch added and a later batch changed goes when both are undone', async () => {
		const db = freshDb();
		await basic(db);
		const a = await importFigures(
			db,
			'a.csv',
			'indicator_code,period,area_code,value\nK1,2024-06,N1,3\n'
		);
		const b = await importFigures(
			db,
			'b.csv',
			'indicator_code,period,area_code,value\nK1,2024-06,N1,4\n'
		);
		expect(undoBatch(db, admin, a, { confirm: true })).toMatchObject({
			ok: true,
			counts: { deleted: 0, restored: 0, keptLater: 1 }
		});
		expect(k1(db, '2024-06')).toMatchObject({ value: 4 });

		const result = undoBatch(db, admin, b);

		expect(result).toMatchObject({ ok: true, counts: { deleted: 1, restored: 0 } });
		expect(k1(db, '2024-06')).toBeUndefined();
	});
});

describe('undoing batches of the other kinds', () => {
	test.each([
		['areas', 'area_code,area_name\nN9,North Nine\n'],
		['framework', 'result_code,result_level,result_title,parent_result\nPO2,objective,Second,\n'],
		[
			'indicators',
			'indicator_code,indicator_title,result_code,category,direction,measure\nK9,Nine,PO1-IM1,situation,decrease,count\n'
		]
	])('a batch of %s is refused with the reason, and nothing changes', async (kind, text) => {
		const db = freshDb();
		await basic(db);
		const report = await importFiles(db, admin, [csv(`${kind}.csv`, text)]);
		expect(report.ok).toBe(true);
		const id = latestBatchId(db);
		const counts = tableCounts(db);

		const result = undoBatch(db, admin, id, { confirm: true });

		expect(result).toMatchObject({ ok: false, problem: 'not_undoable' });
		expect(result.message).toContain(`Import #${id} is a file of ${kind}`);
		expect(result.message).toContain(
			'Only files of figures (observations, lists) and of sites can be undone'
		);
		expect(tableCounts(db)).toEqual(counts);
		expect(batchRow(db, id).undoneAt).toBeNull();
	});
});
