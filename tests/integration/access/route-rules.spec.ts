import { describe, expect, test } from 'vitest';
import { ROUTE_ACCESS, accessFor, formActionOf } from '../../../src/lib/server/http/route-access';
import { declaredRoutes } from '../../helpers/routes';

/**
 * Every route, method and form action the app declares has an access rule, and every rule
 * names something that exists: adding a route or an action without deciding who may use it
 * fails here (and tests/e2e/permission-matrix.spec.ts asks the running app, role by role).
 */

// the page modules themselves, imported as SvelteKit would, so their actions are the real ones
const pageServers = import.meta.glob<{ actions?: Record<string, unknown> }>(
	'/src/routes/**/+page.server.ts'
);
const routeIdOf = (file: string) =>
	file.replace(/^\/src\/routes/, '').replace(/\/\+page\.server\.ts$/, '') || '/';

async function actionsByRoute(): Promise<Map<string, string[]>> {
	const out = new Map<string, string[]>();
	for (const [file, load] of Object.entries(pageServers)) {
		out.set(routeIdOf(file), Object.keys((await load()).actions ?? {}));
	}
	return out;
}

// Importing every page module transforms most of the app: seconds on a busy 2-core machine.
describe('the access rules cover the routes', { timeout: 60_000 }, () => {
	const routes = declaredRoutes();

	test('the route files are found (the walk itself works)', async () => {
		expect(routes.map((r) => r.id)).toEqual(
			expect.arrayContaining(['/', '/login', '/import/history/[id]', '/api/v1/indicators'])
		);
		expect(routes.find((r) => r.id === '/api/v1/imports')!.methods).toEqual(['POST']);
		expect((await actionsByRoute()).get('/import/history/[id]')).toContain('undo');
	});

	test('every page, endpoint method and form action has a rule', async () => {
		const actions = await actionsByRoute();
		const missing: string[] = [];
		for (const route of routes) {
			const rule = ROUTE_ACCESS[route.id];
			if (!rule) {
				missing.push(route.id);
				continue;
			}
			if (route.page && !rule.page) missing.push(`page ${route.id}`);
			for (const action of actions.get(route.id) ?? []) {
				if (accessFor({ routeId: route.id, method: 'POST', action }) === null) {
					missing.push(`${route.id} ?/${action}`);
				}
			}
			for (const method of route.methods) {
				if (accessFor({ routeId: route.id, method, action: null }) === null) {
					missing.push(`${method} ${route.id}`);
				}
			}
		}
		expect(missing, 'add these to ROUTE_ACCESS in src/lib/server/http/route-access.ts').toEqual([]);
	});

	test('no rule names a route, method or action that does not exist', async () => {
		const actions = await actionsByRoute();
		const stale: string[] = [];
		for (const [id, rule] of Object.entries(ROUTE_ACCESS)) {
			const route = routes.find((r) => r.id === id);
			if (!route) {
				stale.push(id);
				continue;
			}
			for (const action of Object.keys(rule.actions ?? {})) {
				if (!(actions.get(id) ?? []).includes(action)) stale.push(`${id} ?/${action}`);
			}
			for (const method of Object.keys(rule.methods ?? {})) {
				if (!route.methods.includes(method)) stale.push(`${method} ${id}`);
			}
		}
		expect(stale).toEqual([]);
	});

	test('what has no rule is refused: an unknown route, method or action', () => {
		expect(accessFor({ routeId: '/nowhere', method: 'GET', action: null })).toBeNull();
		expect(accessFor({ routeId: '/api/v1/indicators', method: 'DELETE', action: null })).toBeNull();
		expect(
			accessFor({ routeId: '/import/history/[id]', method: 'POST', action: 'erase' })
		).toBeNull();
		expect(accessFor({ routeId: '/indicators', method: 'POST', action: 'default' })).toBeNull();
		expect(accessFor({ routeId: null, method: 'GET', action: null })).toBeNull();
	});

	test('form action names are read from the query', () => {
		expect(formActionOf('?/undo')).toBe('undo');
		expect(formActionOf('')).toBe('default');
		expect(formActionOf('?x=1&/save')).toBe('save');
	});
});

/**
 * The anonymous reader of the public view (docs/security.md "The public view"): which routes
 * it may read is written here from the issue, not copied from the table; with the view off it
 * has none (tests/integration/public-view/gate.spec.ts asks the gate itself, both ways).
 */
describe('the public view’s anonymous reader', () => {
	const OPENED_TO_THE_PUBLIC = [
		'GET /',
		'GET /objectives',
		'GET /objectives/[code]',
		'GET /indicators',
		'GET /indicators/[code]',
		'GET /indicators/[code]/series.csv',
		'GET /indicators/[code]/breakdown.csv',
		'GET /indicators/[code]/map.svg',
		'GET /api/v1/indicators',
		'GET /api/v1/indicators/[code]/series',
		// the API described: partners read what the public view opens to them
		'GET /api',
		'GET /api/v1/openapi.json'
	];

	test('reads exactly these routes, and only by GET', () => {
		const opened: string[] = [];
		for (const [id, rule] of Object.entries(ROUTE_ACCESS)) {
			if (rule.page === 'read-or-public') opened.push(`GET ${id}`);
			for (const [method, access] of Object.entries(rule.methods ?? {})) {
				if (access === 'read-or-public') opened.push(`${method} ${id}`);
			}
			for (const [action, access] of Object.entries(rule.actions ?? {})) {
				expect(access, `${id} ?/${action}`).not.toBe('read-or-public');
			}
		}
		expect(opened.sort()).toEqual([...OPENED_TO_THE_PUBLIC].sort());
	});

	test('a form on a page it reads is not its: the caveat forms stay with those who write them', () => {
		for (const action of ['addCaveat', 'updateCaveat', 'deleteCaveat']) {
			expect(accessFor({ routeId: '/indicators/[code]', method: 'POST', action })).toBe('caveat');
		}
		expect(accessFor({ routeId: '/indicators/[code]', method: 'HEAD', action: null })).toBe(
			'read-or-public'
		);
	});
});
