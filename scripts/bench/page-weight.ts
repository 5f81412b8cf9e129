/**
 * `npm run bench:weight` (or `npx tsx scripts/bench/page-weight.ts [URL_PATH...]`): measures the
 * JS + CSS a page really ships over the wire. It builds the app when the build is missing or
 * stale, starts the built server (`node build/index.js`, precompressed assets, demo mission, a
 * throwaway database), loads each page in headless Chromium on a fresh cache and records every
 * response with the bytes transferred (Chromium's encoded body size, i.e. after br/gzip) and the
 * bytes decoded. The budget: the objective page ships at most 200 KiB (204,800 bytes) of JS + CSS
 * compressed. Exit code 1 when the objective page is over budget, 2 when the measurement itself
 * failed, 0 otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { demoPassword } from '../../src/lib/server/demo/demo-password';
import { buildIfStale, freePort } from './built-server';

export const DEFAULT_PATHS = ['/objectives/PO1', '/', '/indicators/1.2.1'];
/** 200 KiB: the issue says "200 KB"; the stricter 200,000-byte reading is printed beside it. */
export const BUDGET_BYTES = 200 * 1024;
export const BUDGET_BYTES_DECIMAL = 200 * 1000;
const PREFERRED_PORT = 4319;
const SERVER_START_TIMEOUT_MS = 60_000;
const PAGE_TIMEOUT_MS = 60_000;
/** Known libraries, recognised by a string their minified code keeps. */
const LIBRARY_MARKERS: { name: string; marker: string }[] = [
	{ name: 'chart.js', marker: '$chartjs' },
	{ name: 'papaparse', marker: 'Papa' },
	{ name: 'zod', marker: 'ZodError' }
];

export type Kind = 'js' | 'css' | 'document' | 'font' | 'image' | 'other';

export interface ResourceRecord {
	url: string;
	kind: Kind;
	status: number;
	/** content-encoding response header, '' when none */
	encoding: string;
	/** body bytes as transferred (after content-encoding), headers excluded */
	wireBytes: number;
	/** response header bytes */
	headerBytes: number;
	/** body bytes after decoding */
	decodedBytes: number;
	/** size of the build's .gz twin (what a browser without brotli would get), null if none */
	gzipBytes: number | null;
	/** the build chunk's name from the Vite manifest, or the library recognised inside it */
	label: string;
	/** for a page: the bytes of its maps' markup (mapMarkupBytes), null without a map */
	map?: MapBytes | null;
}

export interface MapBytes {
	count: number;
	raw: number;
	/** brotli at the server's quality (http/compress.ts): what the maps add to the page on the wire */
	compressed: number;
}

/**
 * What a page's maps cost in its HTML: every `<figure … data-area-map>` (the choropleth with
 * its legend, table and controls — components/maps/AreaMap.svelte), raw and compressed alone.
 * Compressed alone it counts a little more than it adds to the whole page's compressed HTML.
 */
export function mapMarkupBytes(html: string): MapBytes | null {
	const figures = [...html.matchAll(/<figure[^>]*\bdata-area-map[^]*?<\/figure>/g)].map(
		(f) => f[0]
	);
	if (figures.length === 0) return null;
	const markup = Buffer.from(figures.join(''), 'utf8');
	const compressed = brotliCompressSync(markup, {
		params: { [zlib.BROTLI_PARAM_QUALITY]: 5 }
	}).length;
	return { count: figures.length, raw: markup.length, compressed };
}

export interface KindTotals {
	count: number;
	wireBytes: number;
	decodedBytes: number;
}

/** Sorts a response into the page-weight buckets: by content type first, the resource type after. */
export function classify(resourceType: string, contentType: string): Kind {
	const type = contentType.toLowerCase();
	if (/javascript|ecmascript/.test(type)) return 'js';
	if (type.includes('text/css')) return 'css';
	if (resourceType === 'document') return 'document';
	if (resourceType === 'script') return 'js';
	if (resourceType === 'stylesheet') return 'css';
	if (resourceType === 'font' || type.startsWith('font/')) return 'font';
	if (resourceType === 'image' || type.startsWith('image/')) return 'image';
	return 'other';
}

/** True when the response came compressed (what precompressed .br/.gz files are served as). */
export function isCompressed(encoding: string): boolean {
	return /\b(br|gzip|zstd|deflate)\b/i.test(encoding);
}

