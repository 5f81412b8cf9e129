/**
 * The rows of issue 13's table, each done as the tester did it, through the doors a user uses
 * (requests.ts). A row notes its checks — what was measured against what must hold — and the
 * runner (run.ts) adds the server's peak memory and another user's waits over the row's time.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { holderPath, readHolder } from '../../src/lib/server/db/write-turn';
import { demoPassword } from '../../src/lib/server/demo/demo-password';
import type { HostileFile } from './generate';
import type { ImportData } from './import-data';
import type { MemoryProbe } from './probes';
import {
	apiImport,
	chunkedPost,
	cpas,
	formAction,
	formUpload,
	page,
	signInTimed,
	type Answer
} from './requests';

export interface Check {
	what: string;
	measured: string;
	target: string;
	/** null: a figure reported, with no target of its own */
	held: boolean | null;
}

export interface Context {
	origin: () => string;
	database: string;
	/** CPAS_STAGING_DIR of the server: spooled uploads in spool/, staged ones beside it */
	stagingDir: string;
	file: (name: HostileFile) => string;
	planner: string;
	token: string;
	/** the million figures, with their framework imported once */
	importData: () => Promise<ImportData>;
	memory: MemoryProbe;
	serverAlive: () => boolean;
	/** kill -9 of the server, then a start on the same database (run.ts) */
	killServer: () => Promise<void>;
	restartServer: () => Promise<string>;
	pauseReader: () => void;
	resumeReader: () => void;
	check: (check: Check) => void;
	/** The peak memory target of this row, in MB (1 GB unless the row says otherwise). */
	memoryTargetMb: number;
	/** Whether another user's waits count for this row (not while the server is down on purpose). */
	readerCounts: boolean;
}

