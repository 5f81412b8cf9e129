/**
 * `npm run bench:load`: how many signed-in readers one machine serves. Builds the app if needed,
 * starts the built server on a loopback port with a throwaway database and the demo mission,
 * creates one reader account per connection (viewers and leadership, in turn, not cleared),
 * signs each in, and runs autocannon against one page, each connection as its own reader:
 *
 * 1. `readers`: 50 connections on /objectives/PO1 for 30 s, nothing else running;
 * 2. `import`: the same while a planner imports a file of about 1,008,000 figures through
 *    `POST /api/v1/imports`, again and again (two files with different values, so each import
 *    really rewrites every figure) until the load stops;
 * 3. `public`: the public view switched on (docs/security.md "The public view") and the same
 *    connections without an account, anonymous readers of the same page. They all come from
 *    127.0.0.1, one client to the rate limit, so the server runs with the limit raised
 *    (CPAS_PUBLIC_RATE, see PUBLIC_RATE_FOR_BENCH): this measures serving, not the limit.
 *
 * Prints pages/s, latency p50/p95/p99, errors (connection errors, time-outs, non-2xx answers)
 * and the command that reproduces the run. Exit code 1 when a target is missed, 2 when the
 * measurement itself failed.
 *
 * Settings (environment): BENCH_CONNECTIONS (50), BENCH_DURATION seconds (30), BENCH_PATH
 * (/objectives/PO1), BENCH_SCENARIOS (readers,import; or public), BENCH_CPU_PROF=DIR (the server runs
 * with --cpu-prof and writes its profile into DIR when it stops), BENCH_KEEP_DATA=DIR (reuse
 * the generated import files there instead of generating them into the temporary folder).
 */
import { spawnSync } from 'node:child_process';
import {
	createReadStream,
	createWriteStream,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync
} from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
// autocannon ships no types; the few parts used here are typed below
import autocannonModule from 'autocannon';
import { LOCAL_ADMINISTRATOR } from '../../src/lib/server/actor';
import { createAccount } from '../../src/lib/server/auth/accounts';
import { createDb } from '../../src/lib/server/db';
import { setPublicView } from '../../src/lib/server/settings/public-view';
import {
	buildIfStale,
	freePort,
	signIn,
	startServer,
	stopServer,
	waitUntilServing,
	type BuiltServer
} from './built-server';

const PREFERRED_PORT = 4329;
/** Readers' roles, in turn; none cleared, like most of a mission's readers. */
const READER_ROLES = ['viewer', 'leadership'];
const READER_PASSWORD = 'bench-reader-pass-phrase';
/** A request slower than this counts as an error (time-out) rather than a latency. */
const REQUEST_TIMEOUT_S = 60;
/** An import still running this long after the load stopped is abandoned (the server rolls back). */
const IMPORT_GRACE_MS = 5 * 60_000;

export const TARGETS = {
	readers: { pagesPerSecond: 40, p95Ms: 2000, errors: 0 },
	import: { pagesPerSecond: 0, p95Ms: 3000, errors: 0 },
	public: { pagesPerSecond: 40, p95Ms: 2000, errors: 0 }
} as const;

/**
 * The public reader's rate limit while benchmarking: every connection comes from 127.0.0.1,
 * which the default (120 a minute per address) would stop after its burst. Raised, not off:
 * the limiter still runs for every request, so its cost is in the figures.
 */
export const PUBLIC_RATE_FOR_BENCH = '100000000:100000000';

export type Scenario = keyof typeof TARGETS;

interface AutocannonResult {
	duration: number;
	errors: number;
	timeouts: number;
	non2xx: number;
	statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonInstance {
	on(
		event: 'response',
		listener: (client: unknown, status: number, bytes: number, ms: number) => void
	): void;
	stop(): void;
}
interface AutocannonClient {
	setHeaders(headers: Record<string, string>): void;
}
type Autocannon = (
	options: {
		url: string;
		connections: number;
		duration: number;
		timeout: number;
		setupClient: (client: AutocannonClient) => void;
	},
	done: (error: Error | null, result: AutocannonResult) => void
) => AutocannonInstance;
const autocannon = autocannonModule as unknown as Autocannon;

export interface LoadFigures {
	seconds: number;
	pages: number;
	pagesPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	errors: number;
	statuses: Record<string, number>;
	meanBytes: number;
}

/** The q-quantile (0–1) of sorted values by the nearest-rank rule; 0 for none. */
export function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return 0;
	const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
	return sorted[rank - 1]!;
}

