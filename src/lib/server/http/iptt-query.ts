import type { IpttQuery } from '$lib/server/reports/iptt/iptt';

/** The IPTT's filters as the URL carries them (a plain GET form), shared by page and download. */
export function ipttQuery(url: URL): IpttQuery {
	const get = (name: string) => url.searchParams.get(name)?.trim() || null;
	return {
		objective: get('objective'),
		category: get('category'),
		tier: get('tier'),
		component: get('component'),
		area: get('area'),
		by: get('by'),
		from: get('from'),
		to: get('to')
	};
}
