/**
 * What `npm run test:hostile` measures from outside the server, all the time it runs: the
 * server process's resident memory (worker threads are in the process) and another signed-in
 * user's wait for a page. Each row of the table reads the part of the record that fell within
 * its own time.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Memory of a process from /proc/PID/status, in MB; null when the process is gone. */
export function processMemory(pid: number): { rssMb: number; hwmMb: number } | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (field: string) =>
			Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
		const rssMb = kb('VmRSS') / 1024;
		// a process killed but not yet reaped has a status without them
		if (!Number.isFinite(rssMb)) return null;
		return { rssMb, hwmMb: kb('VmHWM') / 1024 };
	} catch {
		return null;
	}
}

/**
 * Samples the server's VmRSS every 100 ms. VmHWM (the kernel's own peak, which sees what
 * falls between two samples) is reset at the start of each row through /proc/PID/clear_refs,
 * so a row's peak is its own, not an earlier row's.
 */
export class MemoryProbe {
	private samples: { at: number; rssMb: number }[] = [];
	private timer: NodeJS.Timeout | null = null;

	constructor(private readonly pid: () => number | undefined) {}

	start(): void {
		this.timer = setInterval(() => {
			const pid = this.pid();
			const memory = pid === undefined ? null : processMemory(pid);
			if (memory) this.samples.push({ at: Date.now(), rssMb: memory.rssMb });
		}, 100);
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
	}

	/** Starts a row: the kernel's peak is set back to the present resident size. */
	resetPeak(): void {
		const pid = this.pid();
		if (pid === undefined) return;
		try {
			writeFileSync(`/proc/${pid}/clear_refs`, '5');
		} catch {
			// not allowed here: the samples alone give the peak
		}
	}

	/** The peak since `since`: the larger of the samples and the kernel's VmHWM. */
	peakSince(since: number): { peakMb: number; sampledMb: number; hwmMb: number | null } {
		const sampled = Math.max(0, ...this.samples.filter((s) => s.at >= since).map((s) => s.rssMb));
		const pid = this.pid();
		const hwm = pid === undefined ? null : (processMemory(pid)?.hwmMb ?? null);
		return { peakMb: Math.max(sampled, hwm ?? 0), sampledMb: sampled, hwmMb: hwm };
	}
}

export interface Wait {
	at: number;
	ms: number;
	status: number;
	/** whether an import held the database's write lock when the page was asked for */
	locked: boolean;
}

/**
 * Another signed-in user: asks for a page every 250 ms (the next request 250 ms after the
 * last one began, or at once when it took longer) and notes how long each answer took. Can be
 * paused while the server is deliberately down.
 */
export class ReaderProbe {
	readonly waits: Wait[] = [];
	private running = false;
	private paused = false;
	private loop: Promise<void> | null = null;

	constructor(
		private readonly url: () => string,
		private readonly cookie: () => string,
		private readonly importing: () => boolean = () => false
	) {}

	start(): void {
		this.running = true;
		this.loop = (async () => {
			while (this.running) {
				const began = Date.now();
				if (!this.paused) await this.ask(began);
				await new Promise((r) => setTimeout(r, Math.max(0, 250 - (Date.now() - began))));
			}
		})();
	}

	private async ask(began: number): Promise<void> {
		let status = 0;
		const locked = this.importing();
		try {
			const response = await fetch(this.url(), {
				headers: {
					cookie: `cpas_session=${this.cookie()}`,
					accept: 'text/html',
					'accept-encoding': 'gzip, deflate, br'
				},
				signal: AbortSignal.timeout(60_000)
			});
			await response.arrayBuffer();
			status = response.status;
		} catch {
			status = 0;
		}
		this.waits.push({
			at: began,
			ms: Date.now() - began,
			status,
			locked: locked || this.importing()
		});
	}

	pause(): void {
		this.paused = true;
	}

	resume(): void {
		this.paused = false;
	}

	async stop(): Promise<void> {
		this.running = false;
		await this.loop;
	}

	/**
	 * The answers of a time window: how many, the slowest (and when, from the window's start),
	 * the median, and the failures.
	 */
	since(
		from: number,
		to = Date.now(),
		leaveOut: readonly (readonly [number, number])[] = []
	): {
		count: number;
		maxMs: number;
		maxAt: number;
		maxLocked: boolean;
		p50Ms: number;
		failed: number;
	} {
		const within = this.waits.filter(
			(w) => w.at >= from && w.at <= to && !leaveOut.some(([a, b]) => w.at >= a && w.at <= b)
		);
		const sorted = [...within].sort((a, b) => a.ms - b.ms);
		const slowest = sorted.at(-1);
		return {
			count: within.length,
			maxMs: slowest?.ms ?? 0,
			maxAt: slowest ? slowest.at - from : 0,
			maxLocked: slowest?.locked ?? false,
			p50Ms: sorted[sorted.length >> 1]?.ms ?? 0,
			failed: within.filter((w) => w.status !== 200).length
		};
	}
}
