/**
 * The objective page's map: one map with an indicator picker rather than a small map per card
 * (docs/maps.md "On the objective page"). A map needs room to be read — a card's third of the
 * page leaves areas a few pixels wide — and each map costs its paths in HTML, so one map keeps
 * the page light however many indicators the objective has. The picker offers the indicators
 * that have a figure by area, in the page's order.
 */
import type { Actor } from '../actor';
import { cachedView } from '../cache/view-cache';
import type { Db } from '../db';
import { queryKey, type SeriesQuery } from '../series/load-series';
import { loadAreaMap, type AreaMapView, type MapChoice } from './area-map';

export interface ObjectiveMap {
	/** The indicators with figures by area for this query, for the picker. */
	options: string[];
	/** The map of the chosen one (the asked code when it is an option, else the first). */
	map: AreaMapView | null;
}

/** Whether a map shows any figure at all (in its default bucket, the latest with figures). */
function hasFigures(map: AreaMapView | null): boolean {
	return map !== null && map.areas.some((a) => a.value !== null);
}

export function loadObjectiveMap(
	db: Db,
	actor: Actor,
	codes: readonly string[],
	query: SeriesQuery,
	asked: string | null,
	choice: MapChoice
): ObjectiveMap {
	const options = cachedView(db, actor, 'objective-map-options', [codes, ...queryKey(query)], () =>
		codes.filter((code) => {
			const map = loadAreaMap(db, actor, code, query, { period: null, perPeople: false });
			return map.ok && hasFigures(map.map);
		})
	);
	const chosen = asked !== null && options.includes(asked) ? asked : options[0];
	if (chosen === undefined) return { options, map: null };
	const map = loadAreaMap(db, actor, chosen, query, choice);
	return { options, map: map.ok ? map.map : null };
}
