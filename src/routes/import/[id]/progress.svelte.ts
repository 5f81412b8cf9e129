import { intlLocale } from '$lib/format/locale';
import { m } from '$lib/paraglide/messages.js';

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

/** The clock time formatter per language: built once, not on every poll. */
const clocks: Partial<Record<string, Intl.DateTimeFormat>> = {};

function clockText(at: number): string {
	const locale = intlLocale();
	const clock = (clocks[locale] ??= new Intl.DateTimeFormat(locale, {
		hour: '2-digit',
		minute: '2-digit'
	}));
	return clock.format(at);
}

/** "Waiting for the import of FILE by USER (started HH:MM)", in the reader's language and time. */
export function waitingText(w: NonNullable<ServerProgress['waitingFor']>): string {
	const values = { file: w.file, user: w.user, time: clockText(Date.parse(w.startedAt)) };
	if (w.via === 'server') return m.imp_waiting(values);
	if (w.via === 'command line') return m.imp_waiting_cli(values);
	return m.imp_waiting_via({ ...values, via: w.via });
}
