/**
 * Reading the audit log: filters (who, action family, subject, UTC days), newest first a page
 * at a time, administrators only; the page's load and the CSV export called as the server
 * calls them, on a database file the server opens itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NO_AUDIT_FILTER, type AuditFilter } from '../../../src/lib/domain/audit';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import { auditEntries, listAuditPage } from '../../../src/lib/server/audit/list';
import { sessionsDbOf } from '../../../src/lib/server/db/sessions-db';
import type { Db } from '../../../src/lib/server/db';
import { NotAllowed } from '../../../src/lib/server/permissions';
import { freshDb } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const planner: Actor = { username: 'amina', role: 'planner', cleared: false };

/** Entries at known times, oldest first: [at, actor, action, subject, detail]. */
const ENTRIES: [string, string, string, string, object][] = [
	['2025-01-31T23:59:59.999Z', 'amina', 'import', '1', { file: 'a.csv' }],
	['2025-02-01T00:00:00.000Z', 'amina', 'caveat.create', '7', { after: { text: 'Floods' } }],
	['2025-02-14T10:00:00.000Z', 'spu', 'cycle.create', '2025-H1', {}],
	['2025-02-14T11:00:00.000Z', 'spu', 'cycle.rate', '2025-H1', { result: 'PO1' }],
	['2025-02-28T23:59:59.999Z', 'amina', 'framework.node.move', 'PO1-OC1', {}],
	['2025-03-01T00:00:00.000Z', 'local-admin', 'indicator.update', '1.2.1', {}]
];

function seeded(): Db {
	const db = freshDb();
	const insert = db.$client.prepare(
		'INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)'
	);
	for (const [at, actor, action, subject, detail] of ENTRIES) {
		insert.run(at, actor, action, subject, JSON.stringify(detail));
	}
	return db;
}

const all = { after: null, before: null };
const ids = (db: Db, filter: Partial<AuditFilter>) =>
	listAuditPage(db, admin, { ...NO_AUDIT_FILTER, ...filter }, all).items.map((e) => e.id);

describe('listAuditPage', () => {
	test('newest first, with the detail read back', () => {
		const db = seeded();
		const page = listAuditPage(db, admin, NO_AUDIT_FILTER, all);
		expect(page.items.map((e) => e.id)).toEqual([6, 5, 4, 3, 2, 1]);
		expect(page.items.at(-1)).toEqual({
			id: 1,
			at: '2025-01-31T23:59:59.999Z',
			actor: 'amina',
			action: 'import',
			subject: '1',
			detail: { file: 'a.csv' }
		});
		expect([page.prev, page.next]).toEqual([null, null]);
	});

	test('by who, by subject, by action family', () => {
		const db = seeded();
		expect(ids(db, { actor: 'amina' })).toEqual([5, 2, 1]);
		expect(ids(db, { subject: '2025-H1' })).toEqual([4, 3]);
		expect(ids(db, { action: 'cycle' })).toEqual([4, 3]);
		expect(ids(db, { action: 'cycle.rate' })).toEqual([4]);
		expect(ids(db, { action: 'framework' })).toEqual([5]);
		// whole words: a family is not a prefix of letters, and LIKE's wildcards are letters
		expect(ids(db, { action: 'cyc' })).toEqual([]);
		expect(ids(db, { action: 'cycle_create' })).toEqual([]);
		expect(ids(db, { action: '%' })).toEqual([]);
	});

	test('by UTC days, both ends included, and filters combined', () => {
		const db = seeded();
		expect(ids(db, { from: '2025-02-01', to: '2025-02-28' })).toEqual([5, 4, 3, 2]);
		expect(ids(db, { from: '2025-02-14', to: '2025-02-14' })).toEqual([4, 3]);
		expect(ids(db, { to: '2025-01-31' })).toEqual([1]);
		expect(ids(db, { from: '2025-03-01' })).toEqual([6]);
		expect(ids(db, { actor: 'amina', from: '2025-02-01', action: 'caveat' })).toEqual([2]);
	});

	test('a page at a time by key: next and previous pages', () => {
		const db = seeded();
		const first = listAuditPage(db, admin, NO_AUDIT_FILTER, all, 4);
		expect(first.items.map((e) => e.id)).toEqual([6, 5, 4, 3]);
		expect(first.next).toBe(3);
		const second = listAuditPage(db, admin, NO_AUDIT_FILTER, { after: 3, before: null }, 4);
		expect(second.items.map((e) => e.id)).toEqual([2, 1]);
		expect([second.prev, second.next]).toEqual([2, null]);
		const back = listAuditPage(db, admin, NO_AUDIT_FILTER, { after: null, before: 2 }, 4);
		expect(back.items.map((e) => e.id)).toEqual([6, 5, 4, 3]);
		const filtered = listAuditPage(db, admin, { ...NO_AUDIT_FILTER, actor: 'amina' }, all, 2);
		expect(filtered.items.map((e) => e.id)).toEqual([5, 2]);
		expect(filtered.next).toBe(2);
	});

	test('sign-ins, kept in the sessions database, are read in time order with the rest', async () => {
		const db = seeded();
		const insert = sessionsDbOf(db).$client.prepare(
			'INSERT INTO access_audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)'
		);
		// the same millisecond as entry 2: the higher id (the sign-in's) is the newer
		insert.run('2025-02-01T00:00:00.000Z', 'amina', 'session.login', 'amina', '{}');
		insert.run('2025-02-20T08:00:00.000Z', 'anonymous', 'session.login.failed', 'spu', '{}');
		const [login, failed] = [1_000_000_001, 1_000_000_002];
		expect(ids(db, {})).toEqual([6, 5, failed, 4, 3, login, 2, 1]);
		expect(ids(db, { action: 'session' })).toEqual([failed, login]);
		expect(ids(db, { actor: 'amina', to: '2025-02-01' })).toEqual([login, 2, 1]);

		// pages cross from one log to the other and back, either way
		const first = listAuditPage(db, admin, NO_AUDIT_FILTER, all, 3);
		expect(first.items.map((e) => e.id)).toEqual([6, 5, failed]);
		const second = listAuditPage(
			db,
			admin,
			NO_AUDIT_FILTER,
			{ after: first.next, before: null },
			3
		);
		expect(second.items.map((e) => e.id)).toEqual([4, 3, login]);
		expect(second.prev).toBe(4);
		const third = listAuditPage(
			db,
			admin,
			NO_AUDIT_FILTER,
			{ after: second.next, before: null },
			3
		);
		expect(third.items.map((e) => e.id)).toEqual([2, 1]);
		expect(third.next).toBeNull();
		const back = listAuditPage(db, admin, NO_AUDIT_FILTER, { after: null, before: 2 }, 3);
		expect(back.items.map((e) => e.id)).toEqual([4, 3, login]);
		expect([back.prev, back.next]).toEqual([4, login]);

		const exported = [...auditEntries(db, admin, NO_AUDIT_FILTER)].map((e) => e.id);
		expect(exported).toEqual([6, 5, failed, 4, 3, login, 2, 1]);
	});

	test('administrators only', () => {
		const db = seeded();
		expect(() => listAuditPage(db, planner, NO_AUDIT_FILTER, all)).toThrow(NotAllowed);
	});
});

