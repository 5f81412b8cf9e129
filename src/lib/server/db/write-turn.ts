import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';

/**
 * Whose import holds the database's write lock: written next to the database file while an
 * import's transaction is open, so another process (the command line, the server) waiting for
 * its turn can say whom it waits for. Only a hint: the lock itself is SQLite's.
 */
export interface WriteHolder {
	/** the files being imported */
	file: string;
	user: string;
	/** ISO time the import took the lock */
	startedAt: string;
	/** `server` or `command line` */
	via: string;
	pid: number;
}

/** The marker's path: beside the database, derived from its file name. */
export function holderPath(databaseFile: string): string {
	return `${databaseFile}.importing.json`;
}

/** Who holds the lock, when the marker says so and its process is alive. */
export function readHolder(databaseFile: string): WriteHolder | null {
	if (!databaseFile || databaseFile === ':memory:') return null;
	try {
		const holder = JSON.parse(readFileSync(holderPath(databaseFile), 'utf8')) as WriteHolder;
		// a marker left by a killed process says nothing
		process.kill(holder.pid, 0);
		return holder;
	} catch {
		return null;
	}
}

export interface TurnOptions {
	/** Told once, when the lock is held by someone else and the turn must be waited for. */
	onWait?: (holder: WriteHolder | null) => void;
	/** Who this import is, for the marker. */
	holder?: Omit<WriteHolder, 'pid' | 'startedAt'>;
	/** Give up after this long (default: wait as long as it takes). */
	maxWaitMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isBusy(e: unknown): boolean {
	const code = (e as { code?: string }).code;
	return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/**
 * Opens a write transaction (`BEGIN IMMEDIATE`) once no other connection — another thread's
 * import, the command line's — holds the write lock. It asks without waiting inside SQLite
 * (busy_timeout 0 for the attempt) and sleeps between attempts, with back-off: a connection on
 * the server's main thread never blocks the event loop while another import runs.
 */
export async function beginWriteTurn(
	client: Database.Database,
	options: TurnOptions = {}
): Promise<void> {
	const timeout = client.pragma('busy_timeout', { simple: true }) as number;
	const started = Date.now();
	let told = false;
	for (let attempt = 0; ; attempt++) {
		client.pragma('busy_timeout = 0');
		try {
			client.exec('BEGIN IMMEDIATE');
			break;
		} catch (e) {
			if (!isBusy(e)) throw e;
		} finally {
			client.pragma(`busy_timeout = ${timeout}`);
		}
		if (!told) {
			told = true;
			options.onWait?.(readHolder(client.name));
		}
		if (options.maxWaitMs !== undefined && Date.now() - started > options.maxWaitMs) {
			throw Object.assign(
				new Error(
					`The database stayed locked by another import for ${Math.round((Date.now() - started) / 1000)} s; nothing was written. Try again when it has finished.`
				),
				{ code: 'SQLITE_BUSY' }
			);
		}
		await sleep(Math.min(25 * 2 ** attempt, 500));
	}
	if (options.holder && client.name !== ':memory:' && client.name) {
		const holder: WriteHolder = {
			...options.holder,
			startedAt: new Date().toISOString(),
			pid: process.pid
		};
		try {
			writeFileSync(holderPath(client.name), JSON.stringify(holder));
		} catch {
			// a read-only folder only loses the hint
		}
	}
}

/** Removes the marker once the transaction has ended (committed or rolled back). */
export function endWriteTurn(client: Database.Database): void {
	if (!client.name || client.name === ':memory:') return;
	rmSync(holderPath(client.name), { force: true });
}
