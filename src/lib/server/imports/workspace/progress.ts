/**
 * How far the check or the import of each staged file has come, for the page's progress bar:
 * held in memory by the server's main thread, reported by the importer every few thousand
 * records. The importer runs on a job thread: it tells the main thread (onProgress), which
 * keeps the figure (setProgress) for the page to poll.
 */
export interface Progress {
	phase: 'checking' | 'importing' | 'waiting';
	done: number;
	total: number;
	/** While waiting: whose import runs now. */
	waitingFor?: { file: string; user: string; startedAt: string; via: string };
}

const running = new Map<string, Progress>();

type Listener = (id: string, progress: Progress | null) => void;
let listener: Listener | null = null;

/** Where each change of progress is told as well (the job thread sends it to the main thread). */
export function onProgress(tell: Listener): void {
	listener = tell;
}

export function progressOf(id: string): Progress | null {
	return running.get(id) ?? null;
}

/** Sets (or, with null, clears) the progress shown for a staged file. */
export function setProgress(id: string, progress: Progress | null): void {
	if (progress) running.set(id, progress);
	else running.delete(id);
}

/** Runs `work` while reporting its progress under the staged file's id. */
export async function withProgress<T>(
	id: string,
	phase: 'checking' | 'importing',
	total: number,
	work: (tell: (done: number) => void) => Promise<T>
): Promise<T> {
	const progress: Progress = { phase, done: 0, total };
	running.set(id, progress);
	listener?.(id, progress);
	try {
		return await work((done) => {
			progress.done = done;
			listener?.(id, progress);
		});
	} finally {
		if (running.get(id) === progress) {
			running.delete(id);
			listener?.(id, null);
		}
	}
}
