import { z } from 'zod';
import type { MapChoice } from './area-map';

/**
 * The map's own URL parameters: `map_period` (a bucket code such as `2026-Q2`; empty for the
 * latest with figures) and `map_per=100k` (counts per 100,000 people). Shapes only: whether the
 * bucket exists is the map's to say.
 */
const mapParams = z.object({
	map_period: z
		.string()
		.nullable()
		.transform((v) => v?.trim() || null),
	map_per: z
		.string()
		.nullable()
		.transform((v) => v?.trim().toLowerCase() === '100k')
});

export function mapChoiceFrom(url: URL): MapChoice {
	const p = mapParams.parse({
		map_period: url.searchParams.get('map_period'),
		map_per: url.searchParams.get('map_per')
	});
	return { period: p.map_period, perPeople: p.map_per };
}
