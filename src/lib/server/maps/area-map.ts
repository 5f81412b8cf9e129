/**
 * The choropleth of the indicator page (docs/maps.md): one indicator's figure per area one
 * level below the area shown, for one bucket, with the areas' outlines projected to SVG paths
 * and the sites open during the bucket. The figures are the small multiples' series
 * (dashboard/indicator-detail.ts): the map has no computation path of its own.
 */
import { quantileClasses, type MapClass } from '../../domain/maps/classes';
import {
	chosenPeriod,
	mapPeriods,
	perHundredThousand,
	valueIn,
	type MapPeriod
} from '../../domain/maps/buckets';
import { localizedIndicator } from '../../domain/localized-text';
import type { Direction, Measure, SiteType } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import { cachedView } from '../cache/view-cache';
import type { Db } from '../db';
import { currentLocale } from '../i18n/request-locale';
import { loadIndicatorDetail } from '../dashboard/indicator-detail';
import {
	openIndicatorRequest,
	queryKey,
	type Resolution,
	type SeriesQuery
} from '../series/load-series';
import { drawOutlines } from './draw-outlines';
import { areaOutlines } from './outlines';
import { sitesOpenDuring } from './sites';

/** What the reader chose on the map's own control (URL `map_period`, `map_per`). */
export interface MapChoice {
	/** A bucket code such as `2026-Q2`; null for the latest with figures. */
	period: string | null;
	/** Counts per 100,000 people instead of counts (when populations are known). */
	perPeople: boolean;
}

export interface MapArea {
	code: string;
	name: string;
	/** The figure shown: the series' point, or that count per 100,000 people. Null: no data. */
	value: number | null;
	/** Index into `classes`; null for no data. */
	class: number | null;
	/** The outline as an SVG path; null when the area has no stored outline (listed, not drawn). */
	path: string | null;
}

export interface MapSitePoint {
	code: string;
	name: string;
	type: SiteType;
	x: number;
	y: number;
}

export interface AreaMapView {
	indicator: {
		code: string;
		/** in the reader's language where given; `titleLang` 'en' for the English fallback */
		title: string;
		titleLang?: 'en';
		/** the indicator's data source, named by the exports */
		source: string | null;
		measure: Measure;
		unit: string | null;
		direction: Direction;
	};
	/** The area whose children are drawn; null is the whole mission. */
	area: string | null;
	period: MapPeriod;
	/** Every bucket of the series, for the period control, earliest first. */
	periods: MapPeriod[];
	/** The bucket asked for is not in the series: the latest is shown instead. */
	unknownPeriod: string | null;
	/** The values are counts per 100,000 people (`measure` is then `per_100k`). */
	perPeople: boolean;
	/** A count indicator whose areas have populations can be shown per 100,000 people. */
	canPerPeople: boolean;
	/** The measure the values are in: the indicator's, or per_100k when `perPeople`. */
	measure: Measure;
	width: number;
	height: number;
	classes: MapClass[];
	areas: MapArea[];
	sites: MapSitePoint[];
}

/**
 * The map of `code` for the area of `query` (null when there is nothing to draw: no areas
 * below, no outlines, no buckets). Kept per data version and visibility like the other views.
 */
export function loadAreaMap(
	db: Db,
	actor: Actor,
	code: string,
	query: SeriesQuery,
	choice: MapChoice
): Resolution<{ map: AreaMapView | null }> {
	return cachedView(
		db,
		actor,
		'area-map',
		[code, ...queryKey(query), choice.period, choice.perPeople],
		() => computeAreaMap(db, actor, code, query, choice)
	);
}

function computeAreaMap(
	db: Db,
	actor: Actor,
	code: string,
	query: SeriesQuery,
	choice: MapChoice
): Resolution<{ map: AreaMapView | null }> {
	const opened = openIndicatorRequest(db, actor, code, query);
	if (!opened.ok) return opened;
	const { tree, indicator } = opened;
	// a map's classes are ranges of numbers; a milestone's stages are read in its areas' step
	// charts instead (docs/formats.md "The measure `milestone`")
	if (indicator.measure === 'milestone') return { ok: true, map: null };
	// outlines first: a mission without boundaries pays one small query, not the series
	const outlines = areaOutlines(
		db,
		tree.childrenOf(opened.query.areaId).map((a) => a.id)
	);
	const drawing = drawOutlines(outlines);
	if (!drawing) return { ok: true, map: null };
	const detail = loadIndicatorDetail(db, actor, code, query, null);
	if (!detail.ok) return detail;
	const children = detail.detail.multiples.flatMap((m) => {
		const node = tree.byCodeOf(m.code);
		return node ? [{ ...m, id: node.id }] : [];
	});
	const periods = mapPeriods(children);
	const { period, unknown } = chosenPeriod(periods, choice.period);
	if (!period) return { ok: true, map: null };

	const year = Number(period.start.slice(0, 4));
	const canPerPeople =
		indicator.measure === 'count' && children.some((c) => tree.populationOf(c.id, year) !== null);
	const perPeople = canPerPeople && choice.perPeople;
	const values = new Map(
		children.map((c) => {
			const value = valueIn(c.points, period.period);
			return [c.id, perPeople ? perHundredThousand(value, tree.populationOf(c.id, year)) : value];
		})
	);
	// only drawn areas are classed: a shade is a statement about the map
	const { classes, classOf } = quantileClasses(
		children.filter((c) => drawing.paths.has(c.id)).map((c) => values.get(c.id) ?? null),
		indicator.direction
	);
	const areas: MapArea[] = children.map((c) => {
		const path = drawing.paths.get(c.id) ?? null;
		const value = values.get(c.id) ?? null;
		return {
			code: c.code,
			name: c.name,
			value,
			class: path === null ? null : classOf(value),
			path
		};
	});
	const read = localizedIndicator(indicator, currentLocale());
	const sites = sitesOpenDuring(db, actor, period.start, period.end).flatMap((s) => {
		const at = drawing.place(s.longitude, s.latitude);
		return at ? [{ code: s.code, name: s.name, type: s.type, x: at[0], y: at[1] }] : [];
	});
	return {
		ok: true,
		map: {
			indicator: {
				code: indicator.code,
				title: read.title,
				...(read.titleLang ? { titleLang: read.titleLang } : {}),
				source: indicator.dataSource,
				measure: indicator.measure,
				unit: indicator.unit,
				direction: indicator.direction
			},
			area: opened.query.areaId === null ? null : (tree.get(opened.query.areaId)?.code ?? null),
			period,
			periods,
			unknownPeriod: unknown ? choice.period : null,
			perPeople,
			canPerPeople,
			measure: perPeople ? 'per_100k' : indicator.measure,
			width: drawing.width,
			height: drawing.height,
			classes,
			areas,
			sites
		}
	};
}
