/**
 * Retiring framework nodes and indicators keeps their history: figures stay, the dashboards
 * stop showing them, and nothing new attaches to them.
 */
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { loadObjectiveView } from '../../../src/lib/server/dashboard/objective-view';
import { loadOverview } from '../../../src/lib/server/dashboard/overview';
import { exportKind } from '../../../src/lib/server/exports/export-files';
import { findNode } from '../../../src/lib/server/framework/nodes';
import {
	reinstateIndicator,
	reinstateNode,
	retireIndicator,
	retireNode
} from '../../../src/lib/server/framework/retire';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { listIndicators } from '../../../src/lib/server/indicators/list';
import { NotAllowed } from '../../../src/lib/server/permissions';
import { csv, freshDb, importBasic, tableCounts } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;

async function basic(): Promise<Db> {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	return db;
}

const retired = (db: Db, table: 'results' | 'indicators', code: string) =>
	(
		db.$client.prepare(`SELECT retired FROM ${table} WHERE code = ?`).get(code) as {
			retired: number;
		}
	).retired === 1;

describe('retiring an indicator', () => {
	test('keeps its figures and its export, and takes it off the lists', async () => {
		const db = await basic();
		const before = tableCounts(db);
		expect(retireIndicator(db, admin, 'K1')).toEqual({ ok: true, nodes: [], indicators: ['K1'] });
		expect(retired(db, 'indicators', 'K1')).toBe(true);
		expect(tableCounts(db)).toEqual(before);
		const exported = exportKind(db, admin, 'observations', { indicator: 'K1' });
		expect(exported.ok && [...exported.chunks].join('').trim().split('\n')).toHaveLength(6);
		expect(listIndicators(db, admin).map((i) => i.code)).toEqual(['1.2.1', 'K2']);
	});

	test('takes no new figures afterwards', async () => {
		const db = await basic();
		retireIndicator(db, admin, 'K1');
		const report = await importFiles(db, admin, [
			csv('late.csv', 'indicator_code,period,area_code,value\nK1,2024-03,N1,4\n')
		]);
		expect(report.ok).toBe(false);
		expect(report.files[0]!.errors[0]!.column).toBe('indicator_code');
	});

	test('twice, or an unknown one, is refused', async () => {
		const db = await basic();
		retireIndicator(db, admin, 'K1');
		expect(retireIndicator(db, admin, 'K1')).toEqual({
			ok: false,
			message: 'K1 is already retired.'
		});
		expect(retireIndicator(db, admin, 'K7')).toEqual({
			ok: false,
			message: 'Unknown indicator "K7".'
		});
	});

	test('reinstated, it is listed again with its figures', async () => {
		const db = await basic();
		retireIndicator(db, admin, 'K1');
		expect(reinstateIndicator(db, admin, 'K1').ok).toBe(true);
		expect(listIndicators(db, admin).map((i) => i.code)).toContain('K1');
	});
});

describe('retiring a node', () => {
	test('with active nodes or indicators below is refused, naming them', async () => {
		const db = await basic();
		expect(retireNode(db, admin, 'PO1-IM1')).toEqual({
			ok: false,
			message:
				'PO1-IM1 still has active nodes below it (PO1-OC1) and active indicators (1.2.1, K1, K2): retire them first, or retire PO1-IM1 with everything below it.'
		});
		expect(retired(db, 'results', 'PO1-IM1')).toBe(false);
	});

	test('once what is below is retired, the node retires alone', async () => {
		const db = await basic();
		for (const code of ['1.2.1', 'K1', 'K2']) retireIndicator(db, admin, code);
		expect(retireNode(db, admin, 'PO1-OC1')).toEqual({
			ok: true,
			nodes: ['PO1-OC1'],
			indicators: []
		});
		expect(retireNode(db, admin, 'PO1-IM1')).toEqual({
			ok: true,
			nodes: ['PO1-IM1'],
			indicators: []
		});
		expect(retired(db, 'results', 'PO1')).toBe(false);
	});

	test('with everything below, in one go: figures kept', async () => {
		const db = await basic();
		const before = tableCounts(db);
		expect(retireNode(db, admin, 'PO1', { withEverythingBelow: true })).toEqual({
			ok: true,
			nodes: ['PO1', 'PO1-IM1', 'PO1-OC1'],
			indicators: ['1.2.1', 'K1', 'K2']
		});
		for (const code of ['PO1', 'PO1-IM1', 'PO1-OC1'])
			expect(retired(db, 'results', code)).toBe(true);
		expect(listIndicators(db, admin)).toEqual([]);
		expect(tableCounts(db)).toEqual(before);
	});

	test('a node under a retired parent cannot be reinstated before its parent', async () => {
		const db = await basic();
		retireNode(db, admin, 'PO1-IM1', { withEverythingBelow: true });
		expect(reinstateNode(db, admin, 'PO1-OC1')).toEqual({
			ok: false,
			message: 'PO1-OC1 is under PO1-IM1, which is retired: reinstate PO1-IM1 first.'
		});
		expect(reinstateIndicator(db, admin, 'K2')).toEqual({
			ok: false,
			message: 'K2 measures PO1-OC1, which is retired: reinstate PO1-OC1 first.'
		});
		expect(reinstateNode(db, admin, 'PO1-IM1').ok).toBe(true);
		expect(reinstateNode(db, admin, 'PO1-OC1').ok).toBe(true);
		expect(findNode(db, 'PO1-OC1')!.retired).toBe(false);
	});

	test('needs the right to edit the framework', async () => {
		const db = await basic();
		const leadership: Actor = { username: 'dsrsg', role: 'leadership', cleared: true };
		expect(() => retireNode(db, leadership, 'PO1-OC1')).toThrow(NotAllowed);
		expect(() => retireIndicator(db, leadership, 'K1')).toThrow(NotAllowed);
		expect(retired(db, 'indicators', 'K1')).toBe(false);
	});

	test('leaves the dashboards, and stays in the framework export', async () => {
		const db = await basic();
		retireNode(db, admin, 'PO1-OC1', { withEverythingBelow: true });
		const view = loadObjectiveView(db, admin, 'PO1');
		expect(view.ok && view.view.chain.children.map((c) => c.children.length)).toEqual([0]);
		expect(view.ok && view.view.panels.perception).toEqual([]);
		retireNode(db, admin, 'PO1', { withEverythingBelow: true });
		expect(loadOverview(db, admin)).toEqual([]);
		const exported = exportKind(db, admin, 'framework');
		expect(exported.ok && [...exported.chunks].join('')).toMatch(/^PO1-OC1,outcome,/m);
	});
});
