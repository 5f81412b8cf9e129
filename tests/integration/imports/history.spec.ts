import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import {
	countBatchFigures,
	listBatchFigures,
	listReplacedFigures
} from '../../../src/lib/server/imports/batch-figures';
import { findBatch, listBatchPage } from '../../../src/lib/server/imports/batches';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { listSkippedRows } from '../../../src/lib/server/imports/skipped-rows';
import { csv, freshDb, importBasic } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const FIRST = { after: null, before: null };

describe('the list of batches', () => {
	test('newest first, a page at a time, forward and back', async () => {
		const db = freshDb();
		await importBasic(db);
		const first = listBatchPage(db, admin, FIRST, 3);
		expect(first.items.map((b) => [b.id, b.fileName, b.kind])).toEqual([
			[4, 'observations.csv', 'observations'],
			[3, 'indicators.csv', 'indicators'],
			[2, 'framework.csv', 'framework']
		]);
		expect(first).toMatchObject({ prev: null, next: 2 });
		const second = listBatchPage(db, admin, { after: first.next, before: null }, 3);
		expect(second.items.map((b) => b.id)).toEqual([1]);
		expect(second).toMatchObject({ prev: 1, next: null });
		const back = listBatchPage(db, admin, { after: null, before: second.prev }, 3);
		expect(back.items.map((b) => b.id)).toEqual([4, 3, 2]);
		expect(back).toMatchObject({ prev: null, next: 2 });
	});

	test('a batch with its file, counts, fingerprint and who imported it', async () => {
		const db = freshDb();
		await importBasic(db);
		expect(findBatch(db, admin, 4)).toMatchObject({
			fileName: 'observations.csv',
			kind: 'observations',
			rows: 9,
			inserted: 9,
			updated: 0,
			unchanged: 0,
			actor: 'local-admin',
			undoneAt: null,
			skipped: 0
		});
		expect(findBatch(db, admin, 4)!.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(findBatch(db, admin, 99)).toBeNull();
	});
});

describe('a batch’s figures', () => {
	test('the figures it wrote, with their lines, a page at a time', async () => {
		const db = freshDb();
		await importBasic(db);
		expect(countBatchFigures(db, admin, 4)).toBe(9);
		const first = listBatchFigures(db, admin, 4, FIRST, 4);
		expect(first.items.map((f) => f.line)).toEqual([2, 3, 4, 5]);
		expect(first.items[0]).toEqual({
			// the first figure of a fresh database: the id a verifier marks it by
			id: 1,
			indicator: 'K1',
			period: '2024-01',
			area: 'N1',
			dimensions: {},
			valueType: 'actual',
			value: 5,
			numerator: null,
			denominator: null,
			verification: 'verified',
			line: 2,
			suppressed: null
		});
		expect(first.items[2]).toMatchObject({ area: 'N2', dimensions: { sex: 'female' } });
		const rest = [];
		let page = first;
		while (page.next !== null) {
			page = listBatchFigures(db, admin, 4, { after: page.next, before: null }, 4);
			rest.push(...page.items.map((f) => f.line));
		}
		expect(rest).toEqual([6, 7, 8, 9, 10]);
		// a figure given as a pair
		expect(page.items.at(-1)).toMatchObject({
			indicator: 'K2',
			value: null,
			numerator: 30,
			denominator: 90
		});
	});

	test('a figure a later batch replaced is no longer listed as the earlier batch’s', async () => {
		const db = freshDb();
		await importBasic(db);
		await importFiles(db, admin, [
			csv('fix.csv', 'indicator_code,period,area_code,value\nK1,2024-01,N1,6\n')
		]);
		expect(countBatchFigures(db, admin, 4)).toBe(8);
		expect(listReplacedFigures(db, admin, 5, FIRST).items).toEqual([
			expect.objectContaining({
				indicator: 'K1',
				previous: expect.objectContaining({ value: 5, line: 2 }),
				previousBatch: { id: 4, fileName: 'observations.csv' },
				now: expect.objectContaining({ value: 6, batchId: 5, fileName: 'fix.csv' })
			})
		]);
		expect(listReplacedFigures(db, admin, 4, FIRST).items).toEqual([]);
	});

	test('the lines a batch skipped, when a planner imported only the valid rows', async () => {
		const db = freshDb();
		await importBasic(db);
		// the workspace records them; written here as it writes them
		db.$client
			.prepare(
				'INSERT INTO import_skipped_rows (batch_id, line, "column", value, message) VALUES (?, ?, ?, ?, ?)'
			)
			.run(4, 11, 'period', '2024-Q5', 'bad period');
		expect(findBatch(db, admin, 4)?.skipped).toBe(1);
		expect(listSkippedRows(db, admin, 4, FIRST).items).toEqual([
			{ line: 11, column: 'period', value: '2024-Q5', message: 'bad period' }
		]);
	});
});