export function totalsByKind(records: ResourceRecord[]): Record<Kind, KindTotals> {
	const kinds: Kind[] = ['js', 'css', 'document', 'font', 'image', 'other'];
	const out = Object.fromEntries(
		kinds.map((k) => [k, { count: 0, wireBytes: 0, decodedBytes: 0 }])
	) as Record<Kind, KindTotals>;
	for (const r of records) {
		out[r.kind].count++;
		out[r.kind].wireBytes += r.wireBytes;
		out[r.kind].decodedBytes += r.decodedBytes;
	}
	return out;
}

/** "123,456 B (120.6 KiB)" */
export function formatBytes(bytes: number): string {
	return `${bytes.toLocaleString('en')} B (${(bytes / 1024).toFixed(1)} KiB)`;
}

/** The objective page is /objectives/<code> (not the /objectives list). */
export function isObjectivePage(path: string): boolean {
	return /^\/objectives\/[^/?#]+\/?(?:[?#].*)?$/.test(path);
}

export function withinBudget(jsCssWireBytes: number, budget = BUDGET_BYTES): boolean {
	return jsCssWireBytes <= budget;
}

/** Which of the known libraries a chunk's code contains. */
export function librariesIn(code: string): string[] {
	return LIBRARY_MARKERS.filter((l) => code.includes(l.marker)).map((l) => l.name);
}

// ---------------------------------------------------------------------------------------------

interface Server {
	child: ChildProcess;
	log: string[];
}

function startServer(port: number, databasePath: string): Server {
	const log: string[] = [];
	const child = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			DATABASE_PATH: databasePath,
			CPAS_DEMO: '1'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const keep = (chunk: Buffer) => {
		log.push(chunk.toString());
		if (log.length > 200) log.shift();
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return { child, log };
}

async function waitUntilServing(server: Server, origin: string): Promise<void> {
	const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
	let last = '';
	while (Date.now() < deadline) {
		if (server.child.exitCode !== null || server.child.signalCode !== null) {
			throw new Error(`the server exited early:\n${server.log.join('')}`);
		}
		try {
			const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(5_000) });
			await response.arrayBuffer();
			if (response.ok) return;
			last = `HTTP ${response.status}`;
		} catch (error) {
			last = String(error);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(
		`the server did not answer GET / within ${SERVER_START_TIMEOUT_MS / 1000} s (${last}):\n${server.log.join('')}`
	);
}

async function stopServer(server: Server | undefined): Promise<void> {
	const child = server?.child;
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
	await exited;
	clearTimeout(timer);
}

/** file name (e.g. _app/immutable/chunks/Cl8GjqSJ.js) → chunk name from the build's Vite manifest */
function chunkNames(): Map<string, string> {
	const names = new Map<string, string>();
	const manifest = '.svelte-kit/output/client/.vite/manifest.json';
	if (!existsSync(manifest)) return names;
	try {
		const entries = JSON.parse(readFileSync(manifest, 'utf8')) as Record<
			string,
			{ file?: string; name?: string; src?: string; css?: string[] }
		>;
		for (const [key, entry] of Object.entries(entries)) {
			if (entry.file) names.set(entry.file, entry.name ?? entry.src ?? key);
		}
	} catch {
		// names are a convenience; the figures do not depend on them
	}
	return names;
}

interface PageResult {
	path: string;
	status: number;
	records: ResourceRecord[];
	acceptEncoding: string;
	failures: string[];
}

type Browser = import('playwright').Browser;
type Cookie = { name: string; value: string; url: string };

/**
 * Every page needs an account: sign in once as the demo viewer (a reader, like leadership) and
 * hand the session cookie to each fresh context. Signing in is not counted in any page's bytes.
 */
async function signedInCookie(origin: string): Promise<Cookie> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ username: 'viewer', password: demoPassword('viewer'), next: '/' })
	});
	const match = /cpas_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
	if (response.status !== 303 || !match) {
		throw new Error(`Signing in as the demo viewer failed (HTTP ${response.status}).`);
	}
	return { name: 'cpas_session', value: match[1]!, url: origin };
}

