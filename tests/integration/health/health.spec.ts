/**
 * The health check (`GET /healthz`): the database answers and its migrations are this
 * version's. Real SQLite files, migrated as the server does; a migration record removed or
 * added by hand stands for an old or a newer database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createDb } from '../../../src/lib/server/db';
import { closeSessionsDbOf } from '../../../src/lib/server/db/sessions-db';
import { checkHealth } from '../../../src/lib/server/health/health';

const dir = mkdtempSync(join(tmpdir(), 'cpas-health-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a migrated database is healthy', () => {
	const db = createDb(join(dir, 'fresh.sqlite'));
	expect(checkHealth(db)).toEqual({ ok: true, database: 'ok', migrations: 'current' });
	closeSessionsDbOf(db);
	db.$client.close();
});

test('a database missing this version’s last migration is named', () => {
	const db = createDb(join(dir, 'old.sqlite'));
	db.$client.exec(
		'DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)'
	);
	const health = checkHealth(db);
	expect(health.ok).toBe(false);
	expect(health.database).toBe('ok');
	expect(health.migrations).toMatch(/main database lacks migrations/);
	closeSessionsDbOf(db);
	db.$client.close();
});

test('a database from a newer version is named too', () => {
	const db = createDb(join(dir, 'newer.sqlite'));
	db.$client
		.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
		.run('from-the-future', Date.now() * 10);
	expect(checkHealth(db).migrations).toMatch(/newer than this version/);
	closeSessionsDbOf(db);
	db.$client.close();
});

test('a database that cannot be read is unreachable', () => {
	const db = createDb(join(dir, 'closed.sqlite'));
	closeSessionsDbOf(db);
	db.$client.close();
	const health = checkHealth(db);
	expect(health.ok).toBe(false);
	expect(health.database).toMatch(/^unreachable: /);
	expect(health.migrations).toMatch(/^unknown/);
});