/** Pages/s, percentiles and errors of one run; a page is a 2xx answer. */
export function summarise(
	latencies: readonly { status: number; ms: number; bytes: number }[],
	seconds: number,
	transportErrors: number
): LoadFigures {
	const ok = latencies.filter((l) => l.status >= 200 && l.status < 300);
	const sorted = ok.map((l) => l.ms).sort((a, b) => a - b);
	const statuses: Record<string, number> = {};
	for (const l of latencies) statuses[l.status] = (statuses[l.status] ?? 0) + 1;
	return {
		seconds,
		pages: ok.length,
		pagesPerSecond: seconds > 0 ? ok.length / seconds : 0,
		p50: Math.round(quantile(sorted, 0.5)),
		p95: Math.round(quantile(sorted, 0.95)),
		p99: Math.round(quantile(sorted, 0.99)),
		max: Math.round(sorted.at(-1) ?? 0),
		errors: transportErrors + (latencies.length - ok.length),
		statuses,
		meanBytes: ok.length ? ok.reduce((n, l) => n + l.bytes, 0) / ok.length : 0
	};
}

/** Which targets the figures miss, in words; empty when all are met. */
export function missedTargets(scenario: Scenario, figures: LoadFigures): string[] {
	const target = TARGETS[scenario];
	const missed: string[] = [];
	if (figures.pagesPerSecond < target.pagesPerSecond)
		missed.push(`${figures.pagesPerSecond.toFixed(1)} pages/s < ${target.pagesPerSecond}`);
	if (figures.p95 >= target.p95Ms) missed.push(`p95 ${figures.p95} ms ≥ ${target.p95Ms} ms`);
	if (figures.errors > target.errors) missed.push(`${figures.errors} error(s)`);
	return missed;
}

/**
 * CPU seconds the server process has used (user + system, from /proc; null elsewhere). The
 * machine is shared, so pages/s depend on the neighbours; CPU per page does not.
 */
function cpuSeconds(pid: number | undefined): number | null {
	if (pid === undefined) return null;
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime and stime are fields 14 and 15 of the file, in clock ticks (100 per second)
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return null;
	}
}

function machineLoad(): string {
	return loadavg()
		.map((n) => n.toFixed(1))
		.join(' / ');
}

