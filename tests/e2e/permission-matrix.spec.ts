/**
 * The permission matrix: every route, method and form action of the running app, asked by
 * every role and by nobody, must be allowed or refused exactly as the roles of docs/security.md
 * say. The expectations below are written from that page, role by role, not copied from the
 * app's rules (src/lib/server/http/route-access.ts); a route the files declare that is missing
 * here fails the first test, so no route ships without a decision.
 *
 * Allowed requests are made harmless: form actions are posted empty and with codes that do
 * not exist, so they fail validation or find nothing, and never write.
 */
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { ROLES, type Role } from '../../src/lib/domain/roles';
import { ROUTE_ACCESS } from '../../src/lib/server/http/route-access';
import { declaredRoutes } from '../helpers/routes';
import { demoPassword } from './auth';
import { setPublicView } from './public-view';

/** `nobody`: no account, the public view off (the default); `public`: no account, the view on */
type Who = Role | 'nobody' | 'public';

const ALL: readonly Role[] = ROLES;
const IMPORTERS: readonly Role[] = ['admin', 'planner'];
const CAVEATS: readonly Role[] = ['admin', 'planner'];
const FRAMEWORK: readonly Role[] = ['admin', 'planner', 'spu'];
const REPORTS: readonly Role[] = ['admin', 'spu'];
const ASSESSORS: readonly Role[] = ['admin', 'spu', 'leadership'];
/** record and update action points; closing them is leadership's too */
const TRACKERS: readonly Role[] = ['admin', 'planner', 'spu'];
const CLOSERS: readonly Role[] = ['admin', 'planner', 'spu', 'leadership'];
const VERIFIERS: readonly Role[] = ['admin', 'verifier'];
const ADMINS: readonly Role[] = ['admin'];
/** nobody, signed in or not, may use it: the first-administrator page once accounts exist */
const CLOSED = 'closed' as const;
/** anyone, signed in or not */
const OPEN = 'open' as const;
/**
 * every role, and anyone without an account while an administrator has opened the public view
 * (docs/security.md "The public view")
 */
const PUBLIC_VIEW = 'public-view' as const;
type Allowed = readonly Role[] | typeof CLOSED | typeof OPEN | typeof PUBLIC_VIEW;

interface Expectation {
	/** the route id's parameters for reading (real codes) and for posting (codes that do not exist) */
	read?: string;
	post?: string;
	page?: Allowed;
	actions?: Record<string, Allowed>;
	methods?: Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Allowed>>;
}

