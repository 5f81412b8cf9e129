/**
 * Area outlines drawn as SVG path strings on the server (docs/maps.md): a Mercator projection
 * fitted to the drawn areas, so a map costs a few kilobytes of HTML and no map library in the
 * browser. Pure: takes outlines, returns numbers and strings.
 */
import { geoArea, geoContains, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** The drawing's width in SVG units; its height follows the areas' shape. */
export const MAP_WIDTH = 640;
const PADDING = 8;
/** Tenths of a unit: finer than a screen shows at this width, and half the bytes of d3's 3 digits. */
const DIGITS = 1;

export interface OutlineDrawing {
	width: number;
	height: number;
	/** Each area's outline as an SVG path `d`, by area id. */
	paths: Map<number, string>;
	/**
	 * Where a longitude and latitude fall in the drawing; null outside every drawn area (a site
	 * of a neighbouring province is not this map's).
	 */
	place(longitude: number, latitude: number): [number, number] | null;
}

/**
 * d3-geo reads a ring's winding on the sphere (an exterior ring clockwise), while GeoJSON files
 * (RFC 7946) wind exterior rings anticlockwise: read as d3 would, such a polygon is the whole
 * globe but the area. A polygon covering more than half the sphere is turned round.
 */
function wound(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const fix = (rings: Position[][]): Position[][] => {
		const area = geoArea({ type: 'Polygon', coordinates: rings });
		return area > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
	};
	return geometry.type === 'Polygon'
		? { type: 'Polygon', coordinates: fix(geometry.coordinates) }
		: { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
}

/** The outlines projected to fit `width`, north up; null when there is nothing to draw. */
export function drawOutlines(
	outlines: ReadonlyMap<number, Polygon | MultiPolygon>,
	width: number = MAP_WIDTH
): OutlineDrawing | null {
	if (outlines.size === 0) return null;
	const features: Feature<Polygon | MultiPolygon, { id: number }>[] = [...outlines].map(
		([id, geometry]) => ({ type: 'Feature', properties: { id }, geometry: wound(geometry) })
	);
	const collection: FeatureCollection<Polygon | MultiPolygon> = {
		type: 'FeatureCollection',
		features
	};
	const projection: GeoProjection = geoMercator().fitWidth(width - 2 * PADDING, collection);
	const [[, y0], [, y1]] = geoPath(projection).bounds(collection);
	const height = Math.max(1, Math.ceil(y1 - y0) + 2 * PADDING);
	const [tx, ty] = projection.translate();
	projection.translate([tx + PADDING, ty - y0 + PADDING]);
	const path = geoPath(projection).digits(DIGITS);
	const paths = new Map<number, string>();
	for (const f of features) {
		const d = path(f);
		if (d) paths.set(f.properties.id, d);
	}
	return {
		width,
		height,
		paths,
		place(longitude, latitude) {
			if (!features.some((f) => geoContains(f, [longitude, latitude]))) return null;
			const point = projection([longitude, latitude]);
			if (!point) return null;
			const [x, y] = point;
			if (x < 0 || y < 0 || x > width || y > height) return null;
			return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
		}
	};
}
