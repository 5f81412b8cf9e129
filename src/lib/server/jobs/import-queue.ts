import { m } from '../../paraglide/messages.js';
import type { WriteHolder } from '../db/write-turn';
import { setProgress } from '../imports/workspace/progress';

/**
 * The server's imports, one at a time, first come first served. A big import holds SQLite's
 * only write lock for its whole transaction; the ones behind it wait here, without holding a
 * request thread, and the import page says for whom (`waitingFor`).
 */
interface Turn {
	/** the staged file's id, when a page polls its progress; null for the API */
	key: string | null;
	file: string;
	user: string;
	startedAt: Date | null;
}

const turns: Turn[] = [];
let last: Promise<unknown> = Promise.resolve();

function holderOf(turn: Turn): WriteHolder {
	return {
		file: turn.file,
		user: turn.user,
		startedAt: (turn.startedAt ?? new Date()).toISOString(),
		via: 'server',
		pid: process.pid
	};
}

/** Tells each waiting page whom it waits for. */
function tellWaiting(): void {
	const current = turns.find((t) => t.startedAt);
	if (!current) return;
	for (const turn of turns) {
		if (turn.startedAt || !turn.key) continue;
		setProgress(turn.key, { phase: 'waiting', done: 0, total: 0, waitingFor: holderOf(current) });
	}
}

/** While an import waits for another process's (the command line's), its page says so. */
export function waitingOutside(key: string | null, holder: WriteHolder | null): void {
	if (!key) return;
	const waitingFor = holder ?? {
		file: m.impmsg_holder_another_import(),
		user: m.impmsg_holder_another_process(),
		startedAt: new Date().toISOString(),
		via: 'command line',
		pid: 0
	};
	setProgress(key, { phase: 'waiting', done: 0, total: 0, waitingFor });
}

/** Runs `work` when the imports queued before it have finished. */
export function inTurn<T>(
	who: { key: string | null; file: string; user: string },
	work: () => Promise<T>
): Promise<T> {
	const turn: Turn = { ...who, startedAt: null };
	turns.push(turn);
	tellWaiting();
	const run = async () => {
		turn.startedAt = new Date();
		if (turn.key) setProgress(turn.key, null);
		tellWaiting();
		try {
			return await work();
		} finally {
			turns.splice(turns.indexOf(turn), 1);
			if (turn.key) setProgress(turn.key, null);
		}
	};
	const result = last.then(run, run);
	last = result.catch(() => undefined);
	return result;
}

/** The imports queued or running, oldest first (for a status line). */
export function queuedImports(): readonly Readonly<Turn>[] {
	return turns;
}
