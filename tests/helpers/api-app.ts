/**
 * The API as a client meets it, in the test process: a request goes through the server's real
 * `handle` hook (the gate, the language, the busy check, ETags) and then to the real
 * `+server.ts` handler its path resolves to, on the real SQLite database of DATABASE_PATH.
 * Nothing is mocked but the HTTP socket, so a status, a content type or a body seen here is
 * what the running app answers (tests/e2e/api.spec.ts asks the built app the same way).
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';

type Handler = (event: RequestEvent) => Response | Promise<Response>;
type RouteModule = Partial<Record<string, Handler>>;

const modules = import.meta.glob<RouteModule>('../../src/routes/api/**/+server.ts');

interface ApiRoute {
	/** SvelteKit's route id: `/api/v1/imports/[id]/undo` */
	id: string;
	pattern: RegExp;
	names: string[];
	load: () => Promise<RouteModule>;
	/** a rest parameter matches anything: tried last, as SvelteKit does */
	rest: boolean;
}

const ROUTES: ApiRoute[] = Object.entries(modules)
	.map(([file, load]) => {
		const id = file.replace('../../src/routes', '').replace('/+server.ts', '');
		const names: string[] = [];
		const source = id
			.split('/')
			.map((part) => {
				const rest = /^\[\.\.\.(\w+)\]$/.exec(part);
				if (rest) {
					names.push(rest[1]!);
					return '(.+)';
				}
				const param = /^\[(\w+)\]$/.exec(part);
				if (param) {
					names.push(param[1]!);
					return '([^/]+)';
				}
				return part.replace(/[.]/g, '\\.');
			})
			.join('/');
		return { id, pattern: new RegExp(`^${source}$`), names, load, rest: id.includes('[...') };
	})
	.sort((a, b) => Number(a.rest) - Number(b.rest));

/** The route ids of the API's endpoints, as the files declare them. */
export const API_ROUTE_IDS = ROUTES.map((r) => r.id);

function routeOf(pathname: string): { route: ApiRoute; params: Record<string, string> } | null {
	for (const route of ROUTES) {
		const match = route.pattern.exec(pathname);
		if (!match) continue;
		const params = Object.fromEntries(
			route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)])
		);
		return { route, params };
	}
	return null;
}

function cookieJar(header: string | null) {
	const jar = new Map(
		(header ?? '')
			.split(';')
			.map((c) => c.trim().split('='))
			.filter(([name]) => name)
			.map(([name, ...value]) => [name!, value.join('=')])
	);
	return {
		get: (name: string) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name),
		serialize: () => ''
	};
}

let handle: Handle | undefined;

/** Sends one request through the server's hook to the endpoint its path names. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
	handle ??= (await import('../../src/hooks.server')).handle;
	const url = new URL(path, 'http://localhost');
	const request = new Request(url, init);
	const found = routeOf(url.pathname);
	const event = {
		request,
		url,
		params: found?.params ?? {},
		route: { id: found?.route.id ?? null },
		locals: {},
		cookies: cookieJar(request.headers.get('cookie')),
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		platform: undefined,
		getClientAddress: () => '127.0.0.1',
		setHeaders: () => {},
		fetch
	} as unknown as RequestEvent;
	return handle({
		event,
		resolve: async (e) => {
			if (!found) return new Response('Not Found', { status: 404 });
			const module = await found.route.load();
			const method = e.request.method === 'HEAD' ? 'GET' : e.request.method;
			const handler = module[method];
			if (!handler) return new Response(null, { status: 405 });
			return handler(e);
		}
	});
}