const EXPECTED: Record<string, Expectation> = {
	'/': { page: PUBLIC_VIEW },
	'/login': { page: OPEN, actions: { default: OPEN } },
	'/healthz': { methods: { GET: OPEN } },
	'/setup': { page: CLOSED, actions: { default: CLOSED } },
	'/logout': { methods: { POST: ALL } },
	'/language': { methods: { POST: OPEN } },
	'/account': {
		page: ALL,
		actions: {
			password: ALL,
			language: ALL,
			revokeSession: ALL,
			createToken: ALL,
			revokeToken: ALL
		}
	},
	'/admin/users': { page: ADMINS, actions: { create: ADMINS } },
	'/admin/users/[username]': {
		read: '/admin/users/viewer',
		post: '/admin/users/no-such-user',
		page: ADMINS,
		actions: {
			update: ADMINS,
			disable: ADMINS,
			enable: ADMINS,
			reset: ADMINS,
			createToken: ADMINS,
			revokeToken: ADMINS
		}
	},
	'/admin/settings': { page: ADMINS, actions: { save: ADMINS } },
	'/admin/audit': { page: ADMINS },
	'/admin/audit/audit.csv': { methods: { GET: ADMINS } },
	'/admin/backup': { page: ADMINS },
	'/admin/backup/download': { methods: { GET: ADMINS } },
	'/api/v1/[...path]': {
		read: '/api/v1/no-such-endpoint',
		methods: { GET: ALL, POST: ALL, PUT: ALL, PATCH: ALL, DELETE: ALL }
	},
	'/api/v1/indicators': { methods: { GET: PUBLIC_VIEW } },
	'/api/v1/indicators/[code]/series': {
		read: '/api/v1/indicators/1.2.1/series',
		methods: { GET: PUBLIC_VIEW }
	},
	'/api/v1/observations': { read: '/api/v1/observations?indicator=1.2.1', methods: { GET: ALL } },
	'/api/v1/imports': { read: '/api/v1/imports?dry_run=1', methods: { POST: IMPORTERS } },
	// the API described (docs/api.md): read by every account, and by anyone with the public view
	'/api/v1/openapi.json': { methods: { GET: PUBLIC_VIEW } },
	'/api': { page: PUBLIC_VIEW },
	'/api/v1/imports/[id]/undo': {
		read: '/api/v1/imports/999999/undo',
		methods: { POST: IMPORTERS }
	},
	'/areas': {
		page: ALL,
		actions: {
			editArea: IMPORTERS,
			setPopulation: IMPORTERS,
			addArea: IMPORTERS,
			upload: IMPORTERS,
			boundaries: IMPORTERS
		}
	},
	'/framework': { page: ALL },
	'/framework/catalogue': { page: ALL },
	'/framework/catalogue/[dpo]': {
		read: '/framework/catalogue/1.2.1',
		post: '/framework/catalogue/99.99.99',
		page: FRAMEWORK,
		actions: { default: FRAMEWORK }
	},
	'/framework/indicators/new': { page: FRAMEWORK, actions: { default: FRAMEWORK } },
	'/framework/indicators/[code]': {
		read: '/framework/indicators/1.2.1',
		post: '/framework/indicators/NO-SUCH',
		page: FRAMEWORK,
		actions: { edit: FRAMEWORK, retire: FRAMEWORK, reinstate: FRAMEWORK }
	},
	'/framework/nodes/new': { page: FRAMEWORK, actions: { default: FRAMEWORK } },
	'/framework/nodes/[code]': {
		read: '/framework/nodes/PO1',
		post: '/framework/nodes/NO-SUCH',
		page: FRAMEWORK,
		actions: {
			edit: FRAMEWORK,
			move: FRAMEWORK,
			retire: FRAMEWORK,
			reinstate: FRAMEWORK,
			plan: FRAMEWORK
		}
	},
	// sources of lists: everyone reads them; planners and administrators change them
	'/sources': {
		page: ALL,
		actions: { create: IMPORTERS, template: IMPORTERS, restore: IMPORTERS }
	},
	'/sources/[name]': {
		read: '/sources/no-such-source',
		post: '/sources/no-such-source',
		page: ALL,
		actions: {
			describe: IMPORTERS,
			retire: IMPORTERS,
			restore: IMPORTERS,
			removeRule: IMPORTERS,
			sample: IMPORTERS,
			saveRule: IMPORTERS
		}
	},
	'/import': { page: IMPORTERS, actions: { upload: IMPORTERS } },
	'/import/upload': { methods: { POST: IMPORTERS } },
	'/import/[id]': {
		read: '/import/no-such-upload',
		page: IMPORTERS,
		actions: {
			sheet: IMPORTERS,
			preview: IMPORTERS,
			commit: IMPORTERS,
			source: IMPORTERS,
			previewList: IMPORTERS,
			commitList: IMPORTERS,
			discard: IMPORTERS
		}
	},
	'/import/[id]/errors.csv': {
		read: '/import/no-such-upload/errors.csv',
		methods: { GET: IMPORTERS }
	},
	'/import/[id]/progress': { read: '/import/no-such-upload/progress', methods: { GET: IMPORTERS } },
	'/import/history': { page: ALL },
	'/import/history/[id]': {
		read: '/import/history/1',
		post: '/import/history/999999',
		page: ALL,
		actions: { undo: IMPORTERS, verify: VERIFIERS }
	},
	'/indicators': { page: PUBLIC_VIEW },
	'/indicators/[code]': {
		read: '/indicators/1.2.1',
		post: '/indicators/NO-SUCH',
		page: PUBLIC_VIEW,
		actions: { addCaveat: CAVEATS, updateCaveat: CAVEATS, deleteCaveat: CAVEATS }
	},
	'/indicators/[code]/series.csv': {
		read: '/indicators/1.2.1/series.csv',
		methods: { GET: PUBLIC_VIEW }
	},
	'/indicators/[code]/breakdown.csv': {
		read: '/indicators/1.2.1/breakdown.csv?breakdown=sex',
		methods: { GET: PUBLIC_VIEW }
	},
	'/indicators/[code]/observations.csv': {
		read: '/indicators/1.2.1/observations.csv?hxl=1',
		methods: { GET: ALL }
	},
	'/indicators/[code]/map.svg': {
		read: '/indicators/1.2.1/map.svg',
		methods: { GET: PUBLIC_VIEW }
	},
	'/objectives': { page: PUBLIC_VIEW },
	'/objectives/[code]': { read: '/objectives/PO1', page: PUBLIC_VIEW },
	'/reports': { page: ALL },
	'/reports/iptt': { page: ALL },
	'/reports/iptt/iptt.xlsx': { methods: { GET: ALL } },
	'/reports/iptt/iptt.csv': { read: '/reports/iptt/iptt.csv?hxl=1', methods: { GET: ALL } },
	'/reports/rbb': { page: ALL },
	'/reports/rbb/[fy]': {
		read: '/reports/rbb/FY2024-25',
		post: '/reports/rbb/not-a-year',
		page: ALL,
		actions: { saveText: REPORTS, issue: REPORTS, language: REPORTS, threshold: REPORTS }
	},
	'/reports/rbb/[fy]/rbb.csv': { read: '/reports/rbb/FY2024-25/rbb.csv', methods: { GET: ALL } },
	'/reports/rbb/[fy]/rbb.xlsx': { read: '/reports/rbb/FY2024-25/rbb.xlsx', methods: { GET: ALL } },
	'/reports/cycles': { page: ALL, actions: { create: REPORTS } },
	'/reports/cycles/[code]': {
		read: '/reports/cycles/no-such-cycle',
		page: ALL,
		actions: {
			rate: ASSESSORS,
			recommend: TRACKERS,
			status: CLOSERS,
			issue: REPORTS,
			refreeze: REPORTS
		}
	},
	// a redirect to the action points of assessment cycles
	'/reports/recommendations': { methods: { GET: ALL } },
	'/actions': { page: ALL, actions: { create: TRACKERS, status: CLOSERS } },
	'/actions/actions.csv': { methods: { GET: ALL } },
	'/actions/actions.xlsx': { methods: { GET: ALL } },
	'/actions/template.csv': { methods: { GET: ALL } },
	'/actions/[reference]': {
		read: '/actions/AP-0001',
		post: '/actions/AP-9999',
		page: ALL,
		actions: { update: CLOSERS }
	}
};