describe('the page and its CSV export', () => {
	type Handler = (event: never) => unknown;
	let dir = '';
	let load: Handler;
	let csvGet: Handler;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'cpas-audit-'));
		process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
		const db = (await import('../../../src/lib/server/db/app-db')).appDb();
		const insert = db.$client.prepare(
			'INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)'
		);
		for (const [at, actor, action, subject, detail] of ENTRIES) {
			insert.run(at, actor, action, subject, JSON.stringify(detail));
		}
		load = (await import('../../../src/routes/admin/audit/+page.server')).load as Handler;
		csvGet = (await import('../../../src/routes/admin/audit/audit.csv/+server')).GET as Handler;
	});

	afterAll(() => {
		delete process.env.DATABASE_PATH;
		rmSync(dir, { recursive: true, force: true });
	});

	const event = (path: string, actor: Actor = admin) =>
		({ url: new URL(`http://localhost${path}`), locals: { actor } }) as never;

	test('the page lists what its filters in the URL select, and links the same export', () => {
		const data = load(event('/admin/audit?actor=amina&action=&entries_after=9')) as {
			entries: { items: { id: number }[] };
			filter: AuditFilter;
			problems: string[];
			csvHref: string;
		};
		expect(data.entries.items.map((e) => e.id)).toEqual([5, 2, 1]);
		expect(data.filter).toEqual({ ...NO_AUDIT_FILTER, actor: 'amina' });
		expect(data.problems).toEqual([]);
		// the export takes the filters, not the page
		expect(data.csvHref).toBe('/admin/audit/audit.csv?actor=amina&action=');
	});

	test('a malformed date is said on the page', () => {
		const data = load(event('/admin/audit?from=yesterday')) as { problems: string[] };
		expect(data.problems).toEqual(['"yesterday" is not a date; write it as YYYY-MM-DD.']);
	});

	test('the CSV holds the filtered entries, newest first, detail as JSON', async () => {
		const response = csvGet(event('/admin/audit/audit.csv?action=cycle')) as Response;
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		const rows = Papa.parse<string[]>((await response.text()).trim()).data;
		expect(rows).toEqual([
			['id', 'at', 'actor', 'action', 'subject', 'detail'],
			['4', '2025-02-14T11:00:00.000Z', 'spu', 'cycle.rate', '2025-H1', '{"result":"PO1"}'],
			['3', '2025-02-14T10:00:00.000Z', 'spu', 'cycle.create', '2025-H1', '{}']
		]);
	});

	test('the export refuses a malformed date rather than export something else', () => {
		expect(() => csvGet(event('/admin/audit/audit.csv?to=2025-13-01'))).toThrow(
			expect.objectContaining({ status: 400 })
		);
	});

	// The gate answers 403 before route code runs (the permission matrix proves it); should a
	// request reach the route anyway, the capability itself refuses (answered as 403).
	test('refused for anyone but an administrator, page and export alike', () => {
		expect(() => load(event('/admin/audit', planner))).toThrow(NotAllowed);
		expect(() => csvGet(event('/admin/audit/audit.csv', planner))).toThrow(NotAllowed);
	});
});
