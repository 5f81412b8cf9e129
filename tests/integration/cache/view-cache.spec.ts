/**
 * Computed views are kept per data version and reader visibility (src/lib/server/cache/): a
 * kept view is never handed to a reader who may not see it, and any committed write — by this
 * connection or another one, like the import worker or the command line — is seen by the next
 * read. Real SQLite throughout: in memory, and a file opened by two connections.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, NOBODY, type Actor } from '../../../src/lib/server/actor';
import { dataVersion } from '../../../src/lib/server/cache/data-version';
import { VersionedCache } from '../../../src/lib/server/cache/versioned-cache';
import {
	cachedView,
	viewCacheBytes,
	viewCacheOf,
	visibilityOf
} from '../../../src/lib/server/cache/view-cache';
import { addCaveat } from '../../../src/lib/server/caveats/caveats';
import { loadIndicatorDetail } from '../../../src/lib/server/dashboard/indicator-detail';
import { loadObjectiveView } from '../../../src/lib/server/dashboard/objective-view';
import { loadOverview } from '../../../src/lib/server/dashboard/overview';
import { createDb, type Db } from '../../../src/lib/server/db';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { NotAllowed } from '../../../src/lib/server/permissions';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { setStatusMargin } from '../../../src/lib/server/settings/status-margin';
import { BASIC, csv, freshDb, importBasic } from '../../helpers/db';

const viewer: Actor = { username: 'v', role: 'viewer', cleared: false };
const clearedViewer: Actor = { username: 'c', role: 'viewer', cleared: true };

const RESTRICT_K2 = csv(
	'indicators.csv',
	'indicator_code,indicator_title,result_code,category,direction,measure,frequency,dimensions,sensitivity\n' +
		'K2,% feel safe,PO1-OC1,perception,increase,percent,quarter,,restricted\n'
);

function objectiveCodes(db: Db, actor: Actor): string[] {
	const loaded = loadObjectiveView(db, actor, 'PO1');
	if (!loaded.ok) throw new Error(loaded.message);
	return Object.values(loaded.view.panels).flatMap((p) => p.map((v) => v.code));
}

function latestK1(db: Db, actor: Actor = viewer): number | null {
	const loaded = loadSeries(db, actor, 'K1', { by: 'month' });
	if (!loaded.ok) throw new Error(loaded.message);
	return loaded.series.points.find((p) => p.period === '2024-01')?.actual ?? null;
}

describe('one reader never gets another reader’s view', () => {
	let db: Db;
	beforeEach(async () => {
		db = freshDb();
		expect((await importBasic(db)).ok).toBe(true);
		expect((await importFiles(db, LOCAL_ADMINISTRATOR, [RESTRICT_K2])).ok).toBe(true);
	});

	test('a cleared reader first, then an uncleared one: the restricted indicator stays hidden', () => {
		expect(objectiveCodes(db, clearedViewer)).toContain('K2');
		expect(objectiveCodes(db, viewer)).not.toContain('K2');
		expect(
			loadOverview(db, clearedViewer).flatMap((o) => o.indicators.map((i) => i.code))
		).toContain('K2');
		expect(loadOverview(db, viewer).flatMap((o) => o.indicators.map((i) => i.code))).not.toContain(
			'K2'
		);
		expect(loadSeries(db, clearedViewer, 'K2').ok).toBe(true);
		expect(loadSeries(db, viewer, 'K2')).toMatchObject({ ok: false, problem: 'not_found' });
		expect(loadIndicatorDetail(db, clearedViewer, 'K2', {}, null).ok).toBe(true);
		expect(loadIndicatorDetail(db, viewer, 'K2', {}, null)).toMatchObject({ ok: false });
	});

	test('an uncleared reader first, then a cleared one: the cleared one sees it', () => {
		expect(objectiveCodes(db, viewer)).not.toContain('K2');
		expect(loadSeries(db, viewer, 'K2').ok).toBe(false);
		expect(objectiveCodes(db, clearedViewer)).toContain('K2');
		expect(loadSeries(db, clearedViewer, 'K2').ok).toBe(true);
	});

	test('the views really are kept: a second read is a hit, and the same object', () => {
		const cache = viewCacheOf(db);
		const first = loadObjectiveView(db, viewer, 'PO1');
		const hits = cache.hits;
		expect(loadObjectiveView(db, { ...viewer, username: 'another viewer' }, 'PO1')).toBe(first);
		expect(cache.hits).toBe(hits + 1);
		// another visibility is another entry
		expect(loadObjectiveView(db, clearedViewer, 'PO1')).not.toBe(first);
		// other parameters are another entry
		expect(loadObjectiveView(db, viewer, 'PO1', { area: 'N1' })).not.toBe(first);
	});

	test('a kept view still asks whether the reader may read', () => {
		loadOverview(db, viewer);
		expect(() => loadOverview(db, NOBODY)).toThrow(NotAllowed);
		expect(() => loadSeries(db, NOBODY, 'K1')).toThrow(NotAllowed);
	});

	test('a kept view cannot be changed by one request under another’s feet', () => {
		const loaded = loadSeries(db, viewer, 'K1');
		if (!loaded.ok) throw new Error(loaded.message);
		expect(() => (loaded.series.points as unknown[]).push(null)).toThrow(TypeError);
		expect(() => {
			(loaded.series as { area: string | null }).area = 'N1';
		}).toThrow(TypeError);
	});

	test('visibility is clearance and role; the user name is not part of it', () => {
		expect(visibilityOf(viewer)).toBe(visibilityOf({ ...viewer, username: 'x' }));
		expect(visibilityOf(viewer)).not.toBe(visibilityOf(clearedViewer));
		expect(visibilityOf(viewer)).not.toBe(visibilityOf({ ...viewer, role: 'leadership' }));
	});
});

describe('every committed write is seen by the next read', () => {
	let db: Db;
	beforeEach(async () => {
		db = freshDb();
		expect((await importBasic(db)).ok).toBe(true);
	});

	test('figures imported on the same connection', async () => {
		expect(latestK1(db)).toBe(12);
		const version = dataVersion(db);
		const imported = await importFiles(db, LOCAL_ADMINISTRATOR, [
			csv('observations.csv', 'indicator_code,period,area_code,value\nK1,2024-01,N1,50\n')
		]);
		expect(imported.ok).toBe(true);
		expect(dataVersion(db)).not.toBe(version);
		expect(latestK1(db)).toBe(57);
	});

	test('a settings change (the status margin) and a caveat', () => {
		const before = loadObjectiveView(db, viewer, 'PO1');
		if (!before.ok) throw new Error(before.message);
		expect(setStatusMargin(db, LOCAL_ADMINISTRATOR, 0.3).ok).toBe(true);
		const after = loadObjectiveView(db, viewer, 'PO1');
		if (!after.ok) throw new Error(after.message);
		expect(after.view.margin).toBe(0.3);
		expect(after.view.margin).not.toBe(before.view.margin);

		expect(after.view.caveats.K1).toEqual([]);
		expect(
			addCaveat(db, LOCAL_ADMINISTRATOR, {
				indicator: 'K1',
				area: null,
				period: '2024-01',
				text: 'Roads were cut.'
			}).ok
		).toBe(true);
		const withCaveat = loadObjectiveView(db, viewer, 'PO1');
		if (!withCaveat.ok) throw new Error(withCaveat.message);
		expect(withCaveat.view.caveats.K1?.map((c) => c.text)).toEqual(['Roads were cut.']);
	});

	test('the framework: a new indicator appears on the objective', async () => {
		expect(objectiveCodes(db, viewer)).not.toContain('K3');
		const added = await importFiles(db, LOCAL_ADMINISTRATOR, [
			csv(
				'indicators.csv',
				'indicator_code,indicator_title,result_code,category,direction,measure,frequency\n' +
					'K3,Patrols,PO1-OC1,capacity,increase,count,month\n'
			)
		]);
		expect(added.ok).toBe(true);
		expect(objectiveCodes(db, viewer)).toContain('K3');
	});

	test('nothing read inside a transaction is kept (it may still be rolled back)', () => {
		const cache = viewCacheOf(db);
		db.transaction(() => {
			loadSeries(db, viewer, 'K1');
			loadSeries(db, viewer, 'K1');
		});
		expect(cache.size).toBe(0);
	});
});

describe('writes by another connection (the import worker, the command line)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'cpas-view-cache-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	test('are seen by the server’s connection on its next read', async () => {
		const path = join(dir, 'cpas.sqlite');
		const server = createDb(path);
		const worker = createDb(path);
		expect((await importFiles(worker, LOCAL_ADMINISTRATOR, BASIC)).ok).toBe(true);
		expect(latestK1(server)).toBe(12);
		expect(latestK1(server)).toBe(12);
		const version = dataVersion(server);
		const imported = await importFiles(worker, LOCAL_ADMINISTRATOR, [
			csv('observations.csv', 'indicator_code,period,area_code,value\nK1,2024-01,N1,50\n')
		]);
		expect(imported.ok).toBe(true);
		expect(dataVersion(server)).not.toBe(version);
		expect(latestK1(server)).toBe(57);

		expect(objectiveCodes(server, viewer)).toContain('K2');
		expect((await importFiles(worker, LOCAL_ADMINISTRATOR, [RESTRICT_K2])).ok).toBe(true);
		expect(objectiveCodes(server, viewer)).not.toContain('K2');
		server.$client.close();
		worker.$client.close();
	});
});

describe('the cache’s bounds', () => {
	test('the least recently used view goes first once the size is reached', () => {
		const cache = new VersionedCache<string>(100);
		cache.useVersion('1');
		cache.set('a', 'A', 40);
		cache.set('b', 'B', 40);
		expect(cache.get('a')).toBe('A');
		cache.set('c', 'C', 40);
		expect(cache.get('b')).toBeUndefined();
		expect(cache.get('a')).toBe('A');
		expect(cache.get('c')).toBe('C');
		expect(cache.usedBytes).toBe(80);
		// larger than the whole budget: not kept at all
		cache.set('huge', 'H', 101);
		expect(cache.get('huge')).toBeUndefined();
		expect(cache.size).toBe(2);
	});

	test('a new data version forgets every view kept for the old one', () => {
		const cache = new VersionedCache<string>(100);
		cache.useVersion('1');
		cache.set('a', 'A', 10);
		cache.useVersion('2');
		expect(cache.get('a')).toBeUndefined();
		expect(cache.usedBytes).toBe(0);
	});

	test('the day is part of the version (freshness depends on it)', () => {
		const db = freshDb();
		const day = Date.UTC(2026, 0, 1, 12);
		expect(dataVersion(db, day)).not.toBe(dataVersion(db, day + 24 * 3600_000));
		expect(dataVersion(db, day)).toBe(dataVersion(db, day + 3600_000));
	});

	test('CPAS_VIEW_CACHE_MB sets the budget; 0 keeps nothing; nonsense is refused', () => {
		expect(viewCacheBytes({})).toBe(32 * 1024 * 1024);
		expect(viewCacheBytes({ CPAS_VIEW_CACHE_MB: '8' })).toBe(8 * 1024 * 1024);
		expect(viewCacheBytes({ CPAS_VIEW_CACHE_MB: '0' })).toBe(0);
		expect(() => viewCacheBytes({ CPAS_VIEW_CACHE_MB: 'lots' })).toThrow(/CPAS_VIEW_CACHE_MB/);
	});

	test('a view whose computation saw a write is not kept', () => {
		const db = freshDb();
		const cache = viewCacheOf(db);
		const value = cachedView(db, viewer, 'test', [], () => {
			db.$client.exec('CREATE TABLE IF NOT EXISTS t (x); INSERT INTO t VALUES (1)');
			return { x: 1 };
		});
		expect(value).toEqual({ x: 1 });
		expect(cache.size).toBe(0);
	});
});
