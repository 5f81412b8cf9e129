/**
 * Who may reach each route, method and form action: the gate every request passes in
 * hooks.server.ts before any route code runs. The capabilities behind the routes check the
 * actor again (permissions.ts), so a rule forgotten here still cannot write; this table makes
 * the refusal early, uniform (401 / 403, or the sign-in page) and testable route by route.
 *
 * A route, method or action missing from the table is refused for everyone (fail closed), and
 * the permission-matrix test fails until it has a rule.
 */
import type { Action } from '../permissions';

/**
 * `public`: anyone, signed in or not (the sign-in page). `setup`: only while no account exists
 * (the first administrator). `signed-in`: any account (its own settings). An Action: accounts
 * whose role may do it. `read-or-public`: `read` for accounts, and anyone without one while an
 * administrator has opened the public view (settings/public-view.ts), who then reads as the
 * public reader (http/public-reader.ts): public indicators only.
 */
export type Access = 'public' | 'setup' | 'signed-in' | 'read-or-public' | Action;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteRule {
	/** viewing the page (GET, and its client-side data requests) */
	page?: Access;
	/** a page's form actions by name (`default` for the unnamed one) */
	actions?: Record<string, Access>;
	/** a `+server.ts` endpoint's methods */
	methods?: Partial<Record<Method, Access>>;
}

const READ_ENDPOINT: RouteRule = { methods: { GET: 'read' } };
/** read by accounts, and by anyone while the public view is on */
const PUBLIC_ENDPOINT: RouteRule = { methods: { GET: 'read-or-public' } };

