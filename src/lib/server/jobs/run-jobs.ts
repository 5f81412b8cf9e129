import { parentPort } from 'node:worker_threads';
// first: the messages ask it for their language
import { inLocale } from '../i18n/request-locale';
import { createDb, type Db } from '../db';
import { onProgress } from '../imports/workspace/progress';
import { JOBS, type FromWorker, type JobHooks, type ToWorker } from './handlers';

/*
 * The job thread: runs one job at a time on a connection of its own (better-sqlite3
 * connections belong to the thread that opened them), and tells the main thread how far it
 * has come, whom it waits for, and what came of it.
 */
const port = parentPort!;
const connections = new Map<string, Db>();

function connection(path: string): Db {
	let db = connections.get(path);
	if (!db) {
		db = createDb(path);
		connections.set(path, db);
	}
	return db;
}

const send = (message: FromWorker) => port.postMessage(message);

onProgress((key, progress) =>
	send({ id: null, type: 'progress', key, progress: progress && { ...progress } })
);

port.on('message', async (message: ToWorker) => {
	const { id, job, databasePath, actor, args, locale } = message;
	const hooks: JobHooks = { onWait: (holder) => send({ id, type: 'waiting', holder }) };
	try {
		const run = JOBS[job] as (
			db: Db,
			actor: ToWorker['actor'],
			args: unknown,
			hooks: JobHooks
		) => Promise<unknown>;
		const result = await inLocale(locale, () => run(connection(databasePath), actor, args, hooks));
		send({ id, type: 'done', result });
	} catch (e) {
		const error = e as Error & { code?: string };
		send({
			id,
			type: 'failed',
			error: { name: error.name ?? 'Error', message: String(error.message), code: error.code }
		});
	}
});