function setting(name: string, fallback: number): number {
	const text = process.env[name];
	if (text === undefined || text === '') return fallback;
	const value = Number(text);
	if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${text} is not a number > 0`);
	return value;
}

function runLoad(
	origin: string,
	path: string,
	cookies: string[],
	connections: number,
	seconds: number
): Promise<LoadFigures> {
	const latencies: { status: number; ms: number; bytes: number }[] = [];
	let next = 0;
	return new Promise((done, fail) => {
		const instance = autocannon(
			{
				url: origin + path,
				connections,
				duration: seconds,
				timeout: REQUEST_TIMEOUT_S,
				setupClient: (client) => {
					// each connection is its own signed-in reader (none: the public view's
					// anonymous reader), with a browser's headers
					const cookie = cookies.length ? cookies[next++ % cookies.length]! : null;
					client.setHeaders({
						...(cookie ? { cookie: `cpas_session=${cookie}` } : {}),
						accept: 'text/html',
						'accept-encoding': 'gzip, deflate, br'
					});
				}
			},
			(error, result) => {
				if (error) return fail(error);
				done(summarise(latencies, result.duration, result.errors));
			}
		);
		instance.on('response', (_client, status, bytes, ms) => latencies.push({ status, ms, bytes }));
	});
}

function print(
	label: string,
	figures: LoadFigures,
	missed: string[],
	cpu: { seconds: number | null; load: string }
): void {
	const statuses = Object.entries(figures.statuses)
		.map(([s, n]) => `${s}: ${n}`)
		.join(', ');
	console.log(
		`  ${label}: ${figures.pagesPerSecond.toFixed(1)} pages/s (${figures.pages} pages in ${figures.seconds.toFixed(1)} s), ` +
			`p50 ${figures.p50} ms, p95 ${figures.p95} ms, p99 ${figures.p99} ms, max ${figures.max} ms, ` +
			`errors ${figures.errors} (${statuses}), ${Math.round(figures.meanBytes).toLocaleString('en')} B/page on the wire`
	);
	const perPage =
		cpu.seconds !== null && figures.pages > 0
			? `${((cpu.seconds * 1000) / figures.pages).toFixed(1)} ms of server CPU per page (${((cpu.seconds / figures.seconds) * 100).toFixed(0)} % of one core)`
			: 'server CPU not measured';
	console.log(`  ${perPage}; machine load average (1/5/15 min) after: ${cpu.load}`);
	console.log(`  targets: ${missed.length ? `MISSED — ${missed.join('; ')}` : 'met'}`);
}

/** Rewrites the generated framework and indicator codes so they cannot touch the demo's PO1–PO3. */
async function renameObjectives(dir: string): Promise<void> {
	for (const file of ['framework.csv', 'indicators.csv']) {
		const text = await readFile(join(dir, file), 'utf8');
		await writeFile(join(dir, file), text.replace(/\bPO(\d)/g, 'BENCH$1'));
	}
}

/** A copy of observations.csv with every value changed, so importing it rewrites each figure. */
async function otherValues(from: string, to: string): Promise<void> {
	const out = createWriteStream(to);
	const lines = createInterface({ input: createReadStream(from), crlfDelay: Infinity });
	let header = true;
	for await (const line of lines) {
		if (header || line === '') {
			header = false;
			out.write(line + '\n');
			continue;
		}
		// indicator_code,period,area_code,value,sex,age
		const cells = line.split(',');
		cells[3] = String(Number(cells[3]) + 1);
		if (!out.write(cells.join(',') + '\n')) await new Promise((r) => out.once('drain', r));
	}
	await new Promise<void>((r) => out.end(r));
}

async function importFiles(dir: string): Promise<string[]> {
	const observations = join(dir, 'observations.csv');
	if (!existsSync(observations)) {
		console.log('Generating the import files (about 1,008,000 figures)…');
		const made = spawnSync('npx', ['tsx', 'scripts/bench/generate-import-file.ts', dir], {
			stdio: ['ignore', 'ignore', 'inherit'],
			timeout: 5 * 60_000
		});
		if (made.status !== 0) throw new Error('generating the import files failed');
		await renameObjectives(dir);
	}
	const changed = join(dir, 'observations-b.csv');
	if (!existsSync(changed)) await otherValues(observations, changed);
	return [observations, changed];
}

async function postImport(
	origin: string,
	cookie: string,
	file: string
): Promise<{ ok: boolean; ms: number; detail: string }> {
	const started = Date.now();
	const response = await fetch(
		`${origin}/api/v1/imports?file_name=${encodeURIComponent(file.split('/').at(-1)!)}`,
		{
			method: 'POST',
			headers: { cookie: `cpas_session=${cookie}`, 'content-type': 'text/csv' },
			body: await readFile(file),
			signal: AbortSignal.timeout(IMPORT_GRACE_MS * 2)
		}
	);
	const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	const counts = ['inserted', 'updated', 'unchanged']
		.filter((k) => typeof body[k] === 'number')
		.map((k) => `${k} ${(body[k] as number).toLocaleString('en')}`)
		.join(', ');
	return {
		ok: response.ok,
		ms: Date.now() - started,
		detail: `HTTP ${response.status}${counts ? `, ${counts}` : ''}${response.ok ? '' : `: ${JSON.stringify(body).slice(0, 300)}`}`
	};
}

/** One account per connection, created as an administrator would, each signed in. */
async function signInReaders(origin: string, database: string, count: number): Promise<string[]> {
	const db = createDb(database);
	const cookies: string[] = [];
	try {
		for (let i = 0; i < count; i++) {
			const username = `reader-${String(i + 1).padStart(3, '0')}`;
			const created = await createAccount(db, LOCAL_ADMINISTRATOR, {
				username,
				password: READER_PASSWORD,
				role: READER_ROLES[i % READER_ROLES.length]!,
				cleared: false
			});
			if (!created.ok) throw new Error(`creating ${username}: ${JSON.stringify(created)}`);
			cookies.push(await signIn(origin, username, READER_PASSWORD));
		}
	} finally {
		db.$client.close();
	}
	return cookies;
}

/** The public view switched on in the server's database, audited as the local administrator. */
function openPublicView(database: string): void {
	const db = createDb(database);
	try {
		setPublicView(db, LOCAL_ADMINISTRATOR, true);
	} finally {
		db.$client.close();
	}
}

async function main(): Promise<number> {
	const connections = setting('BENCH_CONNECTIONS', 50);
	const seconds = setting('BENCH_DURATION', 30);
	const path = process.env.BENCH_PATH || '/objectives/PO1';
	if (!path.startsWith('/')) throw new Error(`BENCH_PATH starts with "/": ${path}`);
	const scenarios = (process.env.BENCH_SCENARIOS || 'readers,import')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	for (const s of scenarios) {
		if (!(s in TARGETS)) throw new Error(`unknown scenario "${s}"; use readers, import, public`);
	}
	const profileDir = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : null;

	buildIfStale();
	const work = mkdtempSync(join(tmpdir(), 'cpas-bench-load-'));
	const dataDir = process.env.BENCH_KEEP_DATA ? resolve(process.env.BENCH_KEEP_DATA) : work;
	mkdirSync(dataDir, { recursive: true });
	let server: BuiltServer | undefined;
	const cleanup = async () => {
		// a profile is written when the server exits by itself: give it time to finish requests
		await stopServer(server, profileDir ? 60_000 : 5_000);
		await rm(work, { recursive: true, force: true });
	};
	const onSignal = (signal: NodeJS.Signals) => {
		void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	try {
		const files = scenarios.includes('import') ? await importFiles(dataDir) : [];
		const port = await freePort(PREFERRED_PORT);
		if (profileDir) mkdirSync(profileDir, { recursive: true });
		const anonymous = scenarios.includes('public');
		server = startServer(port, join(work, 'cpas.sqlite'), {
			nodeArgs: profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
			env: anonymous ? { CPAS_PUBLIC_RATE: PUBLIC_RATE_FOR_BENCH } : {}
		});
		const origin = server.origin;
		console.log(`Starting the built server on ${origin} (demo mission, temporary database)…`);
		if (anonymous) {
			console.log(
				`  with CPAS_PUBLIC_RATE=${PUBLIC_RATE_FOR_BENCH}: every connection is 127.0.0.1, one client to the public view's rate limit`
			);
		}
		await waitUntilServing(server);

		const signedIn = scenarios.some((s) => s !== 'public');
		let cookies: string[] = [];
		if (signedIn) {
			console.log(
				`Creating and signing in ${connections} reader accounts (${READER_ROLES.join(', ')} in turn)…`
			);
			cookies = await signInReaders(origin, join(work, 'cpas.sqlite'), connections);
		}
		if (anonymous) {
			console.log('Turning the public view on, as an administrator would…');
			openPublicView(join(work, 'cpas.sqlite'));
		}
		const first = await fetch(origin + path, {
			headers: {
				...(signedIn ? { cookie: `cpas_session=${cookies[0]}` } : {}),
				accept: 'text/html'
			}
		});
		const html = await first.text();
		if (first.status !== 200) throw new Error(`GET ${path} answered HTTP ${first.status}`);
		console.log(
			`GET ${path}: HTTP 200, ${html.length.toLocaleString('en')} characters of HTML; ` +
				`${connections} connections for ${seconds} s per scenario (node ${process.version}).`
		);

		let failed = false;
		for (const scenario of scenarios as Scenario[]) {
			console.log(`\nScenario "${scenario}"`);
			console.log(`  machine load average (1/5/15 min) before: ${machineLoad()}`);
			if (scenario === 'readers' || scenario === 'public') {
				const cpuBefore = cpuSeconds(server.child.pid);
				const asWhom = scenario === 'public' ? [] : cookies;
				const figures = await runLoad(origin, path, asWhom, connections, seconds);
				const cpuAfter = cpuSeconds(server.child.pid);
				const missed = missedTargets(scenario, figures);
				print(scenario === 'public' ? 'anonymous readers' : 'readers', figures, missed, {
					seconds: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
					load: machineLoad()
				});
				failed ||= missed.length > 0;
				continue;
			}
			const planner = await signIn(origin, 'planner');
			for (const name of ['areas.csv', 'framework.csv', 'indicators.csv']) {
				const setup = await postImport(origin, planner, join(dataDir, name));
				if (!setup.ok) throw new Error(`importing ${name} failed: ${setup.detail}`);
			}
			let loading = true;
			const imports: { file: string; ok: boolean; ms: number; detail: string }[] = [];
			const importing = (async () => {
				for (let i = 0; loading; i++) {
					const file = files[i % files.length]!;
					const result = await postImport(origin, planner, file);
					imports.push({ file, ...result });
					console.log(
						`  import ${i + 1} (${file.split('/').at(-1)}): ${(result.ms / 1000).toFixed(1)} s, ${result.detail}`
					);
					if (!result.ok) break;
				}
			})();
			// let the import begin reading before the readers arrive
			await new Promise((r) => setTimeout(r, 500));
			const figures = await runLoad(origin, path, cookies, connections, seconds);
			loading = false;
			const grace = new Promise<'late'>((r) => setTimeout(() => r('late'), IMPORT_GRACE_MS));
			const finished = await Promise.race([importing.then(() => 'done' as const), grace]);
			const missed = missedTargets(scenario, figures);
			// CPU per page means little here: the import's work is in the same figure
			print('readers while importing', figures, missed, { seconds: null, load: machineLoad() });
			if (finished === 'late') console.log('  an import was still running 5 min after the load');
			const broken = imports.filter((i) => !i.ok);
			if (broken.length) {
				console.log(`  ${broken.length} import(s) failed: the figures above are suspect`);
				failed = true;
			}
			failed ||= missed.length > 0;
		}
		console.log(
			`\nReproduce: BENCH_CONNECTIONS=${connections} BENCH_DURATION=${seconds} BENCH_PATH=${path} ` +
				`BENCH_SCENARIOS=${scenarios.join(',')} npm run bench:load`
		);
		if (profileDir) console.log(`CPU profile: written into ${profileDir} when the server stops.`);
		return failed ? 1 : 0;
	} finally {
		await cleanup();
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main().then(
		(code) => process.exit(code),
		(error: unknown) => {
			console.error(error instanceof Error ? error.message : error);
			process.exit(2);
		}
	);
}
