import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where uploads are written while they arrive: one folder per upload, named after the server
 * process that receives it. An upload removes its folder when its request ends, however it
 * ends; a folder left by a process that no longer runs (killed mid-upload) is removed by the
 * sweep when a server starts. Kept apart from the staged uploads, so a sweep can never take an
 * upload a planner is still mapping.
 */
export function uploadsRoot(): string {
	return process.env.CPAS_STAGING_DIR ?? join(tmpdir(), 'cpas-staging');
}

function spoolRoot(): string {
	return join(uploadsRoot(), 'spool');
}

/** A new, empty folder for one upload of this process. */
export async function spoolFolder(): Promise<string> {
	const folder = join(spoolRoot(), `${process.pid}-${randomUUID()}`);
	await mkdir(folder, { recursive: true });
	return folder;
}

function running(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		// EPERM: it runs, as another user
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes the spooled uploads of processes that no longer run (and, at a server's start, of
 * an earlier process that had this one's pid). Returns how many it removed.
 */
export async function sweepSpool(): Promise<number> {
	let entries: string[];
	try {
		entries = await readdir(spoolRoot());
	} catch {
		return 0;
	}
	let removed = 0;
	for (const entry of entries) {
		const pid = Number(/^(\d+)-/.exec(entry)?.[1]);
		// at start, nothing of this process is spooled yet: a folder with its pid is older
		if (Number.isFinite(pid) && pid !== process.pid && running(pid)) continue;
		await rm(join(spoolRoot(), entry), { recursive: true, force: true });
		removed++;
	}
	return removed;
}