export interface Row {
	name: string;
	/** the tester's words and figure */
	tester: string;
	files: HostileFile[];
	run: (ctx: Context) => Promise<void>;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const MB = 1024 * 1024;
const mb = (bytes: number) =>
	bytes < MB ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / MB).toFixed(1)} MB`;

/** The sentence of a page that says `needle` (tags stripped), to quote a refusal. */
export function sentenceWith(html: string, needle: RegExp): string | null {
	const text = html
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');
	const at = text.search(needle);
	if (at < 0) return null;
	// from the sentence's start (the last full stop before it, at most 200 characters back)
	const before = text.slice(Math.max(0, at - 200), at);
	const stop = Math.max(...['. ', '… ', '? ', '! '].map((m) => before.lastIndexOf(m)));
	const start = Math.max(0, at - 200) + (stop < 0 ? 0 : stop + 2);
	const end = text.indexOf('.', at);
	return text.slice(start, end < 0 ? at + 200 : Math.min(end + 1, at + 300)).trim();
}

interface Uploaded {
	upload: Answer;
	mapping: Answer | null;
	/** the page the planner lands on: the mapping page, or the form with its refusal */
	landed: Answer;
}

/** The form upload, then the mapping page it leads to (as the browser follows the 303). */
async function uploadAndMap(ctx: Context, file: string): Promise<Uploaded> {
	const upload = await formUpload(ctx.origin(), ctx.planner, file);
	const mapping =
		upload.status === 303 && upload.location?.startsWith('/import/')
			? await page(ctx.origin(), ctx.planner, upload.location)
			: null;
	return { upload, mapping, landed: mapping ?? upload };
}

/** The planner's "Discard": the staged upload is removed, so rows do not pile up files. */
async function discard(ctx: Context, uploaded: Uploaded): Promise<void> {
	if (uploaded.upload.location?.startsWith('/import/'))
		await formAction(ctx.origin(), ctx.planner, `${uploaded.upload.location}?/discard`, {});
}

function answered(a: Answer | null): string {
	return a ? `HTTP ${a.status} in ${s(a.ms)}` : 'not reached';
}

const workbook1m: Row = {
	name: 'workbook-1m',
	tester: 'honest 1M-row workbook: peak 2.78 GB; upload 14.8 s, mapping page 16.3 s',
	files: ['workbook-1m-rows.xlsx'],
	async run(ctx) {
		const done = await uploadAndMap(ctx, ctx.file('workbook-1m-rows.xlsx'));
		ctx.check({
			what: 'upload (form, 20 MB)',
			measured: answered(done.upload),
			target: '303 to the mapping step (tester: 14.8 s)',
			held: done.upload.status === 303
		});
		const shows = !!done.mapping && /indicator_code/.test(done.mapping.text);
		ctx.check({
			what: 'mapping page',
			measured: `${answered(done.mapping)}, ${mb(done.landed.bytes)} of HTML${shows ? ', columns shown' : ''}`,
			target: '200 with the columns (tester: 16.3 s)',
			held: done.mapping?.status === 200 && shows
		});
		await discard(ctx, done);
	}
};

const workbook28m: Row = {
	name: 'workbook-2.8m',
	tester: '2.8M-row workbook (440 MB of sheet XML): the server died at 4.55 GB and stayed down',
	files: ['workbook-2.8m-rows.xlsx'],
	async run(ctx) {
		ctx.memoryTargetMb = 1536;
		const done = await uploadAndMap(ctx, ctx.file('workbook-2.8m-rows.xlsx'));
		const refusal = sentenceWith(done.landed.text, /1,048,576/);
		ctx.check({
			what: 'upload, then the mapping page',
			measured: `upload ${answered(done.upload)}; page ${answered(done.mapping)}; ${refusal ? `“${refusal}”` : 'no refusal naming the row limit'}`,
			target: 'refused with a message naming the cap',
			held: refusal !== null && done.landed.status < 500
		});
		const health = await fetch(`${ctx.origin()}/healthz`).catch(() => null);
		ctx.check({
			what: 'the server stays up',
			measured: `process ${ctx.serverAlive() ? 'alive' : 'gone'}, /healthz ${health?.status ?? 'no answer'}`,
			target: 'alive, /healthz 200',
			held: ctx.serverAlive() && health?.status === 200
		});
		await discard(ctx, done);
	}
};

const quotes: Row = {
	name: 'doubled-quotes',
	tester: 'one cell of doubled quotes, 25/50/98 MB: 23 s/97 s/387 s, 1.9/3.6/4.0 GB',
	files: ['doubled-quotes-25mb.csv', 'doubled-quotes-50mb.csv', 'doubled-quotes-98mb.csv'],
	async run(ctx) {
		const times: number[] = [];
		const sizes = [25, 50, 98] as const;
		for (const size of sizes) {
			ctx.memory.resetPeak();
			const since = Date.now();
			const done = await uploadAndMap(ctx, ctx.file(`doubled-quotes-${size}mb.csv`));
			const ms = done.upload.ms + (done.mapping?.ms ?? 0);
			times.push(ms);
			const peak = ctx.memory.peakSince(since).peakMb;
			const refusal = sentenceWith(done.landed.text, /32,767|1,048,576/);
			ctx.check({
				what: `${size} MB: upload + mapping page`,
				measured: `${s(ms)} (upload ${answered(done.upload)}, page ${answered(done.mapping)}), peak ${Math.round(peak)} MB; ${refusal ? `“${refusal}”` : 'no refusal naming a cap'}`,
				target: 'refused naming a cap; peak < 1024 MB',
				held: refusal !== null && peak < 1024 && done.landed.status < 500
			});
			await discard(ctx, done);
		}
		// linear: the largest may take its share of the smallest's time, twice over, plus a second
		const allowed = 2 * (98 / 25) * times[0]! + 1000;
		ctx.check({
			what: 'time grows with the size',
			measured: `${times.map(s).join(' / ')} (98 MB / 25 MB: ${(times[2]! / times[0]!).toFixed(1)} ×)`,
			target: `98 MB ≤ ${s(allowed)} (2 × linear + 1 s)`,
			held: times[2]! <= allowed
		});
	}
};

/** A file whose mapping page must stay small however the file is shaped. */
function boundedPage(name: string, file: HostileFile, tester: string): Row {
	return {
		name,
		tester,
		files: [file],
		async run(ctx) {
			const done = await uploadAndMap(ctx, ctx.file(file));
			const refusal = sentenceWith(done.landed.text, /\d{1,3}(,\d{3})+ (characters|columns)/);
			ctx.check({
				what: 'the page the planner gets',
				measured: `upload ${answered(done.upload)}; page ${answered(done.mapping)}: ${mb(done.landed.bytes)} of HTML${refusal ? `; “${refusal}”` : ''}`,
				target: '≤ 1 MB of HTML, no 5xx',
				held: done.landed.bytes <= MB && done.landed.status < 500
			});
			await discard(ctx, done);
		}
	};
}

/** Polls until `check` holds; false if it did not within `ms`. */
async function until(check: () => boolean, ms: number): Promise<boolean> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) return false;
		await new Promise((r) => setTimeout(r, 50));
	}
	return true;
}

function importAnswer(a: Answer): string {
	try {
		const body = JSON.parse(a.text) as Record<string, unknown>;
		const counts = ['inserted', 'updated', 'unchanged']
			.filter((k) => typeof body[k] === 'number' && (body[k] as number) > 0)
			.map((k) => `${(body[k] as number).toLocaleString('en')} ${k}`);
		return `HTTP ${a.status} in ${s(a.ms)}${counts.length ? `, ${counts.join(', ')}` : ''}`;
	} catch {
		return `HTTP ${a.status} in ${s(a.ms)}: ${a.text.slice(0, 200)}`;
	}
}

const writesDuringImport: Row = {
	name: 'writes-during-import',
	tester:
		'signing in during a 1M-row API import: HTTP 500 after 8.3 s (SQLITE_BUSY); any other write too',
	files: [],
	async run(ctx) {
		const data = await ctx.importData();
		const marker = holderPath(ctx.database);
		let importing = true;
		const running = apiImport(ctx.origin(), ctx.token, data.figures[0]).finally(
			() => (importing = false)
		);
		type Sample = { at: number; ms: number; status: number; label: string; locked: boolean };
		const signIns: Sample[] = [];
		const writes: Sample[] = [];
		const t0 = Date.now();
		let n = 0;
		while (importing) {
			const began = Date.now();
			const lockedBefore = existsSync(marker);
			const signedIn = await signInTimed(ctx.origin(), 'verifier', demoPassword('verifier'));
			signIns.push({
				at: began - t0,
				ms: signedIn.ms,
				status: signedIn.status,
				label: String(signedIn.status),
				locked: lockedBefore || existsSync(marker)
			});
			const writeBegan = Date.now();
			const lockedWrite = existsSync(marker);
			// as the indicator page's caveat form sends it (use:enhance)
			const wrote = await formAction(
				ctx.origin(),
				ctx.planner,
				'/indicators/B01?/addCaveat',
				{
					scope: 'indicator',
					period: '2024-01',
					text: `Hostile test caveat ${++n}: written while an import runs.`
				},
				{ enhanced: true }
			);
			const type = /"type":"(\w+)"/.exec(wrote.text)?.[1] ?? '';
			writes.push({
				at: writeBegan - t0,
				ms: wrote.ms,
				status: wrote.status,
				label: `${wrote.status}${type ? ` ${type}` : ''}`,
				locked: lockedWrite || existsSync(marker)
			});
			await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - began))));
		}
		const imported = await running;
		const answeredAt = Date.now() - t0;
		ctx.check({
			what: 'the import (API, 1,008,000 figures)',
			measured: importAnswer(imported),
			target: '200',
			held: imported.status === 200
		});
		const summary = (list: Sample[]) => {
			const counts = new Map<string, number>();
			for (const x of list) counts.set(x.label, (counts.get(x.label) ?? 0) + 1);
			const sorted = [...list].sort((a, b) => a.ms - b.ms);
			const worst = sorted.at(-1);
			return (
				`${list.length} (${list.filter((x) => x.locked).length} while it wrote): ` +
				`${[...counts].map(([label, count]) => `${count} × ${label}`).join(', ')}; ` +
				`median ${s(sorted[sorted.length >> 1]?.ms ?? 0)}, slowest ${s(worst?.ms ?? 0)}` +
				(worst
					? ` (at ${s(worst.at)} of ${s(answeredAt)}${worst.locked ? ', while it wrote' : ''})`
					: '')
			);
		};
		const slowest = (list: Sample[]) => Math.max(0, ...list.map((x) => x.ms));
		ctx.check({
			what: 'sign-in (form) during the import',
			measured: summary(signIns),
			target: 'all 303 (signed in), each < 1 s',
			held:
				signIns.some((x) => x.locked) &&
				signIns.every((x) => x.status === 303) &&
				slowest(signIns) < 1000
		});
		ctx.check({
			what: 'a caveat added (form, with JavaScript) during the import',
			measured: summary(writes),
			target: 'saved, or the documented 503; never 500; each < 1 s',
			held:
				writes.some((x) => x.locked) &&
				writes.every((x) => x.label === '200 success' || x.status === 503) &&
				slowest(writes) < 1000
		});
	}
};

const cliDuringImport: Row = {
	name: 'cli-during-import',
	tester: 'a CLI import during a server import: “cpas: database is locked”, exit 1',
	files: [],
	async run(ctx) {
		const data = await ctx.importData();
		const server = apiImport(ctx.origin(), ctx.token, data.figures[1]);
		const serverWriting = () => readHolder(ctx.database)?.via === 'server';
		const writing = await until(serverWriting, 10 * 60_000);
		const started = Date.now();
		const cli = cpas(['import', data.slice], ctx.database).finished.then((run) => ({
			...run,
			endedAt: Date.now()
		}));
		await until(() => !serverWriting(), 10 * 60_000);
		const committedAt = Date.now();
		const serverDone = await server;
		const run = await cli;
		const line = run.stderr.split('\n').find((l) => /Waiting for another import/.test(l));
		ctx.check({
			what: 'the server import (API)',
			measured: importAnswer(serverDone),
			target: '200',
			held: serverDone.status === 200
		});
		const after = run.endedAt >= committedAt;
		ctx.check({
			what: '`cpas import` started while it wrote',
			measured: `${writing ? 'started while the server held the lock' : 'the server never held the lock'}; ${line ? `“${line.trim()}”` : 'no waiting line'}; exit ${run.code} after ${s(run.ms)}, ${after ? `${s(run.endedAt - committedAt)} after` : 'BEFORE'} the server's import committed (${s(committedAt - started)} after the CLI started); ${/Imported\./.test(run.stdout) ? '“Imported.”' : run.stdout.trim().slice(-200)}`,
			target: 'a waiting line, then exit 0 once the server’s import is in',
			held: writing && !!line && after && run.code === 0 && /Imported\./.test(run.stdout)
		});
	}
};

