/**
 * The app's routes as the file system declares them: every page, endpoint and method, found
 * from the files under src/routes (form actions are read by importing the page modules, in
 * tests/integration/access/route-rules.spec.ts). The permission tests compare this with the
 * access rules, so a new route without a rule fails them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const ROUTES_DIR = join(import.meta.dirname, '..', '..', 'src', 'routes');

export interface DeclaredRoute {
	/** SvelteKit's route id: `/import/history/[id]` */
	id: string;
	page: boolean;
	/** endpoint methods (`+server.ts` exports) */
	methods: string[];
}

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]
	);
}

export function declaredRoutes(): DeclaredRoute[] {
	const byId = new Map<string, DeclaredRoute>();
	for (const file of walk(ROUTES_DIR)) {
		const name = file.split(sep).at(-1)!;
		if (!/^\+(page\.svelte|server\.ts)$/.test(name)) continue;
		const dir = relative(ROUTES_DIR, join(file, '..')).split(sep).join('/');
		// (group) folders are not part of the URL
		const id =
			'/' +
			dir
				.split('/')
				.filter((p) => p && !/^\(.*\)$/.test(p))
				.join('/');
		const route = byId.get(id) ?? { id, page: false, methods: [] };
		byId.set(id, route);
		const source = readFileSync(file, 'utf8');
		if (name === '+page.svelte') route.page = true;
		if (name === '+server.ts') {
			for (const m of source.matchAll(
				/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g
			)) {
				route.methods.push(m[1]!);
			}
		}
	}
	return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
