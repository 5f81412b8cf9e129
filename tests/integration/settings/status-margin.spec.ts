/**
 * The status margin as the settings page writes it: stored as a product setting, audited with
 * what it was, refused outside 0–100 %, and still overridden by CPAS_STATUS_MARGIN.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { NotAllowed } from '../../../src/lib/server/permissions';
import {
	setStatusMargin,
	statusMargin,
	statusMarginFromEnv,
	storedStatusMargin
} from '../../../src/lib/server/settings/status-margin';
import { freshDb } from '../../helpers/db';

const PLANNER: Actor = { username: 'pat', role: 'planner', cleared: false };

function auditEntries(db: Db) {
	return (
		db.$client
			.prepare(
				"SELECT actor, action, subject, detail FROM audit_log WHERE action = 'settings.change'"
			)
			.all() as { actor: string; action: string; subject: string; detail: string }[]
	).map((e) => ({ ...e, detail: JSON.parse(e.detail) }));
}

let db: Db;
let savedEnv: string | undefined;

beforeEach(() => {
	db = freshDb();
	savedEnv = process.env.CPAS_STATUS_MARGIN;
	delete process.env.CPAS_STATUS_MARGIN;
});

afterEach(() => {
	if (savedEnv === undefined) delete process.env.CPAS_STATUS_MARGIN;
	else process.env.CPAS_STATUS_MARGIN = savedEnv;
});

describe('setStatusMargin', () => {
	test('stores the margin, which statuses then use, and audits before and after', () => {
		expect(statusMargin(db)).toBe(0.15);
		expect(storedStatusMargin(db)).toBeNull();

		expect(setStatusMargin(db, LOCAL_ADMINISTRATOR, 0.1)).toEqual({
			ok: true,
			before: 0.15,
			after: 0.1
		});
		expect(storedStatusMargin(db)).toBe(0.1);
		expect(statusMargin(db)).toBe(0.1);

		expect(setStatusMargin(db, LOCAL_ADMINISTRATOR, 0.125)).toMatchObject({
			before: 0.1,
			after: 0.125
		});
		expect(auditEntries(db)).toEqual([
			{
				actor: 'local-admin',
				action: 'settings.change',
				subject: 'status_margin',
				detail: { before: 0.15, after: 0.1 }
			},
			{
				actor: 'local-admin',
				action: 'settings.change',
				subject: 'status_margin',
				detail: { before: 0.1, after: 0.125 }
			}
		]);
	});

	test.each([-0.01, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
		'refuses %s and writes nothing',
		(fraction) => {
			const result = setStatusMargin(db, LOCAL_ADMINISTRATOR, fraction);
			expect(result.ok).toBe(false);
			expect(storedStatusMargin(db)).toBeNull();
			expect(auditEntries(db)).toEqual([]);
		}
	);

	test('accepts the edges, 0 and 100 %', () => {
		expect(setStatusMargin(db, LOCAL_ADMINISTRATOR, 0).ok).toBe(true);
		expect(statusMargin(db)).toBe(0);
		expect(setStatusMargin(db, LOCAL_ADMINISTRATOR, 1).ok).toBe(true);
		expect(statusMargin(db)).toBe(1);
	});

	test('only administrators may set it', () => {
		expect(() => setStatusMargin(db, PLANNER, 0.1)).toThrow(NotAllowed);
		expect(storedStatusMargin(db)).toBeNull();
	});

	test('CPAS_STATUS_MARGIN overrides the stored setting, which is kept for when it is unset', () => {
		setStatusMargin(db, LOCAL_ADMINISTRATOR, 0.1);
		process.env.CPAS_STATUS_MARGIN = '20%';
		expect(statusMarginFromEnv()).toBe(0.2);
		expect(statusMargin(db)).toBe(0.2);
		expect(storedStatusMargin(db)).toBe(0.1);
		delete process.env.CPAS_STATUS_MARGIN;
		expect(statusMargin(db)).toBe(0.1);
	});

	test('an unreadable CPAS_STATUS_MARGIN is ignored, as before', () => {
		expect(statusMarginFromEnv({ CPAS_STATUS_MARGIN: 'lots' })).toBeNull();
		expect(statusMarginFromEnv({ CPAS_STATUS_MARGIN: '  ' })).toBeNull();
		expect(statusMarginFromEnv({ CPAS_STATUS_MARGIN: '0.05' })).toBe(0.05);
	});
});