interface Figures {
	integrity: string;
	count: number;
	total: number;
	batches: number;
}

/**
 * A database's integrity and figures, read in a thread of its own: an integrity check of
 * millions of figures takes seconds, and on this thread it would hold up the reader probe (its
 * waits would grow by the harness's own work) and let kept-alive connections go stale.
 */
function figures(path: string, integrity = true): Promise<Figures> {
	const code = `
		const { parentPort, workerData } = require('node:worker_threads');
		const Database = require('better-sqlite3');
		const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
		try {
			const integrity = workerData.integrity ? String(db.pragma('integrity_check', { simple: true })) : 'not checked';
			const f = db.prepare('SELECT count(*) AS n, total(value) AS t FROM observations').get();
			const b = db.prepare('SELECT count(*) AS n FROM import_batches').get();
			parentPort.postMessage({ integrity, count: f.n, total: f.t, batches: b.n });
		} finally {
			db.close();
		}`;
	return new Promise((done, fail) => {
		const worker = new Worker(code, { eval: true, workerData: { path, integrity } });
		worker.once('message', done);
		worker.once('error', fail);
	});
}

const backupDuringImport: Row = {
	name: 'backup-during-import',
	tester:
		'copying the .sqlite file during an import: corrupt 1 time in 56, or missing a committed import',
	files: [],
	async run(ctx) {
		const data = await ctx.importData();
		const marker = holderPath(ctx.database);
		const before = await figures(ctx.database, false);
		const copy = join(ctx.stagingDir, '..', `backup-${Date.now()}.sqlite`);
		const server = apiImport(ctx.origin(), ctx.token, data.figures[2]);
		const writing = await until(() => existsSync(marker), 10 * 60_000);
		const backup = await cpas(['backup', copy], ctx.database).finished;
		const stillWriting = existsSync(marker);
		const serverDone = await server;
		const after = await figures(ctx.database, false);
		const copied = existsSync(copy) ? await figures(copy) : null;
		const same = (a: Figures, b: Figures) =>
			a.count === b.count && a.total === b.total && a.batches === b.batches;
		const holds = copied
			? same(copied, before)
				? 'none'
				: same(copied, after)
					? 'all'
					: 'PART'
			: '—';
		ctx.check({
			what: 'the import (API)',
			measured: importAnswer(serverDone),
			target: '200, and it changed the figures',
			held: serverDone.status === 200 && !same(before, after)
		});
		ctx.check({
			what: '`cpas backup` taken while it wrote',
			measured: `${writing ? 'begun while the import held the lock' : 'the import never held the lock'}, exit ${backup.code} in ${s(backup.ms)}${stillWriting ? ', done before the import committed' : ', done after the import committed'}; copy: integrity ${copied?.integrity ?? 'no file'}, ${copied?.count.toLocaleString('en') ?? 0} figures, holds ${holds} of the import`,
			target: 'exit 0; integrity ok; the import wholly or not at all',
			held:
				writing &&
				backup.code === 0 &&
				copied?.integrity === 'ok' &&
				(holds === 'none' || holds === 'all')
		});
	}
};