const BASE = `http://localhost:${process.env.CPAS_E2E_PORT ?? 4173}`;
let contexts: Map<Who, APIRequestContext>;

test.beforeAll(async () => {
	contexts = new Map();
	// empty storage: the project's default is the administrator's saved session
	const fresh = () =>
		request.newContext({ baseURL: BASE, storageState: { cookies: [], origins: [] } });
	contexts.set('nobody', await fresh());
	for (const role of ROLES) {
		const context = await fresh();
		const signedIn = await context.post('/login', {
			form: { username: role, password: demoPassword(role), next: '/' },
			headers: { origin: BASE, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(signedIn.status(), `${role} signs in`).toBe(303);
		contexts.set(role, context);
	}
});

test.afterAll(async () => {
	for (const c of contexts.values()) await c.dispose();
});

type Outcome = 'allowed' | 'refused' | 'sign-in';

/** What the app did with the request, in the matrix's words. */
function outcomeOf(status: number, location: string | undefined): Outcome | `other ${number}` {
	if (status === 401) return 'sign-in';
	if (status === 303 && location?.startsWith('/login')) return 'sign-in';
	if (status === 403) return 'refused';
	return 'allowed';
}

function expectedOutcome(allowed: Allowed, who: Who): Outcome {
	if (allowed === OPEN) return 'allowed';
	if (allowed === CLOSED) return 'sign-in';
	if (allowed === PUBLIC_VIEW) return who === 'nobody' ? 'sign-in' : 'allowed';
	if (who === 'nobody' || who === 'public') return 'sign-in';
	return allowed.includes(who) ? 'allowed' : 'refused';
}

interface Probe {
	label: string;
	allowed: Allowed;
	send: (c: APIRequestContext) => ReturnType<APIRequestContext['get']>;
}

function probesOf(id: string, e: Expectation): Probe[] {
	const readPath = e.read ?? id;
	const postPath = e.post ?? readPath;
	const probes: Probe[] = [];
	if (e.page) {
		probes.push({
			label: `GET ${id}`,
			allowed: e.page,
			send: (c) => c.get(readPath, { headers: { accept: 'text/html' }, maxRedirects: 0 })
		});
	}
	for (const [action, allowed] of Object.entries(e.actions ?? {})) {
		const query = action === 'default' ? '' : `?/${action}`;
		probes.push({
			label: `POST ${id} ${query || '(default action)'}`,
			allowed,
			send: (c) =>
				c.post(`${postPath}${query}`, {
					form: {},
					headers: { origin: BASE, accept: 'text/html' },
					maxRedirects: 0
				})
		});
	}
	for (const [method, allowed] of Object.entries(e.methods ?? {})) {
		if (id === '/logout') continue; // probed last: it ends the session
		probes.push({
			label: `${method} ${id}`,
			allowed: allowed!,
			send: (c) =>
				c.fetch(readPath, {
					method,
					headers: { origin: BASE, 'content-type': 'text/csv' },
					data: method === 'GET' ? undefined : '',
					maxRedirects: 0
				})
		});
	}
	return probes;
}

test('every declared route, method and action has an expectation here and a rule in the app', () => {
	const declared = declaredRoutes();
	expect(declared.map((r) => r.id).sort()).toEqual(Object.keys(EXPECTED).sort());
	for (const route of declared) {
		const e = EXPECTED[route.id]!;
		expect(Object.keys(e.methods ?? {}).sort(), route.id).toEqual([...route.methods].sort());
		expect(!!e.page, route.id).toBe(route.page);
		// the app's actions are proved complete against the page modules by route-rules.spec.ts
		expect(Object.keys(e.actions ?? {}).sort(), route.id).toEqual(
			Object.keys(ROUTE_ACCESS[route.id]?.actions ?? {}).sort()
		);
	}
});

test('each role, and nobody, is allowed or refused exactly as the roles say', async () => {
	test.setTimeout(120_000);
	const wrong: string[] = [];
	let asked = 0;
	for (const [id, e] of Object.entries(EXPECTED)) {
		for (const probe of probesOf(id, e)) {
			for (const [who, context] of contexts) {
				const response = await probe.send(context);
				const got = outcomeOf(response.status(), response.headers()['location']);
				const want = expectedOutcome(probe.allowed, who);
				asked++;
				if (got !== want)
					wrong.push(`${probe.label} as ${who}: ${got} (${response.status()}), expected ${want}`);
			}
		}
	}
	expect(wrong).toEqual([]);
	expect(asked).toBeGreaterThan(500);
});

test('without an account, with the public view on: its routes open, everything else asks to sign in', async ({
	page
}) => {
	test.setTimeout(120_000);
	const anonymous = contexts.get('nobody')!;
	await setPublicView(page, true);
	const wrong: string[] = [];
	try {
		for (const [id, e] of Object.entries(EXPECTED)) {
			for (const probe of probesOf(id, e)) {
				const response = await probe.send(anonymous);
				const got = outcomeOf(response.status(), response.headers()['location']);
				const want = expectedOutcome(probe.allowed, 'public');
				if (got !== want)
					wrong.push(`${probe.label} as public: ${got} (${response.status()}), expected ${want}`);
			}
		}
	} finally {
		await setPublicView(page, false);
	}
	expect(wrong).toEqual([]);
});

test('signing out is for the signed in, and ends the session', async () => {
	const nobody = await contexts.get('nobody')!.post('/logout', {
		headers: { origin: BASE },
		maxRedirects: 0
	});
	expect(nobody.status()).toBe(401);
	for (const role of ROLES) {
		const context = contexts.get(role)!;
		const out = await context.post('/logout', {
			headers: { origin: BASE, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(out.status(), role).toBe(303);
		const after = await context.get('/', { headers: { accept: 'text/html' }, maxRedirects: 0 });
		expect(after.headers()['location'], role).toMatch(/^\/login/);
	}
});