export const ROUTE_ACCESS: Record<string, RouteRule> = {
	'/': { page: 'read-or-public' },
	'/login': { page: 'public', actions: { default: 'public' } },
	'/healthz': { methods: { GET: 'public' } },
	'/setup': { page: 'setup', actions: { default: 'setup' } },
	'/logout': { methods: { POST: 'signed-in' } },
	// the language switcher: anyone, the sign-in page included
	'/language': { methods: { POST: 'public' } },
	'/account': {
		page: 'signed-in',
		actions: {
			password: 'signed-in',
			language: 'signed-in',
			revokeSession: 'signed-in',
			createToken: 'signed-in',
			revokeToken: 'signed-in'
		}
	},
	'/admin/users': { page: 'administer', actions: { create: 'administer' } },
	'/admin/users/[username]': {
		page: 'administer',
		actions: {
			update: 'administer',
			disable: 'administer',
			enable: 'administer',
			reset: 'administer',
			createToken: 'administer',
			revokeToken: 'administer'
		}
	},
	'/admin/settings': { page: 'administer', actions: { save: 'administer' } },
	'/admin/audit': { page: 'audit' },
	'/admin/audit/audit.csv': { methods: { GET: 'audit' } },
	'/admin/backup': { page: 'administer' },
	'/admin/backup/download': { methods: { GET: 'administer' } },

	// An unknown API path answers 404 to an account and 401 to anyone else, like the rest.
	'/api/v1/[...path]': {
		methods: {
			GET: 'signed-in',
			POST: 'signed-in',
			PUT: 'signed-in',
			PATCH: 'signed-in',
			DELETE: 'signed-in'
		}
	},
	'/api/v1/indicators': PUBLIC_ENDPOINT,
	'/api/v1/indicators/[code]/series': PUBLIC_ENDPOINT,
	'/api/v1/observations': READ_ENDPOINT,
	'/api/v1/imports': { methods: { POST: 'import' } },
	'/api/v1/imports/[id]/undo': { methods: { POST: 'import' } },
	// the API described (docs/api.md): the document, and a page that reads it to people; open
	// with the public view, since the public view opens part of the API to partners
	'/api/v1/openapi.json': PUBLIC_ENDPOINT,
	'/api': { page: 'read-or-public' },

	'/areas': {
		page: 'read',
		actions: {
			editArea: 'import',
			setPopulation: 'import',
			addArea: 'import',
			upload: 'import',
			boundaries: 'import'
		}
	},
	'/framework': { page: 'read' },
	'/framework/catalogue': { page: 'read' },
	// the editor's forms (reading the framework is /framework and the catalogue)
	'/framework/catalogue/[dpo]': { page: 'framework', actions: { default: 'framework' } },
	'/framework/indicators/new': { page: 'framework', actions: { default: 'framework' } },
	'/framework/indicators/[code]': {
		page: 'framework',
		actions: { edit: 'framework', retire: 'framework', reinstate: 'framework' }
	},
	'/framework/nodes/new': { page: 'framework', actions: { default: 'framework' } },
	'/framework/nodes/[code]': {
		page: 'framework',
		actions: {
			edit: 'framework',
			move: 'framework',
			retire: 'framework',
			reinstate: 'framework',
			plan: 'framework'
		}
	},

	'/import': { page: 'import', actions: { upload: 'import' } },
	'/import/upload': { methods: { POST: 'import' } },
	'/import/[id]': {
		page: 'import',
		actions: {
			sheet: 'import',
			preview: 'import',
			commit: 'import',
			source: 'import',
			previewList: 'import',
			commitList: 'import',
			discard: 'import'
		}
	},
	'/import/[id]/errors.csv': { methods: { GET: 'import' } },
	'/import/[id]/progress': { methods: { GET: 'import' } },
	'/import/history': { page: 'read' },
	'/import/history/[id]': {
		page: 'read',
		actions: { undo: 'import', verify: 'verify' }
	},

	// sources of lists and their rules: read by all, changed by those who import
	'/sources': {
		page: 'read',
		actions: { create: 'import', template: 'import', restore: 'import' }
	},
	'/sources/[name]': {
		page: 'read',
		actions: {
			describe: 'import',
			retire: 'import',
			restore: 'import',
			removeRule: 'import',
			sample: 'import',
			saveRule: 'import'
		}
	},

	'/indicators': { page: 'read-or-public' },
	'/indicators/[code]': {
		page: 'read-or-public',
		actions: { addCaveat: 'caveat', updateCaveat: 'caveat', deleteCaveat: 'caveat' }
	},
	'/indicators/[code]/series.csv': PUBLIC_ENDPOINT,
	'/indicators/[code]/breakdown.csv': PUBLIC_ENDPOINT,
	'/indicators/[code]/observations.csv': READ_ENDPOINT,
	'/indicators/[code]/map.svg': PUBLIC_ENDPOINT,
	'/objectives': { page: 'read-or-public' },
	'/objectives/[code]': { page: 'read-or-public' },

	'/reports': { page: 'read' },
	'/reports/iptt': { page: 'read' },
	'/reports/iptt/iptt.xlsx': READ_ENDPOINT,
	'/reports/iptt/iptt.csv': READ_ENDPOINT,
	'/reports/rbb': { page: 'read' },
	'/reports/rbb/[fy]': {
		page: 'read',
		actions: { saveText: 'report', issue: 'report', language: 'report', threshold: 'report' }
	},
	'/reports/rbb/[fy]/rbb.csv': READ_ENDPOINT,
	'/reports/rbb/[fy]/rbb.xlsx': READ_ENDPOINT,
	'/reports/cycles': { page: 'read', actions: { create: 'report' } },
	'/reports/cycles/[code]': {
		page: 'read',
		actions: {
			rate: 'assess',
			// recommendations are action points: recorded by those who track, closed by leadership too
			recommend: 'track',
			status: 'close',
			issue: 'report',
			refreeze: 'report'
		}
	},
	// the old tracker's address: a redirect to the action points of assessment cycles
	'/reports/recommendations': READ_ENDPOINT,

	// action points (docs/actions.md): the capability checks `track` or `close` per status move
	'/actions': { page: 'read', actions: { create: 'track', status: 'close' } },
	'/actions/actions.csv': READ_ENDPOINT,
	'/actions/actions.xlsx': READ_ENDPOINT,
	'/actions/template.csv': READ_ENDPOINT,
	'/actions/[reference]': { page: 'read', actions: { update: 'close' } }
};

/** What a request asks for, in the table's terms. */
export interface RouteRequest {
	routeId: string | null;
	method: string;
	/** the form action's name when the request posts to a page (`?/name`, or `default`) */
	action: string | null;
}

/** The access rule for a request, or null when the table has none: refuse. */
export function accessFor(request: RouteRequest): Access | null {
	if (request.routeId === null) return null;
	const rule = ROUTE_ACCESS[request.routeId];
	if (!rule) return null;
	// a route is a page or an endpoint (none of ours is both): the rule says which
	if (rule.methods === undefined) {
		if (request.method === 'GET' || request.method === 'HEAD') return rule.page ?? null;
		if (request.method === 'POST' && request.action !== null) {
			return rule.actions?.[request.action] ?? null;
		}
		return null;
	}
	const method = (request.method === 'HEAD' ? 'GET' : request.method) as Method;
	return rule.methods?.[method] ?? null;
}

/** The form action a POST to a page names: `?/undo` is `undo`, no name is `default`. */
export function formActionOf(search: string): string {
	const name = [...new URLSearchParams(search).keys()].find((k) => k.startsWith('/'));
	return name ? name.slice(1) : 'default';
}
