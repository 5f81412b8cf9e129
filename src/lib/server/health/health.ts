/**
 * Whether this installation can serve: the database answers, and its migrations (and the
 * sessions database's) are the ones this build ships. What `GET /healthz` reports, for the
 * service manager, the container's health check and a load balancer (docs/operations.md).
 * No actor: it tells nothing about the data, and must answer before anyone signs in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Db } from '../db';
import { migrationsFolder } from '../db';
import { sessionsDbOf } from '../db/sessions-db';

export interface Health {
	ok: boolean;
	database: 'ok' | string;
	migrations: 'current' | string;
}

/** The time stamp of the newest migration a folder ships (drizzle's journal). */
function newestShipped(folder: string): number {
	const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
		entries: { when: number }[];
	};
	return Math.max(0, ...journal.entries.map((e) => e.when));
}

/** drizzle records each applied migration with its folder time stamp. */
function newestApplied(client: Database.Database): number {
	const row = client
		.prepare('SELECT max(created_at) AS newest FROM __drizzle_migrations')
		.get() as { newest: number | null };
	return Number(row.newest ?? 0);
}

function migrationsOf(name: string, client: Database.Database, folder: string): string | null {
	const shipped = newestShipped(folder);
	const applied = newestApplied(client);
	if (applied < shipped) return `the ${name} database lacks migrations this version ships`;
	if (applied > shipped) return `the ${name} database has migrations newer than this version`;
	return null;
}

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export function checkHealth(db: Db): Health {
	let database = 'ok';
	let sessions: ReturnType<typeof sessionsDbOf> | null = null;
	try {
		db.$client.prepare('SELECT 1').get();
		sessions = sessionsDbOf(db);
		sessions.$client.prepare('SELECT 1').get();
	} catch (error) {
		database = `unreachable: ${message(error)}`;
	}
	let migrations = 'current';
	if (database === 'ok' && sessions) {
		try {
			const problems = [
				migrationsOf('main', db.$client, migrationsFolder()),
				migrationsOf('sessions', sessions.$client, migrationsFolder('sessions'))
			].filter((p): p is string => p !== null);
			if (problems.length) migrations = problems.join('; ');
		} catch (error) {
			migrations = `unknown: ${message(error)}`;
		}
	} else {
		migrations = 'unknown: the database cannot be read';
	}
	return { ok: database === 'ok' && migrations === 'current', database, migrations };
}
