import { error, json } from '@sveltejs/kit';
import type { Resolution, SeriesQuery } from '../series/load-series';

/** The series filters of a URL: `?area=&from=&to=&by=&verified_only=` (formats.md §4). */
export function seriesQueryFrom(url: URL): SeriesQuery {
	const flag = url.searchParams.get('verified_only');
	return {
		area: url.searchParams.get('area'),
		from: url.searchParams.get('from'),
		to: url.searchParams.get('to'),
		by: url.searchParams.get('by'),
		verifiedOnly: flag !== null && !['', '0', 'false', 'no'].includes(flag.toLowerCase())
	};
}

const STATUS = { bad_request: 400, not_found: 404 } as const;

/** A refused resolution as a JSON error response (the API). */
export function jsonProblem(r: Extract<Resolution<object>, { ok: false }>): Response {
	return json({ error: r.message }, { status: STATUS[r.problem] });
}

/** A refused resolution as an error page (the pages). */
export function pageProblem(r: Extract<Resolution<object>, { ok: false }>): never {
	error(STATUS[r.problem], r.message);
}
