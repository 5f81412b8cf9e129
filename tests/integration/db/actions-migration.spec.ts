/**
 * The `actions` migration: every recommendation of an assessment cycle becomes an action point
 * of origin `assessment_cycle`, nothing lost — compared field by field with the rows of a
 * database at the migration before.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createDb } from '../../../src/lib/server/db';

const DRIZZLE = join(import.meta.dirname, '../../../drizzle');
let dir: string | undefined;

afterEach(() => {
	delete process.env.CPAS_MIGRATIONS;
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = undefined;
});

/** The project's migrations up to (not including) this branch's `…_actions`. */
function migrationsBeforeActions(): string {
	const folder = join(dir!, 'drizzle');
	cpSync(DRIZZLE, folder, { recursive: true });
	const journalPath = join(folder, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
	const at = journal.entries.findIndex((e) => e.tag.endsWith('_actions'));
	expect(at).toBeGreaterThan(0);
	journal.entries = journal.entries.slice(0, at);
	writeFileSync(journalPath, JSON.stringify(journal));
	return folder;
}

interface Recommendation {
	id: number;
	cycle_id: number;
	result_id: number | null;
	text: string;
	owner: string;
	deadline: string;
	status: string;
	created_by: string;
	created_at: string;
	updated_by: string;
	updated_at: string;
}

test('every recommendation becomes an action point of its cycle, field by field', () => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-migrate-actions-'));
	const file = join(dir, 'cpas.sqlite');
	process.env.CPAS_MIGRATIONS = migrationsBeforeActions();
	const older = createDb(file);
	delete process.env.CPAS_MIGRATIONS;
	const sql = older.$client;
	sql.exec(`
		INSERT INTO results (id, code, level, title) VALUES (7, 'PO1', 'objective', 'Civilians protected');
		INSERT INTO results (id, code, level, title, parent_id) VALUES (8, 'PO1-OC1', 'outcome', 'Alerts answered', 7);
		INSERT INTO assessment_cycles (id, code, period_start, period_end, rating_scale, status, created_by)
			VALUES (3, '2024-H1', '2024-01-01', '2024-06-30', '["progressing","stalled"]', 'issued', 'spu');
		INSERT INTO assessment_cycles (id, code, period_start, period_end, rating_scale, created_by)
			VALUES (4, '2024-H2', '2024-07-01', '2024-12-31', '["progressing","stalled"]', 'spu');
	`);
	const insert = sql.prepare(
		`INSERT INTO recommendations (id, cycle_id, result_id, text, owner, deadline, status, created_by, created_at, updated_by, updated_at)
		 VALUES (@id, @cycle_id, @result_id, @text, @owner, @deadline, @status, @created_by, @created_at, @updated_by, @updated_at)`
	);
	const before: Recommendation[] = [
		{
			id: 5,
			cycle_id: 3,
			result_id: 8,
			text: 'Extend the alert network to North Two',
			owner: 'POC Unit',
			deadline: '2024-09-30',
			status: 'in_progress',
			created_by: 'spu',
			created_at: '2024-07-02T08:00:00.000Z',
			updated_by: 'leadership',
			updated_at: '2024-08-01T10:30:00.000Z'
		},
		{
			id: 9,
			cycle_id: 3,
			result_id: null,
			text: 'Publish the community alert map',
			owner: 'JOC',
			deadline: '2024-08-31',
			status: 'dropped',
			created_by: 'spu',
			created_at: '2024-07-02T08:05:00.000Z',
			updated_by: 'spu',
			updated_at: '2024-09-01T00:00:00.000Z'
		},
		{
			id: 12,
			cycle_id: 4,
			result_id: 7,
			text: 'Train the community liaison assistants',
			owner: 'Civil Affairs',
			deadline: '2025-03-31',
			status: 'open',
			created_by: 'admin',
			created_at: '2025-01-10T09:00:00.000Z',
			updated_by: 'admin',
			updated_at: '2025-01-10T09:00:00.000Z'
		}
	];
	for (const r of before) insert.run(r);
	sql.close();

	const db = createDb(file);
	try {
		const points = db.$client.prepare('SELECT * FROM action_points ORDER BY id').all() as Record<
			string,
			unknown
		>[];
		expect(points).toHaveLength(before.length);
		const cycleCode: Record<number, string> = { 3: '2024-H1', 4: '2024-H2' };
		for (const [i, r] of before.entries()) {
			expect(points[i]).toEqual({
				id: r.id,
				reference: `AP-${String(r.id).padStart(4, '0')}`,
				origin: 'assessment_cycle',
				cycle_id: r.cycle_id,
				origin_reference: cycleCode[r.cycle_id],
				decision: r.text,
				owner_unit: r.owner,
				owner_account: null,
				area_id: null,
				deadline: r.deadline,
				status: r.status,
				drop_reason:
					r.status === 'dropped'
						? 'Dropped as a recommendation of cycle 2024-H1, before reasons were recorded.'
						: null,
				created_by: r.created_by,
				created_at: r.created_at,
				updated_by: r.updated_by,
				updated_at: r.updated_at
			});
		}
		expect(
			db.$client
				.prepare(
					'SELECT action_point_id, result_id, indicator_id FROM action_point_links ORDER BY action_point_id'
				)
				.all()
		).toEqual([
			{ action_point_id: 5, result_id: 8, indicator_id: null },
			{ action_point_id: 12, result_id: 7, indicator_id: null }
		]);
		// the old table is gone; the next action point takes the next number
		expect(
			db.$client
				.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'recommendations'")
				.get()
		).toEqual({ n: 0 });
		expect(db.$client.pragma('foreign_key_check')).toEqual([]);
		const next = db.$client
			.prepare(
				`INSERT INTO action_points (reference, origin, decision, owner_unit, deadline, created_by, updated_by)
				 VALUES ('AP-0013', 'other', 'x', 'JOC', '2025-01-01', 'a', 'a') RETURNING id`
			)
			.get() as { id: number };
		expect(next.id).toBe(13);
	} finally {
		db.$client.close();
	}
});
