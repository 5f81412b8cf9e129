/**
 * How far the check or the import of each staged file has come, for the page's progress bar:
 * held in memory (one server process), reported by the importer every few thousand records.
 */
export interface Progress {
	phase: 'checking' | 'importing';
	done: number;
	total: number;
}

const running = new Map<string, Progress>();

export function progressOf(id: string): Progress | null {
	return running.get(id) ?? null;
}

/** Runs `work` while reporting its progress under the staged file's id. */
export async function withProgress<T>(
	id: string,
	phase: Progress['phase'],
	total: number,
	work: (tell: (done: number) => void) => Promise<T>
): Promise<T> {
	const progress: Progress = { phase, done: 0, total };
	running.set(id, progress);
	try {
		return await work((done) => (progress.done = done));
	} finally {
		if (running.get(id) === progress) running.delete(id);
	}
}
