import { render } from 'svelte/server';
import MapSvg from '$lib/components/maps/MapSvg.svelte';
import { dateText } from '$lib/format/time';
import { today } from '$lib/server/clock';
import { periodLabel } from '$lib/format/period-text';
import { appDb } from '$lib/server/db/app-db';
import { jsonProblem } from '$lib/server/http/problems';
import { seriesQueryFrom } from '$lib/server/http/series-query';
import { loadAreaMap } from '$lib/server/maps/area-map';
import { mapChoiceFrom } from '$lib/server/maps/map-choice';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

/**
 * The page's map as a standalone SVG file: the same drawing (MapSvg), with its title, legend,
 * source and date, so it still says what it is once pasted into a report. The PNG export is
 * this picture drawn on a canvas by the page.
 */
export const GET: RequestHandler = ({ params, url, locals }) => {
	const result = loadAreaMap(
		appDb(),
		locals.actor,
		params.code,
		seriesQueryFrom(url),
		mapChoiceFrom(url)
	);
	if (!result.ok) return jsonProblem(result);
	const { map } = result;
	if (!map) {
		return jsonProblem({ problem: 'not_found', message: m.map_no_outlines() });
	}
	const period = periodLabel(map.period.period);
	const { body } = render(MapSvg, {
		props: {
			map,
			patternId: 'no-data',
			standalone: {
				title: `${map.indicator.code} · ${map.indicator.title}`,
				subtitle: map.perPeople
					? m.map_caption_per_people({ code: map.indicator.code, period })
					: m.map_export_subtitle({ period }),
				source: map.indicator.source ?? m.dash_png_mission_data(),
				date: dateText(today())
			}
		}
	});
	// the renderer's hydration markers are comments: harmless in an SVG file, dropped for tidiness
	const svg = body.replace(/<!--[^>]*-->/g, '');
	const name = [map.indicator.code, map.area ?? 'mission', map.period.period, 'map'].join('-');
	return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'content-disposition': `inline; filename="${name.replace(/[^\w.-]+/g, '_')}.svg"`
		}
	});
};