/** Entries under a folder (none when it does not exist). */
function entries(folder: string): string[] {
	return existsSync(folder) ? readdirSync(folder) : [];
}

/** Bytes of the files under a folder, recursively. */
function bytesUnder(folder: string): number {
	let total = 0;
	for (const entry of entries(folder)) {
		const path = join(folder, entry);
		const info = statSync(path);
		total += info.isDirectory() ? bytesUnder(path) : info.size;
	}
	return total;
}

/** An upload that declares `bytes`, sends half of them, then nothing more (the server dies first). */
function halfSent(
	url: string,
	headers: Record<string, string>,
	bytes: number
): { abort: () => void } {
	const req = httpRequest(url, {
		method: 'POST',
		headers: { ...headers, 'content-length': String(bytes) }
	});
	req.on('error', () => {});
	req.write(Buffer.alloc(bytes >> 1, 'a'));
	return { abort: () => req.destroy() };
}

const killMidUpload: Row = {
	name: 'kill-mid-upload',
	tester:
		'the server killed (kill -9) mid-upload: each killed upload’s spooled copy stays on disk forever',
	files: [],
	async run(ctx) {
		ctx.readerCounts = false;
		const spool = join(ctx.stagingDir, 'spool');
		const stagedBefore = entries(ctx.stagingDir).filter((e) => e !== 'spool');
		const bytes = 40 * MB;
		const uploads = [
			halfSent(
				`${ctx.origin()}/api/v1/imports?file_name=killed.csv`,
				{ authorization: `Bearer ${ctx.token}`, 'content-type': 'text/csv' },
				bytes
			),
			halfSent(
				`${ctx.origin()}/import/upload`,
				{
					origin: ctx.origin(),
					cookie: `cpas_session=${ctx.planner}`,
					'x-file-name': 'killed.csv',
					'content-type': 'text/csv'
				},
				bytes
			)
		];
		// both uploads are being written to disk
		const spooling = await until(
			() => entries(spool).length >= 2 && bytesUnder(spool) >= bytes * 0.9,
			60_000
		);
		const leftBefore = `${entries(spool).length} spooled (${mb(bytesUnder(spool))})`;
		ctx.pauseReader();
		await ctx.killServer();
		for (const u of uploads) u.abort();
		const leftAtKill = entries(spool).length;
		const log = await ctx.restartServer();
		// the first page after the start: computed afresh, while the import threads start
		const first = await page(ctx.origin(), ctx.planner, '/objectives/PO1');
		ctx.resumeReader();
		const stagedAfter = entries(ctx.stagingDir).filter((e) => e !== 'spool');
		const newStaged = stagedAfter.filter((e) => !stagedBefore.includes(e));
		const swept = /Removed \d+ interrupted[^\n]*/.exec(log)?.[0] ?? 'no sweep line';
		const health = await fetch(`${ctx.origin()}/healthz`).catch(() => null);
		const db = await figures(ctx.database);
		ctx.check({
			what: 'uploads on disk when killed',
			measured: `${leftBefore} when killed: ${leftAtKill} left by the kill`,
			target: 'two uploads being spooled (the test’s premise)',
			held: spooling && leftAtKill >= 2
		});
		ctx.check({
			what: 'after the restart',
			measured: `spool: ${entries(spool).length} left (${mb(bytesUnder(spool))}), ${newStaged.length} staged from the killed uploads; “${swept.trim()}”; /healthz ${health?.status ?? 'no answer'}; integrity ${db.integrity}`,
			target: 'nothing left; the server answers; integrity ok',
			held:
				entries(spool).length === 0 &&
				newStaged.length === 0 &&
				health?.status === 200 &&
				db.integrity === 'ok'
		});
		ctx.check({
			what: 'the first objective page after the restart',
			measured: answered(first),
			target: '(a figure: the caches are empty and the import threads starting)',
			held: null
		});
	}
};

