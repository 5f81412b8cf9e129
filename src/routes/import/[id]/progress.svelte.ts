/**
 * How far the server has come with this upload's check or import, polled while the form's
 * request runs: the records read so far, or — while it waits its turn — whose import runs.
 */
export interface ServerProgress {
	phase: 'checking' | 'importing' | 'waiting';
	done: number;
	total: number;
	waitingFor?: { file: string; user: string; startedAt: string; via: string };
}

export class ProgressPoll {
	/** the last answer; null before the first or when the server has nothing under way */
	progress: ServerProgress | null = $state(null);
	running = $state(false);
	#timer: ReturnType<typeof setInterval> | null = null;
	readonly #url: () => string;

	constructor(url: () => string) {
		this.#url = url;
	}

	/** records read so far, 0 while none */
	get done(): number {
		return this.progress?.phase === 'waiting' ? 0 : (this.progress?.done ?? 0);
	}

	get waitingFor(): ServerProgress['waitingFor'] | null {
		return this.progress?.phase === 'waiting' ? (this.progress.waitingFor ?? null) : null;
	}

	/** Starts polling; the returned function stops it (call it when the request has answered). */
	start(every = 500): () => void {
		this.stop();
		this.running = true;
		this.#timer = setInterval(() => void this.#ask(), every);
		return () => this.stop();
	}

	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
		this.running = false;
		this.progress = null;
	}

	async #ask(): Promise<void> {
		const answer = await fetch(this.#url()).catch(() => null);
		const progress = answer?.ok ? ((await answer.json()) as ServerProgress | null) : null;
		if (this.running) this.progress = progress;
	}
}

/** "Waiting for the import of FILE by USER (started HH:MM)", in the reader's own time. */
export function waitingText(w: NonNullable<ServerProgress['waitingFor']>): string {
	const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(
		Date.parse(w.startedAt)
	);
	const from = w.via === 'server' ? '' : ` from the ${w.via}`;
	return `Waiting for the import of ${w.file} by ${w.user}${from} (started ${time})`;
}
