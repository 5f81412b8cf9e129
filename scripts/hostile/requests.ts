/**
 * The doors a user uses, as `npm run test:hostile` knocks on them: the upload form of /import
 * (its `upload` action, the file in the multipart field `file`, as a browser without
 * JavaScript sends it), the mapping page it leads to, `POST /api/v1/imports` with a token,
 * the sign-in form, the caveat form of an indicator's page, and the `cpas` command line.
 * Each answer comes with the time it took.
 */
import { spawn } from 'node:child_process';
import { openAsBlob } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { basename } from 'node:path';

export interface Answer {
	status: number;
	ms: number;
	/** the body as text (decoded), for the messages */
	text: string;
	/** bytes of the body as received (uncompressed: asked with `accept-encoding: identity`) */
	bytes: number;
	location: string | null;
}

/**
 * Sends a request and times its whole answer. A connection that fails is an answer too
 * (status 0, the reason in `text`): a row notes it and the run goes on.
 */
async function ask(url: string, init: RequestInit): Promise<Answer & { setCookie: string }> {
	const started = Date.now();
	try {
		const response = await fetch(url, init);
		const body = Buffer.from(await response.arrayBuffer());
		return {
			status: response.status,
			ms: Date.now() - started,
			text: body.toString('utf8'),
			bytes: body.length,
			location: response.headers.get('location'),
			setCookie: response.headers.get('set-cookie') ?? ''
		};
	} catch (e) {
		const error = e as Error & { cause?: Error };
		return {
			status: 0,
			ms: Date.now() - started,
			text: `${error.message}${error.cause ? ` (${error.cause.message})` : ''}`,
			bytes: 0,
			location: null,
			setCookie: ''
		};
	}
}

function browser(origin: string, cookie: string): Record<string, string> {
	return { origin, cookie: `cpas_session=${cookie}`, accept: 'text/html' };
}

/** The /import form without JavaScript: a multipart POST to `?/upload`, field `file`. */
export async function formUpload(origin: string, cookie: string, path: string): Promise<Answer> {
	const form = new FormData();
	form.append('file', await openAsBlob(path), basename(path));
	return ask(`${origin}/import?/upload`, {
		method: 'POST',
		headers: browser(origin, cookie),
		body: form,
		redirect: 'manual',
		signal: AbortSignal.timeout(15 * 60_000)
	});
}

/** A page as a browser asks for it, uncompressed so its bytes are the HTML's own. */
export async function page(origin: string, cookie: string, path: string): Promise<Answer> {
	return ask(`${origin}${path}`, {
		headers: { ...browser(origin, cookie), 'accept-encoding': 'identity' },
		redirect: 'manual',
		signal: AbortSignal.timeout(15 * 60_000)
	});
}

/**
 * A form's action, posted as a browser without JavaScript does (the page comes back), or with
 * `enhanced` as the page's script sends it (`use:enhance`: the action's result as JSON; the
 * page then reloads its data with a request of its own).
 */
export async function formAction(
	origin: string,
	cookie: string,
	path: string,
	fields: Record<string, string>,
	options: { enhanced?: boolean } = {}
): Promise<Answer> {
	return ask(`${origin}${path}`, {
		method: 'POST',
		headers: {
			...browser(origin, cookie),
			'content-type': 'application/x-www-form-urlencoded',
			...(options.enhanced ? { accept: 'application/json', 'x-sveltekit-action': 'true' } : {})
		},
		body: new URLSearchParams(fields),
		redirect: 'manual',
		signal: AbortSignal.timeout(5 * 60_000)
	});
}

/** Signing in through the sign-in form; the session cookie comes back on success (303). */
export async function signInTimed(
	origin: string,
	username: string,
	password: string
): Promise<Answer & { cookie: string | null }> {
	const answer = await ask(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ username, password, next: '/' }),
		signal: AbortSignal.timeout(60_000)
	});
	return { ...answer, cookie: /cpas_session=([^;]+)/.exec(answer.setCookie)?.[1] ?? null };
}

/** `POST /api/v1/imports` with a token, the file as the body (a Content-Length is sent). */
export async function apiImport(origin: string, token: string, path: string): Promise<Answer> {
	return ask(`${origin}/api/v1/imports?file_name=${encodeURIComponent(basename(path))}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
		body: await openAsBlob(path),
		signal: AbortSignal.timeout(15 * 60_000)
	});
}

export interface RawOutcome {
	status: number | null;
	text: string;
	/** bytes of the body written before the answer came (or the connection ended) */
	sent: number;
	/** how the connection failed before any answer, if it did */
	error: string | null;
	ms: number;
}

/**
 * A POST whose body is `bytes` of generated content sent with Transfer-Encoding: chunked (no
 * Content-Length), as a streaming client sends it; `prefix` and `suffix` frame it (a form's
 * multipart boundaries). Stops sending once the answer has come, as curl does.
 */
export function chunkedPost(
	url: string,
	headers: Record<string, string>,
	bytes: number,
	prefix = '',
	suffix = ''
): Promise<RawOutcome> {
	const started = Date.now();
	return new Promise((done) => {
		let sent = 0;
		let answered = false;
		let finished = false;
		const finish = (outcome: Omit<RawOutcome, 'sent' | 'ms'>) => {
			if (finished) return;
			finished = true;
			done({ ...outcome, sent, ms: Date.now() - started });
		};
		const req = httpRequest(url, { method: 'POST', headers });
		req.on('response', (response) => {
			answered = true;
			const parts: Buffer[] = [];
			response.on('data', (d: Buffer) => parts.push(d));
			response.on('end', () => {
				finish({
					status: response.statusCode ?? null,
					text: Buffer.concat(parts).toString('utf8'),
					error: null
				});
				req.destroy();
			});
			response.on('error', (e) =>
				finish({ status: response.statusCode ?? null, text: '', error: e.message })
			);
		});
		req.on('error', (e) => {
			if (!answered) finish({ status: null, text: '', error: e.message });
		});
		const piece = Buffer.alloc(256 * 1024, 'a');
		const pump = () => {
			if (sent === 0 && prefix) req.write(prefix);
			while (!answered && !req.destroyed && sent < bytes) {
				const chunk = piece.subarray(0, Math.min(piece.length, bytes - sent));
				sent += chunk.length;
				if (!req.write(chunk)) return void req.once('drain', pump);
			}
			if (!answered && !req.destroyed) req.end(suffix);
		};
		pump();
	});
}

export interface CpasRun {
	code: number | null;
	stdout: string;
	stderr: string;
	ms: number;
	/** ms after the start when standard error first said something */
	firstErrAt: number | null;
}

/** `npm run --silent cpas -- ARGS` on the server's database, as an administrator runs it. */
export function cpas(
	args: string[],
	databasePath: string,
	input?: string
): { finished: Promise<CpasRun>; pid: number | undefined } {
	const started = Date.now();
	const child = spawn('npm', ['run', '--silent', 'cpas', '--', ...args], {
		env: { ...process.env, DATABASE_PATH: databasePath },
		stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
	});
	if (input !== undefined) child.stdin!.end(input);
	let stdout = '';
	let stderr = '';
	let firstErrAt: number | null = null;
	child.stdout!.on('data', (d) => (stdout += d));
	child.stderr!.on('data', (d) => {
		firstErrAt ??= Date.now() - started;
		stderr += d;
	});
	const finished = new Promise<CpasRun>((resolve) =>
		child.on('exit', (code) =>
			resolve({ code, stdout, stderr, ms: Date.now() - started, firstErrAt })
		)
	);
	return { finished, pid: child.pid };
}