async function measurePage(
	browser: Browser,
	origin: string,
	path: string,
	names: Map<string, string>,
	session: Cookie
): Promise<PageResult> {
	// A fresh context per page: an empty cache, so every byte a first visit costs is counted.
	const context = await browser.newContext({ serviceWorkers: 'block' });
	await context.addCookies([session]);
	try {
		const page = await context.newPage();
		page.setDefaultTimeout(PAGE_TIMEOUT_MS);
		const pending: Promise<ResourceRecord | null>[] = [];
		const failures: string[] = [];
		let acceptEncoding = '';
		page.on('requestfailed', (request) => {
			failures.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
		});
		page.on('requestfinished', (request) => {
			pending.push(
				(async () => {
					const response = await request.response();
					if (!response) return null;
					const url = new URL(response.url());
					if (url.protocol === 'data:') return null;
					const sent = await request.allHeaders();
					if (request.resourceType() === 'document') acceptEncoding = sent['accept-encoding'] ?? '';
					const headers = await response.allHeaders();
					const sizes = await request.sizes();
					const kind = classify(request.resourceType(), headers['content-type'] ?? '');
					let decoded = 0;
					let label = '';
					let map: MapBytes | null = null;
					if (response.status() < 300 || response.status() >= 400) {
						const body = await response.body();
						decoded = body.length;
						if (kind === 'js') label = librariesIn(body.toString('utf8')).join(', ');
						if (kind === 'document') map = mapMarkupBytes(body.toString('utf8'));
					}
					const file = url.pathname.replace(/^\//, '');
					const name = names.get(file);
					const gz = join('build/client', decodeURIComponent(url.pathname) + '.gz');
					const gzipBytes = existsSync(gz) ? statSync(gz).size : null;
					label = [name, label].filter(Boolean).join('; ');
					return {
						url: url.pathname + url.search,
						kind,
						status: response.status(),
						encoding: headers['content-encoding'] ?? '',
						wireBytes: sizes.responseBodySize,
						headerBytes: sizes.responseHeadersSize,
						decodedBytes: decoded,
						gzipBytes,
						label,
						map
					};
				})()
			);
		});
		const response = await page.goto(origin + path, { waitUntil: 'load' });
		// Anything loaded after hydration (lazy chunks, charts below the fold) counts too.
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await page.waitForLoadState('networkidle');
		const records = (await Promise.all(pending)).filter((r): r is ResourceRecord => r !== null);
		return { path, status: response?.status() ?? 0, records, acceptEncoding, failures };
	} finally {
		await context.close();
	}
}

function pad(text: string, width: number): string {
	return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function report(result: PageResult): { jsCss: number; problems: string[] } {
	const totals = totalsByKind(result.records);
	const jsCss = totals.js.wireBytes + totals.css.wireBytes;
	const jsCssDecoded = totals.js.decodedBytes + totals.css.decodedBytes;
	const problems: string[] = [];
	console.log(
		`\n${result.path}  (HTTP ${result.status}; Accept-Encoding sent: ${result.acceptEncoding || '?'})`
	);
	const line = (label: string, t: KindTotals) =>
		console.log(
			`  ${pad(label, 7)} ${pad(String(t.count), 3)} file(s)  compressed ${pad(formatBytes(t.wireBytes), 26)} uncompressed ${formatBytes(t.decodedBytes)}`
		);
	line('JS', totals.js);
	line('CSS', totals.css);
	console.log(
		`  ${pad('JS+CSS', 7)} ${pad(String(totals.js.count + totals.css.count), 3)} file(s)  compressed ${pad(formatBytes(jsCss), 26)} uncompressed ${formatBytes(jsCssDecoded)}`
	);
	const assets = result.records.filter((r) => r.kind === 'js' || r.kind === 'css');
	const gzipTotal = assets.reduce((n, r) => n + (r.gzipBytes ?? r.wireBytes), 0);
	const noGzip = assets.filter((r) => r.gzipBytes === null).length;
	console.log(
		`  ${pad('', 7)} ${pad('', 3)}          gzip instead of br ${formatBytes(gzipTotal)} (sizes of build/client/*.gz${noGzip ? `; ${noGzip} file(s) without .gz counted as sent` : ''})`
	);
	const docs = result.records.filter((r) => r.kind === 'document');
	for (const doc of docs) {
		console.log(
			`  ${pad('HTML', 7)} ${pad('1', 3)} doc      on the wire ${pad(formatBytes(doc.wireBytes), 25)} uncompressed ${formatBytes(doc.decodedBytes)}  (content-encoding: ${doc.encoding || 'none'})`
		);
		if (doc.map) {
			console.log(
				`  ${pad('map', 7)} ${pad(String(doc.map.count), 3)} in HTML  compressed  ${pad(formatBytes(doc.map.compressed), 25)} uncompressed ${formatBytes(doc.map.raw)}  (the map's markup alone, brotli 5)`
			);
		}
	}
	console.log(
		`  ${pad('JS+CSS+HTML', 11)}             on the wire ${formatBytes(jsCss + totals.document.wireBytes)} (for reference; the budget is JS + CSS)`
	);
	line('fonts', totals.font);
	line('images', totals.image);
	line('other', totals.other);

	const plain = assets.filter((r) => !isCompressed(r.encoding));
	const encodings = [...new Set(assets.map((r) => r.encoding || 'none'))].join(', ');
	if (plain.length === 0) {
		console.log(
			`  precompressed: all ${assets.length} JS/CSS responses had content-encoding ${encodings}`
		);
	} else {
		console.log(`  NOT compressed: ${plain.length} of ${assets.length} JS/CSS responses:`);
		for (const r of plain) console.log(`    ${r.url}  ${formatBytes(r.wireBytes)}`);
	}
	const broken = result.records.filter((r) => r.status >= 400);
	if (result.status !== 200) problems.push(`${result.path} answered HTTP ${result.status}`);
	for (const r of broken) problems.push(`${r.url} answered HTTP ${r.status}`);
	for (const f of result.failures) problems.push(`request failed: ${f}`);
	for (const p of problems) console.log(`  PROBLEM: ${p}`);

	console.log('  largest JS/CSS (compressed / uncompressed):');
	for (const r of [...assets].sort((a, b) => b.wireBytes - a.wireBytes).slice(0, 8)) {
		console.log(
			`    ${pad(r.url, 48)} ${pad(r.encoding || 'none', 5)} ${pad(formatBytes(r.wireBytes), 22)} ${pad(formatBytes(r.decodedBytes), 24)} ${r.label}`
		);
	}
	return { jsCss, problems };
}

async function main(): Promise<number> {
	const paths = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_PATHS;
	for (const p of paths) {
		if (!p.startsWith('/')) throw new Error(`URL paths start with "/": ${p}`);
	}
	buildIfStale();
	const work = mkdtempSync(join(tmpdir(), 'cpas-bench-weight-'));
	let server: Server | undefined;
	let browser: Browser | undefined;
	const cleanup = async () => {
		await browser?.close().catch(() => undefined);
		await stopServer(server);
		rmSync(work, { recursive: true, force: true });
	};
	const onSignal = (signal: NodeJS.Signals) => {
		void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	try {
		const port = await freePort(PREFERRED_PORT);
		const origin = `http://localhost:${port}`;
		server = startServer(port, join(work, 'cpas.sqlite'));
		console.log(`Starting the built server on ${origin} (demo mission, temporary database)…`);
		await waitUntilServing(server, origin);

		const { chromium } = await import('playwright');
		const { CHROMIUM_LAUNCH } = await import('../../tests/chromium');
		browser = await chromium.launch({ ...CHROMIUM_LAUNCH, headless: true });
		const names = chunkNames();
		const session = await signedInCookie(origin);
		console.log(
			'Sizes: compressed = body bytes over the wire (Chromium encoded body size), uncompressed =' +
				' decoded body; 1 KiB = 1024 B.'
		);

		let verdict: boolean | null = null;
		const problems: string[] = [];
		for (const path of paths) {
			const result = await measurePage(browser, origin, path, names, session);
			const page = report(result);
			problems.push(...page.problems);
			if (isObjectivePage(path) && verdict !== false) {
				verdict = withinBudget(page.jsCss);
				console.log(
					`  BUDGET (objective page): JS + CSS compressed ${formatBytes(page.jsCss)} vs 204,800 B (200 KiB): ${verdict ? 'PASS' : 'FAIL'}` +
						` (vs 200,000 B (200 kB): ${withinBudget(page.jsCss, BUDGET_BYTES_DECIMAL) ? 'pass' : 'fail'})`
				);
			}
		}
		console.log('');
		if (verdict === null)
			console.log('No objective page (/objectives/<code>) measured: budget not checked.');
		else
			console.log(
				`Objective page budget (JS + CSS ≤ 200 KiB compressed): ${verdict ? 'PASS' : 'FAIL'}`
			);
		if (problems.length)
			console.log(`${problems.length} problem(s) above: the figures may be incomplete.`);
		console.log('Reproduce: npx tsx scripts/bench/page-weight.ts   (or: npm run bench:weight)');
		if (problems.length) return 2;
		return verdict === false ? 1 : 0;
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