const chunked413: Row = {
	name: 'chunked-413',
	tester: 'a chunked upload over the size limit: connection reset, no 413 message',
	files: [],
	async run(ctx) {
		const bytes = 120 * MB;
		const boundary = '----hostile-boundary';
		const doors: {
			what: string;
			url: string;
			headers: Record<string, string>;
			prefix: string;
			suffix: string;
		}[] = [
			{
				what: 'the upload form (multipart, chunked)',
				url: `${ctx.origin()}/import?/upload`,
				headers: {
					origin: ctx.origin(),
					cookie: `cpas_session=${ctx.planner}`,
					accept: 'text/html',
					'content-type': `multipart/form-data; boundary=${boundary}`
				},
				prefix: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
				suffix: `\r\n--${boundary}--\r\n`
			},
			{
				what: 'the upload with JavaScript (/import/upload, chunked)',
				url: `${ctx.origin()}/import/upload`,
				headers: {
					origin: ctx.origin(),
					cookie: `cpas_session=${ctx.planner}`,
					'x-file-name': 'big.csv',
					'content-type': 'text/csv'
				},
				prefix: '',
				suffix: ''
			},
			{
				what: 'POST /api/v1/imports (chunked)',
				url: `${ctx.origin()}/api/v1/imports?file_name=big.csv`,
				headers: { authorization: `Bearer ${ctx.token}`, 'content-type': 'text/csv' },
				prefix: '',
				suffix: ''
			}
		];
		for (const door of doors) {
			const outcome = await chunkedPost(door.url, door.headers, bytes, door.prefix, door.suffix);
			const message =
				sentenceWith(outcome.text, /limit is/) ??
				/"(?:error|message)":"([^"]*)"/.exec(outcome.text)?.[1] ??
				null;
			ctx.check({
				what: door.what,
				measured: outcome.error
					? `no answer: ${outcome.error} after ${mb(outcome.sent)} sent`
					: `HTTP ${outcome.status} after ${mb(outcome.sent)} sent, in ${s(outcome.ms)}${message ? `: “${message}”` : ', no message'}`,
				target: '413 with a message naming the limit',
				held: outcome.status === 413 && !!message && /100 MB/.test(message)
			});
		}
	}
};

/** In the order they run: the server is killed last. */
export const ROWS: Row[] = [
	workbook1m,
	workbook28m,
	quotes,
	boundedPage(
		'one-line-50mb',
		'one-line-50mb.csv',
		'one 50 MB line: the mapping page sent 105 MB of HTML'
	),
	boundedPage(
		'columns-100k',
		'columns-100k.csv',
		'100,000 columns: the mapping page sent 102 MB of HTML'
	),
	chunked413,
	writesDuringImport,
	cliDuringImport,
	backupDuringImport,
	killMidUpload
];
