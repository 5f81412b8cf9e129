import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import { m } from '../../paraglide/messages.js';
import { currentLocale } from '../i18n/request-locale';
import type { Actor } from '../actor';
import type { WriteHolder } from '../db/write-turn';
import { setProgress } from '../imports/workspace/progress';
import { NotAllowed } from '../permissions';
import type { FromWorker, JobArgs, JobName, JobResult, ToWorker } from './handlers';

/** A job thread that stopped (crashed, ran out of memory, was ended) before answering. */
export class JobStopped extends Error {
	constructor(why: string) {
		super(m.impmsg_job_stopped({ why }));
		this.name = 'JobStopped';
	}
}

const ENTRY = 'job-worker.js';

/**
 * The thread's entry file, in the sources: next to this module under `vite dev` and the tests;
 * from the built server (build/server/chunks/…) found by walking up to the project's `src/`.
 */
function entryPath(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 8; i++) {
		for (const candidate of [join(dir, ENTRY), join(dir, 'src/lib/server/jobs', ENTRY)]) {
			if (existsSync(candidate)) return candidate;
		}
		dir = dirname(dir);
	}
	return resolve('src/lib/server/jobs', ENTRY);
}

interface Pending {
	resolve(value: unknown): void;
	reject(error: Error): void;
	onWait?: (holder: WriteHolder | null) => void;
}

/** An error from the thread, as the callers know it (NotAllowed stays NotAllowed, for 403s). */
function rebuilt(error: { name: string; message: string; code?: string }): Error {
	const e = new Error(error.message);
	if (error.name === 'NotAllowed') Object.setPrototypeOf(e, NotAllowed.prototype);
	e.name = error.name;
	return Object.assign(e, error.code ? { code: error.code } : {});
}

/**
 * One worker thread that runs jobs (handlers.ts) one at a time, started on first use and kept
 * for the next. If it dies, its jobs fail with JobStopped and the next job starts a new one;
 * the dead thread's connection goes with it, and SQLite rolls its transaction back.
 */
export class JobThread {
	private worker: Worker | null = null;
	private pending = new Map<number, Pending>();
	private nextId = 1;

	private start(): Worker {
		const worker = new Worker(entryPath(), { env: SHARE_ENV });
		worker.on('message', (m: FromWorker) => this.receive(m));
		worker.on('error', (e) => this.stopped(worker, e.message));
		worker.on('exit', (code) =>
			this.stopped(worker, m.impmsg_job_thread_exit({ code: String(code) }))
		);
		return worker;
	}

	private receive(message: FromWorker): void {
		if (message.type === 'progress') {
			setProgress(message.key, message.progress);
			return;
		}
		const job = this.pending.get(message.id);
		if (!job) return;
		if (message.type === 'waiting') {
			job.onWait?.(message.holder);
			return;
		}
		this.pending.delete(message.id);
		// an idle thread does not keep the process alive
		if (this.pending.size === 0) this.worker?.unref();
		if (message.type === 'done') job.resolve(message.result);
		else job.reject(rebuilt(message.error));
	}

	private stopped(worker: Worker, why: string): void {
		if (this.worker !== worker) return;
		this.worker = null;
		const jobs = [...this.pending.values()];
		this.pending.clear();
		for (const job of jobs) job.reject(new JobStopped(why));
	}

	run<N extends JobName>(
		job: N,
		actor: Actor,
		args: JobArgs<N>,
		databasePath: string,
		onWait?: (holder: WriteHolder | null) => void
	): Promise<JobResult<N>> {
		this.worker ??= this.start();
		this.worker.ref();
		const id = this.nextId++;
		// the thread writes its messages in the language of whoever queued the job
		const locale = currentLocale();
		const message: ToWorker = { id, job, databasePath, actor: { ...actor }, args, locale };
		return new Promise<JobResult<N>>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onWait });
			this.worker!.postMessage(message);
		});
	}

	/** Ends the thread (tests; shutdown). */
	async stop(): Promise<void> {
		const worker = this.worker;
		if (worker) await worker.terminate();
	}
}
