/**
 * The built app as the benchmarks run it: rebuilt when older than the sources (the rule of
 * `npm start`), started on a loopback port with a throwaway database and the demo mission,
 * stopped with the benchmark. Shared by `bench:weight` and `bench:load`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { demoPassword } from '../../src/lib/server/demo/demo-password';
import { bodySizeLimit } from '../../src/lib/server/settings/upload-limit.js';

const SERVER_START_TIMEOUT_MS = 90_000;

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

/** Same rule as `npm start`: rebuild when build/handler.js is older than any source. */
export function buildIfStale(): void {
	const handler = 'build/handler.js';
	const sources = Math.max(
		...['src', 'static', 'drizzle'].map(newestMtime),
		...['svelte.config.js', 'vite.config.ts', 'package-lock.json'].map(newestMtime)
	);
	if (existsSync(handler) && statSync(handler).mtimeMs >= sources) {
		console.log('Reusing the build in build/ (newer than the sources).');
		return;
	}
	console.log('Building the app (npx vite build): the build is missing or older than the sources…');
	const result = spawnSync('npx', ['vite', 'build'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		timeout: 10 * 60_000
	});
	if (result.status !== 0) {
		throw new Error(`npx vite build failed (exit code ${result.status}, ${result.error ?? ''})`);
	}
}

function portIsFree(port: number): Promise<boolean> {
	return new Promise((done) => {
		const server = createServer();
		server.once('error', () => done(false));
		server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
	});
}

/** The preferred loopback port when free, else one the system hands out. */
export async function freePort(preferred: number): Promise<number> {
	if (await portIsFree(preferred)) return preferred;
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => (port ? done(port) : fail(new Error('no free port'))));
		});
	});
}

export interface BuiltServer {
	child: ChildProcess;
	log: string[];
	origin: string;
}

/**
 * Starts `node build/index.js` on 127.0.0.1:PORT with the demo mission in `databasePath`.
 * `nodeArgs` go before the script (e.g. `--cpu-prof`).
 */
export function startServer(
	port: number,
	databasePath: string,
	options: { nodeArgs?: string[]; env?: Record<string, string> } = {}
): BuiltServer {
	const log: string[] = [];
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'build/index.js'], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_PATH: databasePath,
			CPAS_DEMO: '1',
			// as `npm start` sets it: adapter-node's own default (512 KB) would refuse real uploads
			BODY_SIZE_LIMIT: bodySizeLimit(),
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const keep = (chunk: Buffer) => {
		log.push(chunk.toString());
		if (log.length > 200) log.shift();
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return { child, log, origin };
}

/** Waits until GET `path` answers 2xx/3xx (the demo mission is loaded by then). */
export async function waitUntilServing(server: BuiltServer, path = '/login'): Promise<void> {
	const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
	let last = '';
	while (Date.now() < deadline) {
		if (server.child.exitCode !== null || server.child.signalCode !== null) {
			throw new Error(`the server exited early:\n${server.log.join('')}`);
		}
		try {
			const response = await fetch(`${server.origin}${path}`, {
				redirect: 'manual',
				signal: AbortSignal.timeout(5_000)
			});
			await response.arrayBuffer();
			if (response.status < 400) return;
			last = `HTTP ${response.status}`;
		} catch (error) {
			last = String(error);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(
		`the server did not answer GET ${path} within ${SERVER_START_TIMEOUT_MS / 1000} s (${last}):\n${server.log.join('')}`
	);
}

/**
 * SIGTERM (the server finishes the requests under way, then exits), then SIGKILL after
 * `graceMs`; resolves once the process is gone.
 */
export async function stopServer(server: BuiltServer | undefined, graceMs = 5_000): Promise<void> {
	const child = server?.child;
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

/**
 * Signs in through the sign-in form (a demo account's published password unless another is
 * given); returns the session cookie's value.
 */
export async function signIn(
	origin: string,
	username: string,
	password = demoPassword(username)
): Promise<string> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ username, password, next: '/' })
	});
	const match = /cpas_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
	if (response.status !== 303 || !match) {
		throw new Error(`Signing in as ${username} failed (HTTP ${response.status}).`);
	}
	return match[1]!;
}
